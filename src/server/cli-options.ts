import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The listener flags both `npm run serve` and the packaged app's `--headless`/`--serve` take. */
export interface ListenerFlags {
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  insecureHttp: boolean;
}

export const TLS_PAIR_MESSAGE = 'give both --tls-cert and --tls-key, or neither';
export const PLAIN_NETWORK_MESSAGE = 'serving the network needs --tls-cert and --tls-key (or --insecure-http to send tokens unencrypted)';

export const hasWholeTlsPair = (o: ListenerFlags): boolean => (o.tlsCert === undefined) === (o.tlsKey === undefined);

/** Sign-in tokens cross the wire on every call: off this machine they travel encrypted unless explicitly waived. */
export const isProtectedListener = (o: ListenerFlags): boolean => isLoopback(o.host) || o.tlsCert !== undefined || o.insecureHttp;

/** Command-line flags are outside input too: parsed by one schema, with a clear message on a bad value. */
const CliOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5170),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).optional(),
  demo: z.boolean().default(false),
  simulate: z.boolean().default(false),
  speed: z.coerce.number().positive().max(3600).default(60),
  seed: z.coerce.number().int().default(1),
  webRoot: z.string().optional(),
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
  insecureHttp: z.boolean().default(false),
  help: z.boolean().default(false),
})
  .refine(hasWholeTlsPair, { message: TLS_PAIR_MESSAGE, path: ['tls-cert'] })
  .refine(isProtectedListener, { message: PLAIN_NETWORK_MESSAGE, path: ['host'] });
export type CliOptions = z.infer<typeof CliOptions> & { dataDir: string };

export const USAGE = `Usage: npm run serve -- [options]
  --port N         HTTP port (default 5170)
  --host ADDR      address to bind (default 127.0.0.1; use 0.0.0.0 to serve the LAN)
  --data-dir DIR   where the database lives (default: the per-user data folder)
  --demo           seed a synthetic dispatch centre on first start
  --simulate       feed live requests, progress and GPS pings through the public API (implies --demo)
  --speed N        simulated seconds per real second (default 60)
  --seed N         seed for the demo and simulator (default 1)
  --web-root DIR   serve the renderer from DIR (default: out/web, built on demand)
  --tls-cert FILE  PEM certificate (chain): serve HTTPS, required with a --host other than loopback
  --tls-key FILE   PEM private key of that certificate
  --insecure-http  allow plain HTTP on a non-loopback --host (tokens travel unencrypted)
Environment: DISPATCH_ADMIN_TOKEN bootstraps an admin API token (at least 16 characters).`;

export function parseCliOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
      simulate: { type: 'boolean' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      'web-root': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'insecure-http': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const parsed = CliOptions.safeParse({
    ...values,
    dataDir: values['data-dir'],
    webRoot: values['web-root'],
    tlsCert: values['tls-cert'],
    tlsKey: values['tls-key'],
    insecureHttp: values['insecure-http'],
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${kebab(i.path.join('.'))}: ${i.message}`).join('\n'));
  }
  const options = parsed.data;
  return { ...options, demo: options.demo || options.simulate, dataDir: options.dataDir ?? defaultDataDir() };
}

/** The per-user data folder each OS expects (matches Electron's userData for the same product name). */
export function defaultDataDir(): string {
  const name = 'Dispatch Control Room';
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

/** Addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
