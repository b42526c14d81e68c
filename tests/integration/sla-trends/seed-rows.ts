import type { SlaMetric } from '../../../src/shared/schemas/reference.schema';
import type { ClockState, WorkOrderStatus } from '../../../src/core/db/schema';
import type { TestServer } from '../helpers/test-server';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const at = (iso: string) => Date.parse(iso);

export interface OrderSeed {
  region: string;
  receivedAt: number;
  status?: WorkOrderStatus;
  technicianId?: string | null;
}

export interface ClockSeed {
  region: string;
  metric?: SlaMetric;
  state: ClockState;
  startedAt: number;
  dueAt: number;
  stoppedAt?: number | null;
}

/**
 * Writes orders, clocks and history rows straight into the test server's database (on top of the demo centre's
 * reference data), so a test states exactly what the store holds and computes the expected figures by hand.
 * Orders default to `closed` with no history, so they count as arrivals and nowhere else.
 */
export function seeder(server: TestServer) {
  const { sqlite } = server.database;
  let n = 0;
  const siteOf = new Map<string, { id: string; customer_id: string }>();
  const site = (regionCode: string) => {
    let s = siteOf.get(regionCode);
    if (!s) {
      s = sqlite.prepare(`SELECT s.id, s.customer_id FROM sites s JOIN regions r ON r.id = s.region_id WHERE r.code = ? ORDER BY s.id LIMIT 1`).get(regionCode) as { id: string; customer_id: string };
      siteOf.set(regionCode, s);
    }
    return s;
  };
  const insertOrder = sqlite.prepare(
    `INSERT INTO work_orders (id, number, customer_id, site_id, category_id, priority, status, description, estimated_minutes, sla_policy_id, technician_id, received_at, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'cat_elec_outage', 'P1', ?, 'Seeded', 60, 'sla_p1', ?, ?, ?, ?, 'Test')`,
  );
  const insertClock = sqlite.prepare(
    `INSERT INTO sla_clocks (id, work_order_id, metric, policy_id, calendar_id, target_seconds, state, started_at, due_at, stopped_at, updated_at)
     VALUES (?, ?, ?, 'sla_p1', 'cal_24x7', ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, seq, type, from_status, to_status, at, recorded_at, actor_kind, actor_id, actor_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'system', 'system', 'System')`,
  );
  const order = (o: OrderSeed): string => {
    n += 1;
    const id = `wo_seed_${String(n).padStart(6, '0')}`;
    const s = site(o.region);
    insertOrder.run(id, `WO-2026-S${String(n).padStart(6, '0')}`, s.customer_id, s.id, o.status ?? 'closed', o.technicianId ?? null, o.receivedAt, o.receivedAt, o.receivedAt);
    return id;
  };
  return {
    order,
    /** An order with one clock (its own order, so metrics never collide). */
    clock(c: ClockSeed): string {
      const id = order({ region: c.region, receivedAt: c.startedAt });
      insertClock.run(`clk_${id}`, id, c.metric ?? 'response', (c.dueAt - c.startedAt) / 1000, c.state, c.startedAt, c.dueAt, c.stoppedAt ?? null, c.startedAt);
      return id;
    },
    /** The order's history: [type, from, to, at] in sequence. */
    history(orderId: string, events: [string, WorkOrderStatus | null, WorkOrderStatus | null, number][]): void {
      events.forEach(([type, from, to, when], i) => insertEvent.run(`woe_${orderId}_${i + 1}`, orderId, i + 1, type, from, to, when, when));
    },
    /** Many rows in one transaction (bulk history for the anomaly scan). */
    bulk(work: () => void): void {
      sqlite.transaction(work)();
    },
  };
}
