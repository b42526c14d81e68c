import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { drawBreakdowns, drawTrend } from './analysis-sections';
import { drawBreaches } from './breach-sections';
import { ReportPdf } from './document';
import { drawAuditStatement, drawCorrectiveActions, drawEscalations } from './follow-up-sections';
import { filterLine, periodLine } from './format';
import { stampPageFrames } from './page-frame';
import { drawSummary } from './summary-section';

/**
 * The report as an A4 PDF: running header with period and filters, "Page n of N" footer, vector charts, tables
 * that break across pages with their header repeated. The same report object always yields the same bytes (the
 * document's creation date is the report's generation time).
 */
export async function renderCompliancePdf(report: ComplianceReport): Promise<{ bytes: Buffer; pages: number }> {
  const pdf = new ReportPdf({
    title: `${report.title}, ${periodLine(report.period)}`,
    subject: `Filters: ${filterLine(report.filters)}`,
    createdAt: report.generatedAt,
  });
  drawSummary(pdf, report);
  drawTrend(pdf, report);
  drawBreakdowns(pdf, report);
  drawBreaches(pdf, report);
  drawEscalations(pdf, report);
  drawCorrectiveActions(pdf, report);
  drawAuditStatement(pdf, report);
  const pages = stampPageFrames(pdf, report);
  return { bytes: await pdf.finish(), pages };
}
