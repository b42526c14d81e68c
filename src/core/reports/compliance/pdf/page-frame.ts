import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, PAGE, type ReportPdf } from './document';
import { dateTime, filterLine, periodLine } from './format';
import { fit } from './table';

/**
 * Stamps the running header (title, period, filters) and footer (generation time, "Page n of N") on every page,
 * once all pages exist. Returns the page count.
 */
export function stampPageFrames(pdf: ReportPdf, report: ComplianceReport): number {
  const { doc } = pdf;
  const range = doc.bufferedPageRange();
  const right = MARGIN.left + CONTENT_WIDTH;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits below the bottom margin; without this pdfkit would think it overflows and add a page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;

    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.ink).text(report.title, MARGIN.left, 30, { lineBreak: false });
    doc.font(FONT.regular).fontSize(8.5).text(periodLine(report.period), MARGIN.left, 30, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.fillColor(COLOR.muted).fontSize(8);
    doc.text(fit(doc, `Filters: ${filterLine(report.filters)}`, CONTENT_WIDTH), MARGIN.left, 43, { width: CONTENT_WIDTH, lineBreak: false });
    doc.moveTo(MARGIN.left, 56).lineTo(right, 56).lineWidth(0.5).strokeColor(COLOR.rule).stroke();

    const footerY = PAGE.height - 40;
    doc.moveTo(MARGIN.left, footerY - 6).lineTo(right, footerY - 6).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.fontSize(7.5).fillColor(COLOR.muted);
    doc.text(`Generated ${dateTime(report.generatedAt, report.period.timeZone)} (${report.period.timeZone}) by Dispatch Control Room`, MARGIN.left, footerY, { lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left, footerY, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });

    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor(COLOR.ink);
  return range.count;
}
