import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hasWholeTlsPair, isProtectedListener, PLAIN_NETWORK_MESSAGE, TLS_PAIR_MESSAGE } from '../server/cli-options';

/** Flags are strings; a bare `--seed` or `--port` parses as `true`, which must be refused, not read as a number. */
const integer = z.string().regex(/^-?\d+$/, 'expected an integer').transform(Number);

const AppOptions = z
  .object({
    dataDir: z.string().min(1).optional(),
    demo: z.boolean().default(false),
    /** Same default as `npm run serve`, so both seed the same demo centre. */
    seed: integer.default(1),
    /** Serve the centre over HTTP with Electron's own Node instead of opening windows. */
    headless: z.boolean().default(false),
    /** Desktop host mode: the app's windows as usual, and the same centre served to other workstations. */
    serve: z.boolean().default(false),
    host: z.string().min(1).default('127.0.0.1'),
    port: integer.pipe(z.number().min(0).max(65535)).default(5170),
    webRoot: z.string().min(1).optional(),
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
    insecureHttp: z.boolean().default(false),
  })
  // The same rules as `npm run serve` (src/server/cli-options.ts): one server, one policy, whichever way it starts.
  .refine(hasWholeTlsPair, { message: TLS_PAIR_MESSAGE, path: ['tlsCert'] })
  // A desktop that serves nobody may name any host; the policy applies once it listens.
  .refine((o) => !(o.headless || o.serve) || isProtectedListener(o), { message: PLAIN_NETWORK_MESSAGE, path: ['host'] });
export type AppOptions = z.infer<typeof AppOptions>;

export const APP_USAGE = `Options: --data-dir DIR (default: the per-user data folder), --demo (seed a synthetic centre), --seed N (default 1).
Host the centre for other workstations too: --serve with the server flags below.
Server without windows: --headless [--host ADDR (default 127.0.0.1)] [--port N (default 5170)] [--web-root DIR]
  [--tls-cert FILE --tls-key FILE (required with a --host other than loopback)] [--insecure-http (allow plain HTTP off loopback)].
Environment: DISPATCH_ADMIN_TOKEN bootstraps an admin API token (at least 16 characters).`;

const FLAGS = {
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  seed: { type: 'string' },
  headless: { type: 'boolean' },
  serve: { type: 'boolean' },
  host: { type: 'string' },
  port: { type: 'string' },
  'web-root': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'insecure-http': { type: 'boolean' },
} as const;

/**
 * The app's own flags. Unknown flags are ignored rather than refused: Electron and Chromium take theirs
 * (--inspect, --enable-logging…) from the same command line, and in development `electron .` adds a path.
 */
export function parseAppOptions(argv: readonly string[]): AppOptions {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true });
  const parsed = AppOptions.safeParse(Object.fromEntries(Object.entries(values).map(([flag, value]) => [camel(flag), value])));
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => `--${kebab(String(i.path[0]))}: ${i.message}`).join('\n')}\n${APP_USAGE}`);
  }
  return parsed.data;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
