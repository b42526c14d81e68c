import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core';
import { openDatabase, type AppDatabase } from '../src/core/db/open-database';
import { seedDemo } from '../src/core/demo/seed-demo';
import { ClockEngine, ClockScheduler } from '../src/core/sla-clocks';
import { measureTelemetry } from './telemetry-throughput';

/**
 * SLA clock engine (issue 4): with 100,000 running clocks in the store, the start-up build of the schedule
 * (`catchUp`: one indexed read of every clock's next instant, then an O(n) heap build) and the cost of a tick with
 * no threshold crossing, at 10,000 and at 100,000 clocks. A tick is a few hundred nanoseconds, below a single
 * reading's resolution, so each sample times a run of ticks and the figure is the median sample per tick.
 *
 * `telemetry_events_per_s` (NDJSON ingestion over HTTP) belongs to the telemetry endpoint and is added with it.
 */
const NOW = Date.parse('2026-03-02T10:00:00Z');
const HOUR_MS = 3_600_000;
const TICKS_PER_SAMPLE = 1_000;
const SAMPLES = 301;

/** A store with `n` running clocks (one per order) whose next instants spread over the week after NOW + 1 h. */
async function storeWith(n: number, dir: string): Promise<AppDatabase> {
  const store = openDatabase({ file: join(dir, `clocks-${n}.db`) });
  await seedDemo(store.db, { seed: 7, now: NOW - 24 * HOUR_MS });
  const { sqlite } = store;
  const site = sqlite.prepare(`SELECT id, customer_id FROM sites ORDER BY id LIMIT 1`).get() as { id: string; customer_id: string };
  const category = sqlite.prepare(`SELECT id FROM categories ORDER BY id LIMIT 1`).get() as { id: string };
  sqlite.transaction(() => {
    const order = sqlite.prepare(
      `INSERT INTO work_orders (id, number, customer_id, site_id, category_id, priority, description, estimated_minutes, sla_policy_id, received_at, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, 'P3', 'Benchmark', 60, 'sla_p3', ?, ?, ?, 'Bench')`,
    );
    const clock = sqlite.prepare(
      `INSERT INTO sla_clocks (id, work_order_id, metric, policy_id, calendar_id, target_seconds, state, started_at, due_at, updated_at, next_fire_at)
       VALUES (?, ?, 'resolution', 'sla_p3', 'cal_business', 108000, 'running', ?, ?, ?, ?)`,
    );
    for (let i = 0; i < n; i++) {
      const key = String(i).padStart(6, '0');
      order.run(`wo_b_${key}`, `WO-2026-B${key}`, site.customer_id, site.id, category.id, NOW, NOW, NOW);
      const next = NOW + HOUR_MS + ((i * 7919) % 604_800) * 1000;
      clock.run(`clk_b_${key}`, `wo_b_${key}`, NOW, next + 3 * 24 * HOUR_MS, NOW, next);
    }
  })();
  return store;
}

/** Median milliseconds per tick when nothing is due, and the heap entries those ticks popped (must be 0). */
async function idleTick(engine: ClockEngine): Promise<{ ms: number; popped: number }> {
  const popped = engine.scheduler.popped;
  const now = NOW + 1000;
  for (let i = 0; i < 20_000; i++) await engine.tick(now);
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = performance.now();
    for (let i = 0; i < TICKS_PER_SAMPLE; i++) await engine.tick(now);
    samples.push((performance.now() - t0) / TICKS_PER_SAMPLE);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[SAMPLES >> 1]!, popped: engine.scheduler.popped - popped };
}

const round = (ms: number, digits: number) => Number(ms.toFixed(digits));

/** Start-up build time and median idle tick for an engine over a store of `n` running clocks. */
async function measure(n: number, dir: string): Promise<{ buildMs: number; tickMs: number }> {
  console.error(`sla-engine: ${n} running clocks`);
  const store = await storeWith(n, dir);
  try {
    const engine = new ClockEngine({ db: store.db, onEvent: () => {}, logger: silentLogger });
    const t0 = performance.now();
    const fired = await engine.catchUp(NOW);
    const buildMs = performance.now() - t0;
    if (fired.length > 0 || engine.scheduler.size !== n) throw new Error(`build: ${fired.length} fired, ${engine.scheduler.size} scheduled of ${n}`);
    const tick = await idleTick(engine);
    if (tick.popped !== 0 || engine.ordersSynced !== 0) throw new Error(`an idle tick touched ${tick.popped} heap entries, ${engine.ordersSynced} orders`);
    return { buildMs, tickMs: tick.ms };
  } finally {
    store.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-bench-sla-engine-'));
  try {
    const small = await measure(10_000, dir);
    const large = await measure(100_000, dir);
    // The in-memory part of the build alone: the heap over 100,000 (clock, instant) pairs.
    const pairs = Array.from({ length: 100_000 }, (_, i) => [`clk_${i}`, NOW + HOUR_MS + ((i * 7919) % 604_800) * 1000] as const);
    const t0 = performance.now();
    new ClockScheduler().load(pairs);
    const heapMs = performance.now() - t0;
    const telemetry = await measureTelemetry();
    return {
      build_ms: round(large.buildMs, 1),
      tick_ms_10k: round(small.tickMs, 6),
      tick_ms_100k: round(large.tickMs, 6),
      build_heap_ms: round(heapMs, 1),
      tick_ratio_100k_10k: round(large.tickMs / small.tickMs, 2),
      telemetry_events_per_s: telemetry.events_per_s,
      telemetry_batch_ms_median: telemetry.batch_ms_median,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
