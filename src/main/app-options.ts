import { parseArgs } from 'node:util';
import { z } from 'zod';

const AppOptions = z.object({
  dataDir: z.string().min(1).optional(),
  demo: z.boolean().default(false),
  /** Same default as `npm run serve`, so both seed the same demo centre. */
  // A string schema, not coercion: a bare `--seed` parses as `true`, which must be refused, not read as 1.
  seed: z.string().regex(/^-?\d+$/, 'expected an integer').transform(Number).default(1),
});
export type AppOptions = z.infer<typeof AppOptions>;

export const APP_USAGE = `Options: --data-dir DIR (default: the per-user data folder), --demo (seed a synthetic centre), --seed N (default 1).
Environment: DISPATCH_ADMIN_TOKEN bootstraps an admin API token (at least 16 characters).`;

/**
 * The app's own flags. Unknown flags are ignored rather than refused: Electron and Chromium take theirs
 * (--inspect, --enable-logging…) from the same command line, and in development `electron .` adds a path.
 */
export function parseAppOptions(argv: readonly string[]): AppOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean' }, seed: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const parsed = AppOptions.safeParse({ dataDir: values['data-dir'], demo: values.demo, seed: values.seed });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => `--${kebab(String(i.path[0]))}: ${i.message}`).join('\n')}\n${APP_USAGE}`);
  }
  return parsed.data;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
