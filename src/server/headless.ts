import type { FastifyInstance } from 'fastify';
import { openCentre, type CentreOptions } from '../core/centre';
import type { Core } from '../core';
import type { AppDatabase } from '../core/db/open-database';
import type { RateLimits } from './rate-limit';
import { buildServer, type TlsMaterial } from './server';

export interface HeadlessOptions extends CentreOptions {
  host: string;
  port: number;
  webRoot?: string;
  rateLimits?: RateLimits;
  tls?: TlsMaterial;
}

export interface HeadlessServer {
  url: string;
  core: Core;
  database: AppDatabase;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Store + core + HTTP, the same way for `npm run serve`, the packaged app's `--headless` and the tests. */
export async function startHeadless(opts: HeadlessOptions): Promise<HeadlessServer> {
  const centre = await openCentre(opts);
  try {
    const app = await buildServer({ core: centre.core, logger: opts.logger, version: opts.version, webRoot: opts.webRoot, rateLimits: opts.rateLimits, tls: opts.tls });
    await app.listen({ host: opts.host, port: opts.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const url = `${opts.tls ? 'https' : 'http'}://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
    return {
      url,
      core: centre.core,
      database: centre.database,
      app,
      close: async () => {
        await app.close();
        centre.close();
      },
    };
  } catch (error) {
    centre.close();
    throw error;
  }
}
