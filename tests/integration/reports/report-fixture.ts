import type { Kysely } from 'kysely';
import type { Database, Priority, SlaMetric } from '../../../src/core/db/schema';

/**
 * Orders, clocks, alerts and corrective actions written straight into the store with known outcomes, so a test can
 * compute the report's figures by hand from the same specs (no clock engine in between).
 */

export type ClockState = 'met' | 'missed' | 'running' | 'breached' | 'paused' | 'cancelled';

export interface ClockSpec {
  metric: SlaMetric;
  state: ClockState;
  startedAt: number;
  dueAt: number;
  stoppedAt: number | null;
}

export interface OrderSpec {
  key: string;
  customer: 'A' | 'B';
  priority: Priority;
  categoryCode: string;
  status: 'new' | 'accepted' | 'en_route' | 'on_site' | 'completed' | 'closed' | 'cancelled';
  clocks: ClockSpec[];
}

export interface CustomerRef {
  id: string;
  name: string;
  siteId: string;
  regionId: string;
  regionName: string;
}

/** Two demo customers whose first sites lie in different regions, so the region filter separates them. */
export async function pickCustomers(db: Kysely<Database>): Promise<{ A: CustomerRef; B: CustomerRef }> {
  const sites = await db
    .selectFrom('sites as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('regions as r', 'r.id', 's.region_id')
    .select(['c.id as id', 'c.name as name', 's.id as siteId', 'r.id as regionId', 'r.name as regionName'])
    .orderBy('c.id')
    .orderBy('s.id')
    .execute();
  const A = sites[0]!;
  const B = sites.find((s) => s.id !== A.id && s.regionId !== A.regionId)!;
  return { A, B };
}

let sequence = 0;

/** Inserts the orders and their clocks; returns each order's id and number by key. */
export async function insertOrders(
  db: Kysely<Database>,
  customers: { A: CustomerRef; B: CustomerRef },
  orders: readonly OrderSpec[],
): Promise<Record<string, { id: string; number: string }>> {
  const out: Record<string, { id: string; number: string }> = {};
  const categories = new Map((await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
  const policy = { P1: 'sla_p1', P2: 'sla_p2', P3: 'sla_p3', P4: 'sla_p4' } as const;
  await db.transaction().execute(async (trx) => {
    for (const order of orders) {
      const n = ++sequence;
      const id = `wo_rep_${String(n).padStart(5, '0')}`;
      const number = `WO-2026-7${String(n).padStart(5, '0')}`;
      const customer = customers[order.customer];
      const receivedAt = Math.min(...order.clocks.map((c) => c.startedAt));
      await trx
        .insertInto('work_orders')
        .values({
          id, number, customer_id: customer.id, site_id: customer.siteId, category_id: categories.get(order.categoryCode)!,
          priority: order.priority, status: order.status, description: `Report fixture ${order.key}`, estimated_minutes: 60,
          sla_policy_id: policy[order.priority], received_at: receivedAt, created_at: receivedAt, updated_at: receivedAt, updated_by: 'Fixture',
        })
        .execute();
      for (const clock of order.clocks) {
        await trx
          .insertInto('sla_clocks')
          .values({
            id: `${id}_${clock.metric}`, work_order_id: id, metric: clock.metric, policy_id: policy[order.priority],
            calendar_id: 'cal_24x7', target_seconds: Math.round((clock.dueAt - clock.startedAt) / 1000), state: clock.state,
            started_at: clock.startedAt, due_at: clock.dueAt, stopped_at: clock.stoppedAt, updated_at: clock.stoppedAt ?? clock.startedAt,
            next_fire_at: null,
          })
          .execute();
      }
      out[order.key] = { id, number };
    }
  });
  return out;
}

export interface AlertSpec {
  orderId: string | null;
  level: number;
  raisedAt: number;
  acknowledgedAt: number | null;
  title: string;
}

export async function insertAlerts(db: Kysely<Database>, alerts: readonly AlertSpec[]): Promise<void> {
  for (const a of alerts) {
    const id = `alr_rep_${++sequence}`;
    await db
      .insertInto('alerts')
      .values({
        id, kind: 'sla.escalation', severity: a.level >= 3 ? 'critical' : 'warning', dedupe_key: id, work_order_id: a.orderId,
        clock_id: null, escalation_level: a.level, title: a.title, message: a.title, raised_at: a.raisedAt,
        acknowledged_at: a.acknowledgedAt, acknowledged_by: a.acknowledgedAt === null ? null : 'Demo Manager',
      })
      .execute();
  }
}

export interface ActionSpec {
  orderId: string;
  kind: string;
  reason: string;
  appliedAt: number;
  outcome: 'met' | 'missed' | null;
  outcomeAt: number | null;
}

export async function insertCorrectiveActions(db: Kysely<Database>, actions: readonly ActionSpec[]): Promise<void> {
  for (const a of actions) {
    await db
      .insertInto('corrective_actions')
      .values({
        id: `cor_rep_${++sequence}`, work_order_id: a.orderId, kind: a.kind, reason: a.reason, from_technician_id: null,
        to_technician_id: null, applied_at: a.appliedAt, applied_by: 'usr_manager', outcome: a.outcome, outcome_at: a.outcomeAt,
      })
      .execute();
  }
}
