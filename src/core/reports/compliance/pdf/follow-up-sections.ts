import type { ComplianceReport } from '../../../../shared/schemas/compliance-report.schema';
import { cappedNote } from './breach-sections';
import { COLOR, FONT, type ReportPdf } from './document';
import { count, dateTime, duration, percent } from './format';
import { tableOrNone } from './table';

type Escalations = ComplianceReport['escalations'];
type Actions = ComplianceReport['correctiveActions'];
type LevelRow = Escalations['byLevel'][number];

const NONE = 'None in this period.';

/** Section 5: alerts raised in the period by escalation level, with acknowledgement times. */
export function drawEscalations(pdf: ReportPdf, report: ComplianceReport): void {
  const zone = report.period.timeZone;
  const { byLevel, slowest } = report.escalations;
  pdf.heading('5  Escalations and acknowledgement');
  if (byLevel.length === 0) return pdf.paragraph(NONE, { color: COLOR.muted, font: FONT.italic });
  pdf.paragraph(
    'Alerts raised in the period. Acknowledgement time = acknowledged minus raised; the 90th percentile is the nearest-rank value. ' +
      'Alerts not tied to an order appear only in an unfiltered report.',
    { size: 8.5, color: COLOR.muted },
  );
  const total: LevelRow = {
    level: -1,
    raised: report.escalations.raised,
    acknowledged: report.escalations.acknowledged,
    medianAckSeconds: null,
    p90AckSeconds: null,
    maxAckSeconds: byLevel.reduce<number | null>((m, l) => (l.maxAckSeconds === null ? m : Math.max(m ?? 0, l.maxAckSeconds)), null),
  };
  tableOrNone(
    pdf,
    {
      caption: 'Escalations by level',
      columns: [
        { header: 'Level', width: 0.16, value: (r) => (r.level < 0 ? 'All levels' : `Level ${r.level}`) },
        { header: 'Raised', width: 0.12, align: 'right', value: (r) => count(r.raised) },
        { header: 'Acknowledged', width: 0.15, align: 'right', value: (r) => count(r.acknowledged) },
        { header: 'Not acknowledged', width: 0.16, align: 'right', value: (r) => count(r.raised - r.acknowledged) },
        { header: 'Median ack', width: 0.13, align: 'right', value: (r) => (r.level < 0 ? '' : duration(r.medianAckSeconds)) },
        { header: '90th pct ack', width: 0.14, align: 'right', value: (r) => (r.level < 0 ? '' : duration(r.p90AckSeconds)) },
        { header: 'Longest ack', width: 0.14, align: 'right', value: (r) => duration(r.maxAckSeconds) },
      ],
      rows: byLevel.length > 1 ? [...byLevel, total] : byLevel,
      emphasise: (r) => r.level < 0,
    },
    NONE,
  );
  pdf.subheading('Unacknowledged and slowest acknowledged alerts');
  const note = cappedNote(slowest, 'alerts', 'unacknowledged first, then slowest acknowledgement first', 'unacknowledged or slowest acknowledged');
  pdf.paragraph(note, { size: 8.5, color: COLOR.muted });
  tableOrNone(
    pdf,
    {
      caption: 'Unacknowledged and slowest acknowledged alerts',
      columns: [
        { header: 'Raised', width: 0.16, value: (r) => dateTime(r.raisedAt, zone) },
        { header: 'Level', width: 0.07, align: 'right', value: (r) => String(r.level) },
        { header: 'Order', width: 0.15, value: (r) => r.orderNumber ?? '—' },
        { header: 'Alert', width: 0.32, value: (r) => r.title },
        { header: 'Acknowledged', width: 0.16, value: (r) => (r.acknowledgedAt === null ? 'not acknowledged' : dateTime(r.acknowledgedAt, zone)) },
        { header: 'Ack time', width: 0.14, align: 'right', value: (r) => duration(r.ackSeconds) },
      ],
      rows: slowest.rows,
    },
    NONE,
  );
}

