import { openCentre, type CentreOptions } from '../../core/centre';
import { systemClock } from '../../core/clock';
import type { Core } from '../../core/core';
import type { Logger } from '../../core/logger';
import { startHeadless } from '../../server/headless';
import { loadTlsMaterial } from '../../server/tls-files';
import { withNativeBuildHint } from '../core-host';
import type { CoreProcessOptions } from './protocol';

/** The core as the child process runs it: the store open, and the HTTP server too when main asked to serve. */
export interface RunningCore {
  core: Core;
  serverUrl: string | null;
  close(): Promise<void>;
}

/** Opens the centre from the options main sent; the clock and logger are the child's own (they cannot travel). */
export function openCore(options: CoreProcessOptions, logger: Logger): Promise<RunningCore> {
  const centreOptions: CentreOptions = {
    dataDir: options.dataDir,
    demo: options.demo,
    seed: options.seed,
    adminToken: options.adminToken,
    nativeBinding: options.nativeBinding,
    version: options.version,
    reportWorker: options.reportWorker === undefined ? undefined : new URL(options.reportWorker),
    clock: systemClock,
    logger,
  };
  return withNativeBuildHint(options.nativeBinding, async () => {
    const { serve } = options;
    if (!serve) {
      const centre = await openCentre(centreOptions);
      return { core: centre.core, serverUrl: null, close: async () => centre.close() };
    }
    const server = await startHeadless({
      ...centreOptions,
      host: serve.host,
      port: serve.port,
      webRoot: serve.webRoot,
      // Read here, so the key never crosses the message channel; a bad file is a fatal error main can show.
      tls: serve.tls && loadTlsMaterial(serve.tls.certFile, serve.tls.keyFile),
    });
    return { core: server.core, serverUrl: server.url, close: () => server.close() };
  });
}
