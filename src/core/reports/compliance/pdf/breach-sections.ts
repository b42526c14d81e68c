import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { COLOR, type ReportPdf } from './document';
import { count, dateTime, duration, METRIC_LABELS } from './format';
import { tableOrNone } from './table';

interface CappedList {
  total: number;
  cap: number;
  rows: readonly unknown[];
}

/** States how many rows exist and, when the table is cut, which ones it keeps and where the cut is. */
export function cappedNote(list: CappedList, noun: string, order: string, kept: string): string {
  if (list.total === 0) return '';
  if (list.total <= list.rows.length) return `${count(list.total)} ${noun}, all listed, ${order}.`;
  return `${count(list.total)} ${noun}; the ${count(list.rows.length)} ${kept} are listed (the table is capped at ${count(list.cap)} rows).`;
}

/** Section 4: every breach counted against the period, and the orders still breached and open at its end. */
export function drawBreaches(pdf: ReportPdf, report: ComplianceReport): void {
  const zone = report.period.timeZone;
  const { breaches, openBreachedOrders: open } = report;
  pdf.heading('4  Breaches');
  pdf.subheading('4.1  Breach history');
  const history = cappedNote(breaches, 'clocks missed in the period or breached at its end', 'largest overrun first', 'with the largest overrun');
  if (history) pdf.paragraph(history, { size: 8.5, color: COLOR.muted });
  tableOrNone(
    pdf,
    {
      caption: 'Breach history',
      columns: [
        { header: 'Order', width: 0.15, value: (r) => r.number },
        { header: 'Customer', width: 0.22, value: (r) => r.customerName },
        { header: 'Priority', width: 0.08, value: (r) => r.priority },
        { header: 'Metric', width: 0.1, value: (r) => METRIC_LABELS[r.metric] },
        { header: 'Due', width: 0.15, value: (r) => dateTime(r.dueAt, zone) },
        { header: 'Stopped', width: 0.15, value: (r) => (r.stoppedAt === null ? 'open at end' : dateTime(r.stoppedAt, zone)) },
        { header: 'Overrun', width: 0.15, align: 'right', value: (r) => duration(r.overrunSeconds) },
      ],
      rows: breaches.rows,
    },
    'None in this period: no clock was missed or breached.',
  );

  pdf.subheading('4.2  Orders breached and still open at the end of the period');
  const openNote = cappedNote(open, 'orders with a clock running past its due instant at the end of the period', 'longest overdue first', 'longest overdue');
  if (openNote) pdf.paragraph(`${openNote} "Status now" is the order's status when the report was made.`, { size: 8.5, color: COLOR.muted });
  tableOrNone(
    pdf,
    {
      caption: 'Orders breached and open at the end of the period',
      columns: [
        { header: 'Order', width: 0.15, value: (r) => r.number },
        { header: 'Customer', width: 0.17, value: (r) => r.customerName },
        { header: 'Priority', width: 0.08, value: (r) => r.priority },
        { header: 'Breached metrics', width: 0.17, value: (r) => r.metrics.map((m) => METRIC_LABELS[m]).join(', ') },
        { header: 'First due', width: 0.16, value: (r) => dateTime(r.firstDueAt, zone) },
        { header: 'Overdue at end', width: 0.14, align: 'right', value: (r) => duration(r.overrunSeconds) },
        { header: 'Status now', width: 0.13, value: (r) => r.statusNow.replace('_', ' ') },
      ],
      rows: open.rows,
    },
    'None in this period: no order was breached and open at its end.',
  );
}
