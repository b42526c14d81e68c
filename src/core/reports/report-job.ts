import type { ComplianceReport, ComplianceReportQuery, ReportFormat } from '../../shared/schemas/compliance-report.schema';

/** What the report worker needs: the database file, the instant the report is "as of", and what to render. */
export interface ReportExportJob {
  file: string;
  nativeBinding?: string;
  now: number;
  query: ComplianceReportQuery;
  /** A file, or the report object itself for the preview. */
  format: ReportFormat | 'json';
}

export type ReportJobResult = ComplianceReport | { filename: string; contentType: string; bytes: Uint8Array; pages: number | null };
