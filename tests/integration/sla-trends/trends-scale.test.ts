import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { scanForAnomalies } from '../../../src/core/anomalies';
import { breachHeatmap } from '../../../src/core/sla-trends/breach-heatmap';
import { slaSeries } from '../../../src/core/sla-trends/series';
import { slaTrends } from '../../../src/core/sla-trends/trends';
import { Prng } from '../../../src/core/demo/prng';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { at, MIN } from './seed-rows';

/**
 * A busy centre's month: 100,000 clocks (33,334 orders × 3 metrics, one order every 78 s for 30 days, each with
 * its created → assigned → dispatched → accepted history), plus 100,000 older clocks from the months before. The
 * trends, heatmap and series are computed on the fly from sla_clocks and work_order_events with one grouped
 * query each; this measures them and checks the 30-day trend against the rule applied clock by clock in JS.
 */
const NOW = at('2026-11-25T09:20:00Z');
const ORDERS = 33_334;
const OLD_ORDERS = 33_334;
const METRICS = ['response', 'arrival', 'resolution'] as const;
const STATES = ['met', 'met', 'met', 'met', 'met', 'met', 'met', 'missed', 'missed', 'open', 'cancelled'] as const;
let server: TestServer;
interface Row { state: string; started: number; due: number; stopped: number | null }
const all: Row[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
  const { sqlite } = server.database;
  const sites = (sqlite.prepare(`SELECT id, customer_id FROM sites WHERE region_id IS NOT NULL ORDER BY id LIMIT 60`).all() as { id: string; customer_id: string }[]);
  const technicians = (sqlite.prepare(`SELECT id FROM technicians ORDER BY id`).all() as { id: string }[]).map((t) => t.id);
  const order = sqlite.prepare(
    `INSERT INTO work_orders (id, number, customer_id, site_id, category_id, priority, status, description, estimated_minutes, sla_policy_id, technician_id, received_at, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'cat_elec_outage', 'P2', ?, 'Bulk', 60, 'sla_p2', ?, ?, ?, ?, 'Test')`,
  );
  const clock = sqlite.prepare(
    `INSERT INTO sla_clocks (id, work_order_id, metric, policy_id, calendar_id, target_seconds, state, started_at, due_at, stopped_at, updated_at)
     VALUES (?, ?, ?, 'sla_p2', 'cal_24x7', ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, seq, type, from_status, to_status, at, recorded_at, actor_kind, actor_id, actor_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'system', 'system', 'System')`,
  );
  const rng = new Prng(4);
  const add = (n: number, first: number, step: number, prefix: string) => {
    for (let i = 0; i < n; i++) {
      const id = `wo_${prefix}_${String(i).padStart(6, '0')}`;
      const received = first + i * step;
      const site = sites[i % sites.length]!;
      order.run(id, `WO-${prefix}-${i}`, site.customer_id, site.id, 'accepted', technicians[i % technicians.length]!, received, received, received);
      const history: [string, string | null, string, number][] = [['created', null, 'new', received], ['assigned', 'new', 'assigned', received + 4 * MIN], ['dispatched', 'assigned', 'dispatched', received + 4 * MIN], ['accept', 'dispatched', 'accepted', received + rng.int(5, 40) * MIN]];
      history.forEach(([type, from, to, when], s) => event.run(`woe_${id}_${s}`, id, s + 1, type, from, to, when, when));
      METRICS.forEach((metric, m) => {
        const target = (m + 1) * 60 * MIN;
        const due = received + target;
        const pick = rng.pick(STATES);
        const stopped = pick === 'open' ? null : pick === 'met' ? received + Math.floor(rng.next() * target) : due + rng.int(1, 600) * MIN;
        const state = pick === 'open' ? (due < NOW ? 'breached' : 'running') : pick;
        clock.run(`clk_${id}_${metric}`, id, metric, target / 1000, state, received, due, stopped, received);
        all.push({ state, started: received, due, stopped });
      });
    }
  };
  sqlite.transaction(() => {
    add(OLD_ORDERS, NOW - 120 * 86_400_000, 233_000, 'old');
    add(ORDERS, NOW - 30 * 86_400_000, 77_750, 'new');
  })();
}, 120_000);
afterAll(async () => {
  console.log('sla-trends on 100,000 clocks of the last 30 days (+100,000 older), ms:', JSON.stringify(timings));
  await server.stop();
});

const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  timings[name] = Math.round(performance.now() - start);
  return result;
};

describe('trends at scale', () => {
  it('counts 30 days of 100,000 clocks (and 100,000 older ones) like the rule applied clock by clock', async () => {
    const db = server.database.db;
    const trends = await timed('trends 30d by region', () => slaTrends(db, { range: '30d', groupBy: 'region' }, NOW));
    await timed('trends 24h', () => slaTrends(db, { range: '24h' }, NOW));
    const bounds = [...trends.results[0]!.buckets.map((b) => b.start), NOW];
    const expected = bounds.slice(0, -1).map((start, i) => {
      const end = bounds[i + 1]!;
      const live = all.filter((c) => c.state !== 'cancelled');
      return {
        met: live.filter((c) => c.state === 'met' && c.stopped! >= start && c.stopped! < end).length,
        missed: live.filter((c) => c.state === 'missed' && c.stopped! >= start && c.stopped! < end).length,
        breached: live.filter((c) => c.started < end && c.due < end && (c.stopped === null || c.stopped >= end)).length,
      };
    });
    const actual = bounds.slice(0, -1).map((_, i) => {
      const sum = { met: 0, missed: 0, breached: 0 };
      for (const r of trends.results) for (const k of ['met', 'missed', 'breached'] as const) sum[k] += r.buckets[i]![k];
      return sum;
    });
    // Older clocks still breached count on every day, as the rule says.
    expect(actual).toEqual(expected);
    expect(expected.reduce((n, d) => n + d.met, 0)).toBeGreaterThan(50_000);
  });

  it('answers the heatmap, the hourly series and the anomaly scan over the same month', async () => {
    const db = server.database.db;
    const heatmap = await timed('heatmap 30d', () => breachHeatmap(db, { range: '30d' }, NOW));
    expect(heatmap.total).toBeGreaterThan(15_000);
    for (const name of ['arrivals_per_hour', 'queue_length', 'mean_time_to_accept', 'adherence'] as const) {
      const result = await timed(`series ${name} 30d by region`, () => slaSeries(db, { name, range: '30d', groupBy: 'region' }, NOW));
      expect(result.series.length).toBeGreaterThan(0);
    }
    await timed('anomaly scan (14 days, 4 series × region and team)', () => scanForAnomalies({ db }, NOW));
    for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(10_000);
  });
});
