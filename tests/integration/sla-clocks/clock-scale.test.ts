import { describe, expect, it } from 'vitest';
import { addOrder, engineFor, HOUR, t, useClockStore } from './clock-fixture';

/**
 * The cost of a tick must not grow with the number of running clocks (issue 4): with 100,000 of them scheduled,
 * a tick with no crossing takes nothing off the heap and reads nothing from the store. Counted, not timed.
 */
const store = useClockStore();
const N = 100_000;
const NOW = t('2026-03-02T10:00:00Z');

describe('a tick among 100,000 running clocks', () => {
  it('touches nothing when nothing is due, and exactly the due clock when one is', async () => {
    const template = await addOrder(store.db, NOW, { resolution: 8 * HOUR });
    const { sqlite } = store.store;
    const site = sqlite.prepare(`SELECT customer_id, site_id, category_id FROM work_orders WHERE id = ?`).get(template.id) as Record<string, string>;
    // 100,000 orders like the template, each with a running clock whose next instant lies 1 h to ~1 week ahead.
    // Zero-padded ids insert in key order, which keeps the bulk load to a few seconds.
    sqlite.transaction(() => {
      const order = sqlite.prepare(
        `INSERT INTO work_orders (id, number, customer_id, site_id, category_id, priority, description, estimated_minutes, sla_policy_id, received_at, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, 'P3', 'Bulk', 60, 'sla_office', ?, ?, ?, 'Test')`,
      );
      const clock = sqlite.prepare(
        `INSERT INTO sla_clocks (id, work_order_id, metric, policy_id, calendar_id, target_seconds, state, started_at, due_at, updated_at, next_fire_at)
         VALUES (?, ?, 'resolution', 'sla_office', 'cal_office', 86400, 'running', ?, ?, ?, ?)`,
      );
      for (let i = 0; i < N; i++) {
        const key = String(i).padStart(6, '0');
        order.run(`wo_bulk_${key}`, `WO-2026-B${key}`, site.customer_id, site.site_id, site.category_id, NOW, NOW, NOW);
        const next = NOW + HOUR * 1000 + ((i * 7919) % 604_800) * 1000;
        clock.run(`clk_bulk_${key}`, `wo_bulk_${key}`, NOW, next + 3 * 24 * HOUR * 1000, NOW, next);
      }
    })();

    const { engine } = engineFor(store.db);
    expect(await engine.catchUp(NOW)).toEqual([]);
    // The template's clock was never derived: start-up derived it (the one order synced), then scheduled it too.
    expect(engine.ordersSynced).toBe(1);
    expect(engine.scheduler.size).toBe(N + 1);

    const popped = engine.scheduler.popped;
    for (const now of [NOW + 1000, NOW + 30 * 60_000, NOW + HOUR * 1000 - 1]) {
      expect(await engine.tick(now)).toEqual([]);
    }
    expect(engine.scheduler.popped - popped).toBe(0);
    expect(engine.ordersSynced).toBe(1);

    // At NOW + 1 h exactly one clock's instant has come (i = 0): one heap entry, one order read, nothing else.
    expect(await engine.tick(NOW + HOUR * 1000)).toEqual([]);
    expect(engine.scheduler.popped - popped).toBe(1);
    expect(engine.ordersSynced).toBe(2);
    expect(engine.scheduler.size).toBe(N + 1);
  }, 60_000);
});
