import type { Kysely } from 'kysely';
import type { ComplianceReportQuery, ReportFormat } from '../../../shared/schemas/compliance-report.schema';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { buildComplianceReport } from './build-report';
import { complianceCsv } from './csv';
import { date } from './pdf/format';
import { renderCompliancePdf } from './pdf/render-pdf';

export interface ReportFileBytes {
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** Pages of a PDF; null for CSV. */
  pages: number | null;
}

const CONTENT_TYPES: Record<ReportFormat, string> = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8' };

/** `sla-compliance-2026-01-01-to-2026-03-31.pdf`: the first and last day of the period in the report's zone. */
function filename(from: number, to: number, zone: string, format: ReportFormat): string {
  return `sla-compliance-${date(from, zone)}-to-${date(to - 1, zone)}.${format}`;
}

/** The compliance report as a file, the same bytes for the desktop app (IPC) and the headless server (HTTP). */
export async function exportComplianceReport(
  deps: { db: Kysely<Database>; clock: Clock },
  query: ComplianceReportQuery,
  format: ReportFormat,
): Promise<ReportFileBytes> {
  const report = await buildComplianceReport(deps, query);
  const name = filename(report.period.from, report.period.to, report.period.timeZone, format);
  if (format === 'csv') return { filename: name, contentType: CONTENT_TYPES.csv, bytes: Buffer.from(complianceCsv(report), 'utf8'), pages: null };
  const { bytes, pages } = await renderCompliancePdf(report);
  return { filename: name, contentType: CONTENT_TYPES.pdf, bytes, pages };
}