/** Section 6: corrective actions applied in the period, their outcomes and effectiveness. */
export function drawCorrectiveActions(pdf: ReportPdf, report: ComplianceReport): void {
  const zone = report.period.timeZone;
  const actions = report.correctiveActions;
  pdf.heading('6  Corrective actions');
  if (actions.total === 0) return pdf.paragraph(NONE, { color: COLOR.muted, font: FONT.italic });
  pdf.paragraph(
    'Moves applied to bring an at-risk order back within its SLA. Effectiveness = met / (met + missed): the share of actions whose ' +
      'clock was then met; actions whose outcome is not known yet (pending) are not part of it.',
    { size: 8.5, color: COLOR.muted },
  );
  const all = { kind: 'All kinds', ...actions };
  tableOrNone<Actions['byKind'][number]>(
    pdf,
    {
      caption: 'Corrective actions by kind',
      columns: [
        { header: 'Kind', width: 0.3, value: (r) => r.kind },
        { header: 'Actions', width: 0.12, align: 'right', value: (r) => count(r.total) },
        { header: 'Met', width: 0.12, align: 'right', value: (r) => count(r.met) },
        { header: 'Missed', width: 0.12, align: 'right', value: (r) => count(r.missed) },
        { header: 'Pending', width: 0.12, align: 'right', value: (r) => count(r.pending) },
        { header: 'Effectiveness', width: 0.22, align: 'right', value: (r) => percent(r.effectiveness) },
      ],
      rows: actions.byKind.length > 1 ? [...actions.byKind, all] : actions.byKind,
      emphasise: (r) => r === all,
    },
    NONE,
  );
  pdf.subheading('Most recent corrective actions');
  pdf.paragraph(cappedNote(actions.recent, 'corrective actions', 'most recent first', 'most recent'), { size: 8.5, color: COLOR.muted });
  tableOrNone(
    pdf,
    {
      caption: 'Most recent corrective actions',
      columns: [
        { header: 'Applied', width: 0.16, value: (r) => dateTime(r.appliedAt, zone) },
        { header: 'Order', width: 0.15, value: (r) => r.orderNumber },
        { header: 'Kind', width: 0.14, value: (r) => r.kind },
        { header: 'Reason', width: 0.3, value: (r) => r.reason },
        { header: 'Outcome', width: 0.09, value: (r) => r.outcome ?? 'pending' },
        { header: 'Outcome at', width: 0.16, value: (r) => dateTime(r.outcomeAt, zone) },
      ],
      rows: actions.recent.rows,
    },
    NONE,
  );
}

/** Section 7: the statement that the hash-chained audit log verifies (or where it breaks). */
export function drawAuditStatement(pdf: ReportPdf, report: ComplianceReport): void {
  const { audit, generatedAt, period } = report;
  pdf.heading('7  Audit log verification', 70);
  const when = dateTime(generatedAt, period.timeZone);
  if (audit.ok) {
    pdf.paragraph(
      audit.count === 0
        ? `The audit log was empty when verified at ${when}.`
        : `At ${when} the hash-chained audit log verified from its first entry to its last: ${count(audit.count)} entries, each ` +
            'entry’s SHA-256 hash matching its content and the hash of the entry before it. No entry was edited, removed or reordered.',
    );
  } else {
    pdf.paragraph(
      `At ${when} the audit log DID NOT VERIFY. First broken entry: #${audit.brokenAt!.seq} (${audit.brokenAt!.id}): ${audit.brokenAt!.reason}. ` +
        `${count(audit.count)} entries were checked. History after this entry cannot be relied upon.`,
      { color: COLOR.bad, font: FONT.bold },
    );
  }
  if (audit.firstHash && audit.lastHash) {
    pdf.facts([
      ['First entry hash', audit.firstHash],
      ['Last entry hash', audit.lastHash],
    ], 100);
  }
}
