import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open-database';
import { toWorkerError, type WorkerReply } from '../workers/run-worker';
import { buildComplianceReport } from './compliance/build-report';
import { exportComplianceReport } from './compliance/export';
import type { ReportExportJob, ReportJobResult } from './report-job';

/**
 * Worker entry: renders one compliance report file on its own read-only connection (WAL lets it read while the
 * centre keeps writing) and posts the bytes back. The report's instant is the caller's, so the file is the one
 * the caller would have produced in-process.
 */
const job = workerData as ReportExportJob;
const store = openDatabase({ file: job.file, readonly: true, nativeBinding: job.nativeBinding });
let reply: WorkerReply<ReportJobResult>;
try {
  const deps = { db: store.db, clock: { now: () => job.now } };
  const value = job.format === 'json' ? await buildComplianceReport(deps, job.query) : await exportComplianceReport(deps, job.query, job.format);
  reply = { ok: true, value };
} catch (error) {
  reply = { ok: false, error: toWorkerError(error) };
} finally {
  store.close();
}
parentPort!.postMessage(reply);
