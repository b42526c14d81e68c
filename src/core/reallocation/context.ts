import type { Kysely } from 'kysely';
import type { Priority } from '../../shared/schemas/common';
import { assignmentConfig } from '../assignment';
import type { Database, WorkOrderStatus } from '../db/schema';
import { deriveClock } from '../sla-clocks';
import { loadOrderClocks } from '../sla-clocks/clock-store';
import { loadRoster } from '../work-orders/assignment-context';
import { loadOrderForAssignment } from '../work-orders/assignment-flow';
import type { PolicyCalendars } from '../work-orders/policy-calendars';
import type { RosterCache } from '../work-orders/roster-cache';
import { planReallocation } from './plan';
import type { HeldOrder, Plan, ReallocationMetric, Target } from './types';

/**
 * Orders a reallocation may move: not yet on the way or on site, and in a state the lifecycle lets a dispatcher
 * reassign from. A technician already driving (en route) is not redirected.
 */
const MOVABLE_STATUSES = ['new', 'assigned', 'dispatched', 'accepted'] as const;
const isMovable = (status: WorkOrderStatus) => (MOVABLE_STATUSES as readonly string[]).includes(status);

export interface PlanContext {
  calendars: PolicyCalendars;
  cache?: RosterCache;
}

export interface OrderFacts {
  id: string;
  number: string;
  priority: Priority;
  status: WorkOrderStatus;
  version: number;
}

export type Planned = { facts: OrderFacts; target: Target; plan: Plan; names: Map<string, string> } | { facts: OrderFacts; refusal: string };

/** The running arrival and resolution clocks of an order, each with its due instant, derived now from its history. */
async function runningDues(db: Kysely<Database>, ctx: PlanContext, orderId: string, now: number): Promise<Map<string, { dueAt: number; state: string }>> {
  const loaded = await loadOrderClocks(db, orderId, ctx.calendars);
  const dues = new Map<string, { dueAt: number; state: string }>();
  for (const { def } of loaded?.clocks ?? []) {
    const clock = deriveClock(def, loaded!.events, now);
    dues.set(def.metric, { dueAt: clock.dueAt, state: clock.state });
  }
  return dues;
}

/**
 * Plans the reallocation of one order's clock as the store stands at `now` (inside a transaction when `db` is
 * one): the order must be movable and the clock still running (a breached clock can no longer be met).
 */
export async function planFor(db: Kysely<Database>, ctx: PlanContext, orderId: string, metric: ReallocationMetric, now: number, held: readonly HeldOrder[]): Promise<Planned> {
  const { row, order } = await loadOrderForAssignment(db, orderId);
  const extra = await db.selectFrom('work_orders').select(['number', 'technician_id']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const facts: OrderFacts = { id: row.id, number: extra.number, priority: row.priority as Priority, status: row.status, version: row.version };
  if (!isMovable(row.status)) return { facts, refusal: `${extra.number} is ${row.status.replace('_', ' ')}: only orders not yet on their way (${MOVABLE_STATUSES.join(', ')}) are reallocated.` };
  const clock = (await runningDues(db, ctx, orderId, now)).get(metric);
  if (!clock) return { facts, refusal: `${extra.number} has no ${metric} clock.` };
  if (clock.state !== 'running') return { facts, refusal: `${extra.number}'s ${metric} clock is ${clock.state}, not running: no technician can still meet it.` };
  const target: Target = { orderId, number: extra.number, priority: facts.priority, metric, dueAt: clock.dueAt, technicianId: extra.technician_id, order };
  const roster = await loadRoster(db, now, [orderId], ctx.cache);
  const plan = planReallocation({ config: assignmentConfig(now), target, technicians: roster.technicians, names: roster.names, held });
  return { facts, target, plan, names: roster.names };
}

/**
 * Orders a swap could take from their technician: movable, held by someone, below P1 (nothing ranks lower than
 * P1's work), with their running arrival and resolution due instants. `orderIds` narrows it to given orders.
 */
export async function loadHeldOrders(db: Kysely<Database>, ctx: PlanContext, now: number, orderIds?: readonly string[]): Promise<HeldOrder[]> {
  let query = db
    .selectFrom('work_orders')
    .select(['id', 'number', 'priority', 'version', 'technician_id'])
    .where('status', 'in', ['assigned', 'dispatched', 'accepted'])
    .where('technician_id', 'is not', null)
    .where('priority', '!=', 'P1');
  if (orderIds) query = query.where('id', 'in', orderIds);
  const rows = await query.execute();
  const held: HeldOrder[] = [];
  for (const r of rows) {
    const { order } = await loadOrderForAssignment(db, r.id);
    const dues = [...(await runningDues(db, ctx, r.id, now))]
      .filter(([metric, c]) => (metric === 'arrival' || metric === 'resolution') && (c.state === 'running' || c.state === 'breached'))
      .map(([metric, c]) => ({ metric: metric as ReallocationMetric, dueAt: c.dueAt }));
    held.push({ orderId: r.id, number: r.number, priority: r.priority as Priority, version: r.version, technicianId: r.technician_id!, order, dues });
  }
  return held;
}
