import type { Kysely, Selectable } from 'kysely';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import type { Database, SlaClockTable } from '../db/schema';
import type { PolicyCalendars } from '../work-orders/policy-calendars';
import type { ClockDefinition, ClockEvent, ClockEventKind } from './clock-model';
import { inZone } from '../sla/in-zone';
import { zoneAt } from '../sla/site-zone';

/** Reads what the clock model needs from the store: clock definitions and the order's relevant history. */

export type ClockRow = Selectable<SlaClockTable>;

export interface OrderClocks {
  orderId: string;
  number: string;
  clocks: { row: ClockRow; def: ClockDefinition }[];
  events: ClockEvent[];
}

/** `work_order_events.type` (the lifecycle action) → what it means to a clock; other types do not touch clocks. */
const KIND_OF_TYPE: Readonly<Record<string, ClockEventKind>> = {
  accept: 'accepted',
  on_site: 'on_site',
  completed: 'completed',
  cancel: 'cancelled',
  hold: 'on_hold',
  resume: 'resumed',
  reopen: 'reopened',
};

/** One threshold or the breach as persisted in `thresholds_fired_json` / `breach_fired_at`. */
export interface FiredThreshold {
  threshold: number;
  /** The instant it was reached. */
  at: number;
  firedAt: number;
  late: boolean;
}

export function firedThresholds(row: ClockRow): FiredThreshold[] {
  return JSON.parse(row.thresholds_fired_json) as FiredThreshold[];
}

/** The order's clocks with their definitions, or null when it has none (no matching policy). */
export async function loadOrderClocks(db: Kysely<Database>, orderId: string, calendars: PolicyCalendars): Promise<OrderClocks | null> {
  const rows = await db.selectFrom('sla_clocks').selectAll().where('work_order_id', '=', orderId).execute();
  if (rows.length === 0) return null;
  const order = await db
    .selectFrom('work_orders as wo')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .select(['wo.number', 'wo.window_start_at', 'wo.window_end_at', 's.time_zone', 's.lat', 's.lon'])
    .where('wo.id', '=', orderId)
    .executeTakeFirstOrThrow()
    // A site stored without a zone has the zone of its coordinates, as at intake.
    .then((o) => ({ ...o, time_zone: o.time_zone ?? zoneAt(o.lat, o.lon) }));
  const policyIds = [...new Set(rows.map((r) => r.policy_id))];
  const policies = await db
    .selectFrom('sla_policies')
    .select(['id', 'zone_mode', 'pausing_reasons_json', 'warning_thresholds_json'])
    .where('id', 'in', policyIds)
    .execute();
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const history = await db
    .selectFrom('work_order_events')
    .select(['seq', 'type', 'at', 'data_json'])
    .where('work_order_id', '=', orderId)
    .where('type', 'in', Object.keys(KIND_OF_TYPE))
    .execute();
  const events = history.map((e): ClockEvent => {
    const data = JSON.parse(e.data_json) as { reason?: unknown };
    return { seq: e.seq, at: e.at, kind: KIND_OF_TYPE[e.type]!, reason: typeof data.reason === 'string' ? data.reason : null };
  });
  const calendarById = new Map<string, Calendar>();
  for (const id of new Set(rows.map((r) => r.calendar_id))) calendarById.set(id, await calendars.get(db, id));
  const clocks = rows.map((row) => ({ row, def: clockDefinition(row, policyById.get(row.policy_id)!, calendarById.get(row.calendar_id)!, order) }));
  return { orderId, number: order.number, clocks, events };
}

/** A clock as intake creates it, before anything is derived: running from the request's start. */
export function newClockRow({ id, workOrderId, policy, plan, now }: {
  id: string;
  workOrderId: string;
  policy: { id: string; calendar_id: string };
  plan: { metric: ClockRow['metric']; targetSeconds: number; startedAt: number; dueAt: number };
  now: number;
}): ClockRow {
  return {
    id, work_order_id: workOrderId, metric: plan.metric, policy_id: policy.id, calendar_id: policy.calendar_id,
    target_seconds: plan.targetSeconds, state: 'running', started_at: plan.startedAt, due_at: plan.dueAt, stopped_at: null,
    elapsed_seconds: 0, paused_at: null, thresholds_fired_json: '[]', breach_fired_at: null, updated_at: now, next_fire_at: null,
  };
}

/** How a clock is measured: its target on its policy's calendar (in the site's zone if the policy says so). */
export function clockDefinition(
  row: Pick<ClockRow, 'metric' | 'target_seconds' | 'started_at'>,
  policy: { zone_mode: string; warning_thresholds_json: string; pausing_reasons_json: string },
  calendar: Calendar,
  order: { window_start_at: number | null; window_end_at: number | null; time_zone: string | null },
): ClockDefinition {
  // A scheduled maintenance order measures arrival against its window start and resolution against its end.
  const windowed = order.window_start_at !== null && order.window_end_at !== null;
  const scheduled = !windowed ? null : row.metric === 'arrival' ? order.window_start_at : row.metric === 'resolution' ? order.window_end_at : null;
  return {
    metric: row.metric,
    targetSeconds: row.target_seconds,
    calendar: policy.zone_mode === 'site' && order.time_zone ? inZone(calendar, order.time_zone) : calendar,
    startedAt: row.started_at,
    thresholds: JSON.parse(policy.warning_thresholds_json) as number[],
    pausingReasons: JSON.parse(policy.pausing_reasons_json) as string[],
    scheduledDueAt: scheduled,
  };
}
