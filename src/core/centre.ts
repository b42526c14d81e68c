import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';
import { createCore, type Core } from './core';
import { lockDataDir } from './db/data-dir-lock';
import { openDatabase, type AppDatabase } from './db/open-database';
import { startWalCheckpointer } from './db/wal-checkpointer';
import { seedDemo } from './demo/seed-demo';
import type { Logger } from './logger';

/** One file name for every host, so `--data-dir` can point the desktop app and the server at the same centre. */
export const DATABASE_FILE = 'dispatch.db';

export interface CentreOptions {
  dataDir: string;
  demo: boolean;
  seed: number;
  /** DISPATCH_ADMIN_TOKEN: ensures an admin API key with this secret exists. */
  adminToken?: string;
  /** better_sqlite3.node built for the running ABI (Electron's), when it is not Node's. */
  nativeBinding?: string;
  version: string;
  clock: Clock;
  logger: Logger;
  /** Run time-driven jobs on a timer (default); tests that move a manual clock call `runScheduledJobs` themselves. */
  scheduler?: boolean;
  /** The report worker's built entry (Electron); from source, core finds its own. */
  reportWorker?: URL;
}

export interface Centre {
  core: Core;
  database: AppDatabase;
  close(): void;
}

/** Opens the store in the data folder, builds the core, seeds the demo and bootstraps the admin token: every host's start-up. */
export async function openCentre(options: CentreOptions): Promise<Centre> {
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir, options.nativeBinding);
  let database: AppDatabase;
  try {
    database = openDatabase({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding, checkIntegrity: true });
  } catch (error) {
    lock.release();
    throw error;
  }
  const stopCheckpointer = startWalCheckpointer(database.sqlite.name, options.logger, options.nativeBinding);
  try {
    const core = createCore({
      db: database.db,
      clock: options.clock,
      logger: options.logger,
      facts: { version: options.version, demo: options.demo },
      storage: { sqlite: database.sqlite, backupDir: join(options.dataDir, 'backups'), nativeBinding: options.nativeBinding },
      reportWorker: options.reportWorker,
    });
    if (options.demo) {
      const summary = await seedDemo(database.db, { seed: options.seed, now: options.clock.now() });
      options.logger.info(summary.seeded ? 'demo centre seeded' : 'demo centre already present', { ...summary });
    }
    if (options.adminToken) await core.auth.bootstrapAdminToken(options.adminToken);
    await core.runScheduledJobs();
    const stopScheduler = options.scheduler === false ? () => {} : core.startScheduler();
    return {
      core,
      database,
      close: () => {
        stopScheduler();
        stopCheckpointer();
        database.close();
        lock.release();
      },
    };
  } catch (error) {
    stopCheckpointer();
    database.close();
    lock.release();
    throw error;
  }
}
