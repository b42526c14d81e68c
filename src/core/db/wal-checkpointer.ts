import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';

/** Often enough that the log stays a few hundred pages long, so each checkpoint is short. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The checkpointer's thread: its own connection copying committed log pages into the database file. PASSIVE never
 * waits for the writer and never blocks it. Plain CommonJS evaluated in the worker, so it needs no built entry of
 * its own in any host.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message ? error.message : error));
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the thread that serves requests. A checkpoint copies the log into the database file
 * and syncs it; run by the writer's connection (SQLite's auto-checkpoint) it stalled every request queued behind
 * it for up to 150 ms under intake load (measured with bench/intake). The writer keeps its auto-checkpoint as a
 * safety net, which then finds almost nothing left to copy. Returns the function that stops it.
 */
export function startWalCheckpointer(file: string, logger: Logger, nativeBinding?: string): () => void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, nativeBinding, intervalMs: CHECKPOINT_INTERVAL_MS } });
  // Never what keeps the process alive; a failed checkpointer leaves checkpoints to the writer, as before.
  worker.unref();
  worker.on('message', (message: string) => logger.warn('WAL checkpoint failed', { message }));
  worker.on('error', (error) => logger.warn('WAL checkpointer stopped', { message: error.message }));
  // Asked rather than terminated, so it closes its connection between two checkpoints.
  return () => worker.postMessage('stop');
}
