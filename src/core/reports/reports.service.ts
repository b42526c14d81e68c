import type { ComplianceReport, ComplianceReportQuery, ReportFormat } from '../../shared/schemas/compliance-report.schema';
import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { runWorker, workerEntryExists } from '../workers/run-worker';
import { buildComplianceReport } from './compliance/build-report';
import { exportComplianceReport, type ReportFileBytes } from './compliance/export';
import type { ReportExportJob, ReportJobResult } from './report-job';

export interface ReportWorkerOptions {
  /** The database file the worker opens read-only. */
  databaseFile: string;
  nativeBinding?: string;
  /** The worker's entry as the host ships it (a built file); from a source checkout, the TypeScript module. */
  entry?: URL;
}

/**
 * Reports read a whole period and can take seconds for a year: with a database file they are made on a worker
 * thread, so the requests and windows the core serves meanwhile are not held up. An in-memory store (tests of
 * other things) is made in-process.
 */
export function createReportHandlers(deps: CoreDeps, worker?: ReportWorkerOptions): HandlerMap<'reports.compliance' | 'reports.export'> {
  const entry = worker?.entry ?? new URL('./report-worker.ts', import.meta.url);
  const offThread = worker !== undefined && worker.databaseFile !== ':memory:' && workerEntryExists(entry);
  async function run(query: ComplianceReportQuery, format: ReportFormat | 'json', now: number): Promise<ReportJobResult> {
    if (offThread) return runWorker<ReportJobResult>(entry, { file: worker!.databaseFile, nativeBinding: worker!.nativeBinding, now, query, format } satisfies ReportExportJob);
    const pinned = { db: deps.db, clock: { now: () => now } };
    return format === 'json' ? buildComplianceReport(pinned, query) : exportComplianceReport(pinned, query, format);
  }
  return {
    'reports.compliance': async (query, { now }) => (await run(query, 'json', now)) as ComplianceReport,
    'reports.export': async ({ format, ...query }, { now }) => {
      const file = (await run(query, format, now)) as ReportFileBytes;
      return { filename: file.filename, contentType: file.contentType, base64: Buffer.from(file.bytes).toString('base64') };
    },
  };
}
