import type { AdherenceCounts, ComplianceReport, PerMetric } from '../../../shared/schemas/compliance-report.schema';
import { METRICS } from './adherence-breakdown';

type Cell = string | number | boolean | null;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. Text that a spreadsheet
 * would run as a formula (a customer named "=HYPERLINK(…)") is prefixed with an apostrophe; numbers never are.
 */
function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
const countCells = (c: AdherenceCounts): Cell[] => [c.met, c.missed, c.breached, c.counted, c.adherence];
const COUNT_HEADERS = ['met', 'missed', 'breached', 'counted', 'adherence'];
const perMetricRows = (section: string, lead: Cell[], counts: PerMetric): Cell[][] => METRICS.map((m) => [section, ...lead, m, ...countCells(counts[m])]);

/** One section: a row naming its columns, then its data rows; the first column of both names the section. */
function section(name: string, headers: string[], rows: Cell[][]): Cell[][] {
  return [[name, ...headers], ...rows];
}

function summaryRows(r: ComplianceReport): Cell[][] {
  const { period, filters } = r;
  const facts: [string, Cell][] = [
    ['title', r.title],
    ['generated_at', iso(r.generatedAt)],
    ['period_from', iso(period.from)],
    ['period_to', iso(period.to)],
    ['as_of', iso(period.asOf)],
    ['time_zone', period.timeZone],
    ['filter_customer_id', filters.customer?.id ?? null],
    ['filter_customer', filters.customer?.name ?? null],
    ['filter_priority', filters.priority],
    ['filter_region_id', filters.region?.id ?? null],
    ['filter_region', filters.region?.name ?? null],
    ['filter_category_code', filters.category?.code ?? null],
    ['filter_category', filters.category?.name ?? null],
    ['breaches_total', r.breaches.total],
    ['breaches_listed', r.breaches.rows.length],
    ['open_breached_orders_total', r.openBreachedOrders.total],
    ['open_breached_orders_listed', r.openBreachedOrders.rows.length],
    ['escalations_raised', r.escalations.raised],
    ['escalations_acknowledged', r.escalations.acknowledged],
    ['corrective_actions_total', r.correctiveActions.total],
    ['corrective_actions_met', r.correctiveActions.met],
    ['corrective_actions_missed', r.correctiveActions.missed],
    ['corrective_actions_pending', r.correctiveActions.pending],
    ['corrective_actions_effectiveness', r.correctiveActions.effectiveness],
    ['audit_verifies', r.audit.ok],
    ['audit_entries', r.audit.count],
    ['audit_first_hash', r.audit.firstHash],
    ['audit_last_hash', r.audit.lastHash],
    ['audit_broken_seq', r.audit.brokenAt?.seq ?? null],
    ['audit_broken_reason', r.audit.brokenAt?.reason ?? null],
  ];
  return section('report', ['field', 'value'], facts.map(([k, v]) => ['report', k, v]));
}

/**
 * The report as CSV: sections one after another, each starting with a row that names its columns; the first column
 * of every row names its section. Numbers are unformatted (ratios 0..1, durations in seconds), instants ISO 8601
 * UTC. Every row has the same number of fields (short rows are padded), as RFC 4180 asks.
 */
export function complianceCsv(r: ComplianceReport): string {
  const rows: Cell[][] = [
    ...summaryRows(r),
    ...section('adherence', ['metric', ...COUNT_HEADERS], perMetricRows('adherence', [], r.adherence)),
    ...section(
      'breakdown',
      ['dimension', 'key', 'label', 'metric', ...COUNT_HEADERS],
      r.breakdowns.flatMap((b) => b.groups.flatMap((g) => perMetricRows('breakdown', [b.dimension, g.key, g.label], g))),
    ),
    ...section(
      'trend',
      ['bucket', 'start', 'end', 'metric', ...COUNT_HEADERS],
      r.trend.points.flatMap((p) => perMetricRows('trend', [r.trend.bucket, iso(p.start), iso(p.end)], p)),
    ),
    ...section(
      'breach',
      ['order_id', 'order_number', 'customer', 'priority', 'metric', 'due_at', 'stopped_at', 'overrun_seconds'],
      r.breaches.rows.map((b) => ['breach', b.orderId, b.number, b.customerName, b.priority, b.metric, iso(b.dueAt), iso(b.stoppedAt), b.overrunSeconds]),
    ),
    ...section(
      'open_breached_order',
      ['order_id', 'order_number', 'customer', 'priority', 'breached_metrics', 'first_due_at', 'overrun_seconds', 'status_now'],
      r.openBreachedOrders.rows.map((o) => ['open_breached_order', o.orderId, o.number, o.customerName, o.priority, o.metrics.join(' '), iso(o.firstDueAt), o.overrunSeconds, o.statusNow]),
    ),
    ...section(
      'escalation_level',
      ['level', 'raised', 'acknowledged', 'median_ack_seconds', 'p90_ack_seconds', 'max_ack_seconds'],
      r.escalations.byLevel.map((l) => ['escalation_level', l.level, l.raised, l.acknowledged, l.medianAckSeconds, l.p90AckSeconds, l.maxAckSeconds]),
    ),
    ...section(
      'escalation',
      ['alert_id', 'raised_at', 'level', 'kind', 'severity', 'order_number', 'title', 'acknowledged_at', 'ack_seconds'],
      r.escalations.slowest.rows.map((e) => ['escalation', e.alertId, iso(e.raisedAt), e.level, e.kind, e.severity, e.orderNumber, e.title, iso(e.acknowledgedAt), e.ackSeconds]),
    ),
    ...section(
      'corrective_action_kind',
      ['kind', 'total', 'met', 'missed', 'pending', 'effectiveness'],
      r.correctiveActions.byKind.map((k) => ['corrective_action_kind', k.kind, k.total, k.met, k.missed, k.pending, k.effectiveness]),
    ),
    ...section(
      'corrective_action',
      ['id', 'applied_at', 'order_number', 'kind', 'reason', 'outcome', 'outcome_at'],
      r.correctiveActions.recent.rows.map((a) => ['corrective_action', a.id, iso(a.appliedAt), a.orderNumber, a.kind, a.reason, a.outcome, iso(a.outcomeAt)]),
    ),
  ];
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...new Array<Cell>(width - row.length).fill(null)].map(field).join(',')).join('\r\n') + '\r\n';
}
