import type { Kysely, Selectable } from 'kysely';
import type { Alert } from '../../shared/schemas/alerts.schema';
import { AlertChannelKind, NotifyRole } from '../../shared/schemas/escalation.schema';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { AlertTable, ClockState, Database } from '../db/schema';
import { deriveClock } from '../sla-clocks';
import { loadOrderClocks } from '../sla-clocks/clock-store';
import type { PolicyCalendars } from '../work-orders/policy-calendars';

/** Alerts as the API shows them: with their clock's figures computed at the moment of reading (DOMAIN.md). */

export interface AlertFilter {
  ids?: readonly string[];
  status?: 'open' | 'acknowledged';
  orderId?: string;
  since?: number;
  limit?: number;
}

type AlertRow = Selectable<AlertTable> & { order_number: string | null; metric: SlaMetric | null };
/** A clock's figures at the moment of reading. */
export interface LiveClock {
  percentElapsed: number;
  state: ClockState;
  dueAt: number;
}

/** `derived`: clocks the caller has just derived at `now`, so they are not derived again. */
export async function readAlerts(
  db: Kysely<Database>,
  filter: AlertFilter,
  now: number,
  calendars: PolicyCalendars,
  derived: ReadonlyMap<string, LiveClock> = new Map(),
): Promise<Alert[]> {
  let query = db
    .selectFrom('alerts as a')
    .leftJoin('work_orders as wo', 'wo.id', 'a.work_order_id')
    .leftJoin('sla_clocks as c', 'c.id', 'a.clock_id')
    .selectAll('a')
    .select(['wo.number as order_number', 'c.metric']);
  if (filter.ids) query = query.where('a.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  if (filter.status) query = query.where('a.acknowledged_at', filter.status === 'open' ? 'is' : 'is not', null);
  if (filter.orderId) query = query.where('a.work_order_id', '=', filter.orderId);
  if (filter.since !== undefined) query = query.where('a.raised_at', '>=', filter.since);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows: AlertRow[] = await query.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').execute();
  const summaries = await deliverySummaries(db, rows.map((r) => r.id));
  const clocks = await liveClocks(db, rows.filter((r) => !r.clock_id || !derived.has(r.clock_id)), now, calendars);
  for (const [clockId, clock] of derived) clocks.set(clockId, clock);
  return rows.map((row) => toAlert(row, summaries.get(row.id), row.clock_id ? clocks.get(row.clock_id) : undefined));
}

export async function readAlert(
  db: Kysely<Database>,
  id: string,
  now: number,
  calendars: PolicyCalendars,
  derived?: ReadonlyMap<string, LiveClock>,
): Promise<Alert | null> {
  const [alert] = await readAlerts(db, { ids: [id] }, now, calendars, derived);
  return alert ?? null;
}

type Summary = Alert['deliveries'];
const emptySummary = (): Summary => ({ total: 0, pending: 0, sent: 0, failed: 0, dead: 0 });

async function deliverySummaries(db: Kysely<Database>, alertIds: readonly string[]): Promise<Map<string, Summary>> {
  const summaries = new Map<string, Summary>();
  if (alertIds.length === 0) return summaries;
  const counts = await db
    .selectFrom('alert_deliveries')
    .select(['alert_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('alert_id', 'in', alertIds)
    .groupBy(['alert_id', 'status'])
    .execute();
  for (const { alert_id, status, n } of counts) {
    const summary = summaries.get(alert_id) ?? emptySummary();
    summary[status] += n;
    summary.total += n;
    summaries.set(alert_id, summary);
  }
  return summaries;
}

/** Each alerted clock derived from its order's history now: one derivation per order, however many alerts. */
async function liveClocks(db: Kysely<Database>, rows: readonly AlertRow[], now: number, calendars: PolicyCalendars): Promise<Map<string, LiveClock>> {
  const live = new Map<string, LiveClock>();
  const wanted = new Set(rows.flatMap((r) => (r.clock_id ? [r.clock_id] : [])));
  const orderIds = new Set(rows.flatMap((r) => (r.clock_id && r.work_order_id ? [r.work_order_id] : [])));
  for (const orderId of orderIds) {
    const order = await loadOrderClocks(db, orderId, calendars);
    for (const { row, def } of order?.clocks ?? []) {
      if (!wanted.has(row.id)) continue;
      const snapshot = deriveClock(def, order!.events, now);
      live.set(row.id, { percentElapsed: snapshot.percentElapsed, state: snapshot.state, dueAt: snapshot.dueAt });
    }
  }
  return live;
}

function toAlert(row: AlertRow, deliveries: Summary | undefined, clock: LiveClock | undefined): Alert {
  const data = JSON.parse(row.data_json) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    title: row.title,
    message: row.message,
    orderId: row.work_order_id,
    orderNumber: row.order_number,
    clockId: row.clock_id,
    metric: row.metric,
    level: row.escalation_level,
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    late: data.late === true,
    notifyRoles: NotifyRole.array().catch([]).parse(data.notifyRoles),
    channels: AlertChannelKind.array().catch([]).parse(data.channels),
    percentElapsed: clock?.percentElapsed ?? null,
    clockState: clock?.state ?? null,
    dueAt: clock?.dueAt ?? null,
    data,
    deliveries: deliveries ?? emptySummary(),
  };
}
