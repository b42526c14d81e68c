import type { Kysely, Selectable } from 'kysely';
import type { Database, SlaClockTable } from '../db/schema';
import type { PolicyCalendars } from '../work-orders/policy-calendars';
import type { ClockDefinition, ClockEvent, ClockEventKind } from './clock-model';
import { clockDefinition, liveClockBasis, storedClockBasis, type ClockBasis } from './clock-basis';
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
  const clocks = [];
  for (const row of rows) {
    const basis = row.definition_json !== null ? storedClockBasis(row.definition_json) : await legacyBasis(db, row, calendars, order.time_zone);
    clocks.push({ row, def: clockDefinition(row, basis, order) });
  }
  return { orderId, number: order.number, clocks, events };
}

/** A clock from before 0010 stored no basis: it is measured on its policy and calendar as they are now. */
async function legacyBasis(db: Kysely<Database>, row: ClockRow, calendars: PolicyCalendars, siteZone: string): Promise<ClockBasis> {
  const policy = await db
    .selectFrom('sla_policies')
    .select(['zone_mode', 'pausing_reasons_json', 'warning_thresholds_json'])
    .where('id', '=', row.policy_id)
    .executeTakeFirstOrThrow();
  return liveClockBasis(policy, await calendars.get(db, row.calendar_id), siteZone);
}

/** A clock as intake creates it, before anything is derived: running from the request's start. */
export function newClockRow({ id, workOrderId, policy, basis, plan, now }: {
  id: string;
  workOrderId: string;
  policy: { id: string; calendar_id: string };
  basis: ClockBasis;
  plan: { metric: ClockRow['metric']; targetSeconds: number; startedAt: number; dueAt: number };
  now: number;
}): ClockRow {
  return {
    id, work_order_id: workOrderId, metric: plan.metric, policy_id: policy.id, calendar_id: policy.calendar_id,
    target_seconds: plan.targetSeconds, state: 'running', started_at: plan.startedAt, due_at: plan.dueAt, stopped_at: null,
    elapsed_seconds: 0, paused_at: null, thresholds_fired_json: '[]', breach_fired_at: null, updated_at: now, next_fire_at: null,
    definition_json: JSON.stringify(basis),
  };
}
