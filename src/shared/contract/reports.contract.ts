import { ComplianceReport, ComplianceReportQuery, ReportFile, ReportFormat } from '../schemas/compliance-report.schema';
import { defineMethod } from './define';

const READERS = ['admin', 'manager'] as const;
const example = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', priority: 'P1', timeZone: 'Europe/Amsterdam' };

/**
 * The compliance report. The PDF and CSV files are also served as binary downloads by the server
 * (`GET /api/v1/reports/compliance.pdf|.csv`, same query, same roles and scope); `reports.export` is the form IPC
 * and the RPC endpoint can carry.
 */
export const reportMethods = {
  'reports.compliance': defineMethod({
    summary:
      'Compliance report for a period [from, to) and filters: adherence per metric with breakdowns and trend, breach history, orders breached and open at the end, escalations, corrective actions, audit-chain verification.',
    input: ComplianceReportQuery,
    output: ComplianceReport,
    roles: READERS,
    scopes: ['reports:read'],
    mutates: false,
    http: { method: 'GET', path: '/reports/compliance' },
    example,
  }),
  'reports.export': defineMethod({
    summary: 'The compliance report as a file: A4 PDF or CSV, base64-encoded with its file name and content type.',
    input: ComplianceReportQuery.extend({ format: ReportFormat }),
    output: ReportFile,
    roles: READERS,
    scopes: ['reports:read'],
    mutates: false,
    example: { ...example, format: 'pdf' },
  }),
};
