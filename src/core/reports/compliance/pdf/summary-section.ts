import type { AdherenceCounts, ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { COLOR, CONTENT_WIDTH, FONT, MARGIN, type ReportPdf } from './document';
import { count, dateTime, filterLine, METRIC_LABELS, percent, periodLine } from './format';
import { drawTable } from './table';

const METRICS = ['response', 'arrival', 'resolution'] as const;

function asOfLine(report: ComplianceReport): string {
  const { asOf, to, timeZone } = report.period;
  return asOf === to
    ? `${dateTime(asOf, timeZone)}, the end of the period`
    : `${dateTime(asOf, timeZone)}: the period had not ended when the report was made, so clocks are judged as they stood then`;
}

function auditLine(audit: ComplianceReport['audit']): string {
  if (!audit.ok) return `DOES NOT VERIFY: entry #${audit.brokenAt!.seq} ${audit.brokenAt!.reason} (section 7).`;
  return audit.count === 0 ? 'empty (no entries to verify)' : `verifies from its first entry to its last, ${count(audit.count)} entries (section 7)`;
}

/** Title block, the definitions an auditor needs to check the figures, and adherence per metric with key figures. */
export function drawSummary(pdf: ReportPdf, report: ComplianceReport): void {
  pdf.doc.font(FONT.bold).fontSize(20).fillColor(COLOR.ink).text(report.title, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, lineBreak: false });
  pdf.y += 32;
  pdf.facts([
    ['Period', `${periodLine(report.period)}; start included, end excluded`],
    ['Filters', filterLine(report.filters)],
    ['Figures as of', asOfLine(report)],
    ['Generated', `${dateTime(report.generatedAt, report.period.timeZone)} by Dispatch Control Room`],
    ['Audit log', auditLine(report.audit)],
  ]);
  pdf.y += 4;
  pdf.paragraph(
    'Adherence = met / (met + missed + breached), per SLA metric (response: until the technician accepts; arrival: until first on site; ' +
      'resolution: until completed). Met and missed count the clocks that stopped inside the period, on time or late; breached counts ' +
      'the clocks still running past their due instant at the end of the period. Cancelled clocks are never counted. Due instants are ' +
      'in business time on the calendar of the policy matched when the order was created; overruns are elapsed (wall-clock) time.',
    { size: 8.5, color: COLOR.muted, gap: 4 },
  );

  pdf.heading('1  Adherence by metric');
  drawTable<{ label: string; counts: AdherenceCounts }>(pdf, {
    caption: 'Adherence by metric',
    columns: [
      { header: 'Metric', width: 0.25, value: (r) => r.label },
      { header: 'Met', width: 0.13, align: 'right', value: (r) => count(r.counts.met) },
      { header: 'Missed', width: 0.13, align: 'right', value: (r) => count(r.counts.missed) },
      { header: 'Breached at end', width: 0.17, align: 'right', value: (r) => count(r.counts.breached) },
      { header: 'Counted', width: 0.14, align: 'right', value: (r) => count(r.counts.counted) },
      { header: 'Adherence', width: 0.18, align: 'right', value: (r) => percent(r.counts.adherence) },
    ],
    rows: METRICS.map((m) => ({ label: METRIC_LABELS[m], counts: report.adherence[m] })),
  });

  const e = report.escalations;
  const ca = report.correctiveActions;
  pdf.subheading('Key figures', 70);
  pdf.facts(
    [
      ['Breaches', `${count(report.breaches.total)} clocks missed in the period or breached at its end (section 4)`],
      ['Open at end', `${count(report.openBreachedOrders.total)} orders breached and still open at the end of the period (section 4)`],
      ['Escalations', `${count(e.raised)} raised, ${count(e.acknowledged)} acknowledged (section 5)`],
      ['Corrective actions', `${count(ca.total)} applied; effectiveness ${percent(ca.effectiveness)} (section 6)`],
    ],
    110,
  );
}
