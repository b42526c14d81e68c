import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core';
import type { Clock } from '../core/clock';
import { openDatabase, type AppDatabase } from '../core/db/open-database';
import { seedDemo } from '../core/demo/seed-demo';
import type { Logger } from '../core/logger';
import { buildServer } from './server';

export interface HeadlessOptions {
  dataDir: string;
  host: string;
  port: number;
  demo: boolean;
  seed: number;
  webRoot?: string;
  adminToken?: string;
  clock: Clock;
  logger: Logger;
  version: string;
}

export interface HeadlessServer {
  url: string;
  core: Core;
  database: AppDatabase;
  app: FastifyInstance;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'dispatch.db';

/** Store + core + HTTP, the same way for `npm run serve`, the packaged app's `--headless` and the tests. */
export async function startHeadless(opts: HeadlessOptions): Promise<HeadlessServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const database = openDatabase({ file: join(opts.dataDir, DATABASE_FILE) });
  try {
    const core = createCore({ db: database.db, clock: opts.clock, logger: opts.logger, facts: { version: opts.version, demo: opts.demo } });
    if (opts.demo) {
      const summary = await seedDemo(database.db, { seed: opts.seed, now: opts.clock.now() });
      opts.logger.info(summary.seeded ? 'demo centre seeded' : 'demo centre already present', { ...summary });
    }
    if (opts.adminToken) await core.auth.bootstrapAdminToken(opts.adminToken);
    const app = await buildServer({ core, logger: opts.logger, version: opts.version, webRoot: opts.webRoot });
    await app.listen({ host: opts.host, port: opts.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
    return {
      url,
      core,
      database,
      app,
      close: async () => {
        await app.close();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
