import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AcceleratedClock, consoleLogger, systemClock, type Clock, type Core } from '../core';
import type { MethodOutput } from '../shared/contract';
import { SYSTEM_PRINCIPAL } from '../shared/roles';
import { DataDirInUseError } from '../core/db/data-dir-lock';
import { StoreDamagedError } from '../core/db/integrity';
import { parseCliOptions, USAGE } from './cli-options';
import { startHeadless } from './headless';
import { startSimulator } from './simulator/simulator';
import { fingerprintLine, loadTlsMaterial } from './tls-files';
import { ensureWebBuild } from './web-build';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  let tls;
  try {
    tls = options.tlsCert && options.tlsKey ? loadTlsMaterial(options.tlsCert, options.tlsKey) : undefined;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const webRoot = options.webRoot ?? (await ensureWebBuild(projectRoot, (m) => consoleLogger.info(m)));
  // In a simulation the whole centre runs on simulated time, so SLA clocks and countdowns move at --speed.
  const clock = options.simulate ? new AcceleratedClock(options.speed) : systemClock;
  const server = await startHeadless({
    dataDir: options.dataDir,
    host: options.host,
    port: options.port,
    demo: options.demo,
    seed: options.seed,
    webRoot,
    tls,
    adminToken: process.env.DISPATCH_ADMIN_TOKEN || undefined,
    clock,
    logger: consoleLogger,
    version,
  });
  consoleLogger.info('Dispatch Control Room is serving', { url: server.url, dataDir: options.dataDir, demo: options.demo });
  process.stdout.write(`Dispatch Control Room listening on ${server.url}  (data: ${options.dataDir})\n`);
  if (tls) process.stdout.write(fingerprintLine(tls));

  const simulation = options.simulate ? await startSimulation(server.url, server.core, clock, options.seed) : null;

  const shutdown = async (signal: string) => {
    consoleLogger.info('shutting down', { signal });
    await simulation?.stop();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The simulator is an integration like any other: it gets its own scoped key, revoked when it stops. */
async function startSimulation(url: string, core: Core, clock: Clock, seed: number) {
  const { key, secret } = (await core.call(
    'apiKeys.create',
    { kind: 'integration', name: 'Simulator', scopes: ['reference:read', 'telemetry:write', 'requests:write', 'work-orders:read'] },
    SYSTEM_PRINCIPAL,
  )) as MethodOutput<'apiKeys.create'>;
  const dispatcherToken = await signIn(url, 'dispatcher', 'demo-dispatcher');
  if (!dispatcherToken) consoleLogger.warn('the demo dispatcher cannot sign in: proposals wait for a person');
  const simulator = await startSimulator({ baseUrl: url, integrationToken: secret, dispatcherToken, clock, seed, logger: consoleLogger });
  return {
    stop: async () => {
      simulator.stop();
      await core.call('apiKeys.revoke', { id: key.id }, SYSTEM_PRINCIPAL);
    },
  };
}

async function signIn(url: string, username: string, password: string): Promise<string | null> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return response.ok ? ((await response.json()) as { token: string }).token : null;
}

main().catch((error) => {
  // A folder in use or a damaged file is the operator's to fix: the message says how; a stack would bury it.
  if (error instanceof DataDirInUseError || error instanceof StoreDamagedError) process.stderr.write(`${error.message}\n`);
  else consoleLogger.error('failed to start', { error: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
