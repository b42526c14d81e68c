import type { App } from 'electron';
import { join } from 'node:path';
import { systemClock } from '../core/clock';
import { DataDirInUseError } from '../core/db/data-dir-lock';
import { StoreDamagedError } from '../core/db/integrity';
import { consoleLogger, type Logger } from '../core/logger';
import { startHeadless, type HeadlessServer } from '../server/headless';
import { fingerprintLine, loadTlsMaterial } from '../server/tls-files';
import type { AppOptions } from './app-options';
import { electronNativeBinding, withNativeBuildHint } from './core-host';

export interface HeadlessModeDeps {
  app: Pick<App, 'disableHardwareAcceleration' | 'isReady' | 'getPath' | 'getAppPath' | 'getVersion' | 'exit'> & {
    dock?: Pick<NonNullable<App['dock']>, 'hide'>;
    on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  };
  /** Where SIGINT and SIGTERM arrive: the process, or an emitter in tests. */
  signals?: { once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
  stdout?: Pick<NodeJS.WriteStream, 'write'>;
  stderr?: Pick<NodeJS.WriteStream, 'write'>;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * The packaged app started with `--headless`: the headless server (REST, RPC, event stream, the web renderer) on
 * Electron's own Node, no window. Call it before the app is ready (hardware acceleration can only be turned off
 * then). Resolves with the running server, or null after a failed start (the app then exits: status 2 for unusable TLS
 * files, 1 otherwise).
 */
export async function runHeadlessMode(options: AppOptions, deps: HeadlessModeDeps): Promise<HeadlessServer | null> {
  const { app, signals = process, stdout = process.stdout, stderr = process.stderr, env = process.env, logger = consoleLogger } = deps;
  // No window will ever open: keep Chromium's GPU process off a server, and the app out of the macOS dock.
  // Electron accepts the GPU switch only before the app is ready.
  if (app.isReady()) logger.warn('headless mode started after the app was ready: hardware acceleration stays on');
  else app.disableHardwareAcceleration();
  app.dock?.hide();
  const dataDir = options.dataDir ?? app.getPath('userData');
  const nativeBinding = electronNativeBinding(app.getAppPath());
  let tls;
  try {
    tls = options.tlsCert && options.tlsKey ? loadTlsMaterial(options.tlsCert, options.tlsKey) : undefined;
  } catch (error) {
    // A wrong path or a mismatched key is a usage error, as with `npm run serve`: one sentence, status 2.
    stderr.write(`${(error as Error).message}\n`);
    app.exit(2);
    return null;
  }
  let server: HeadlessServer;
  try {
    server = await withNativeBuildHint(nativeBinding, () =>
      startHeadless({
        dataDir,
        demo: options.demo,
        seed: options.seed,
        host: options.host,
        port: options.port,
        // The web renderer (npm run build:web) shipped beside main; without it the API still serves.
        webRoot: options.webRoot ?? join(app.getAppPath(), 'out', 'web'),
        tls,
        adminToken: env.DISPATCH_ADMIN_TOKEN || undefined,
        nativeBinding,
        version: app.getVersion(),
        clock: systemClock,
        logger,
      }),
    );
  } catch (error) {
    // A folder in use or a damaged file is the operator's to fix: the message says how; a stack would bury it.
    if (error instanceof DataDirInUseError || error instanceof StoreDamagedError) stderr.write(`${error.message}\n`);
    else logger.error('failed to start', { error: String((error as Error)?.stack ?? error) });
    app.exit(1);
    return null;
  }
  logger.info('Dispatch Control Room is serving', { url: server.url, dataDir, demo: options.demo });
  stdout.write(`Dispatch Control Room listening on ${server.url}  (data: ${dataDir})\n`);
  if (tls) stdout.write(fingerprintLine(tls));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // Closing the store checkpoints the WAL, so the exit waits for it.
    server
      .close()
      .then(() => app.exit(0))
      .catch((error: unknown) => {
        logger.error('shutdown failed', { error: String((error as Error)?.stack ?? error) });
        app.exit(1);
      });
  };
  signals.once('SIGINT', () => shutdown('SIGINT'));
  signals.once('SIGTERM', () => shutdown('SIGTERM'));
  // Electron may turn a signal or the session ending into a quit of its own: that quit waits for the store too.
  app.on('will-quit', (event) => {
    event.preventDefault();
    shutdown('quit');
  });
  return server;
}
