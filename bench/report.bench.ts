import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ManualClock } from '../src/core';
import { openDatabase } from '../src/core/db/open-database';
import { seedDemo } from '../src/core/demo/seed-demo';
import { Prng } from '../src/core/demo/prng';
import { exportComplianceReport } from '../src/core/reports/compliance/export';

/**
 * Compliance report (issue 5): the PDF for one year with 100,000 work orders (300,000 SLA clocks, with the alerts
 * and corrective actions such a year brings) must take at most 10 s and 500 MB peak RSS. The year is written
 * straight into the store in one transaction (not through the API); the figure is the slowest of three
 * generations of the whole export (snapshot queries, charts, PDF), and the peak RSS is the whole process's,
 * store building included, so it bounds the report from above.
 */
const ORDERS = 100_000;
const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const YEAR_END = Date.parse('2026-01-01T00:00:00Z');
const NOW = Date.parse('2026-01-15T09:00:00Z');
const RUNS = 3;

const METRICS = ['response', 'arrival', 'resolution'] as const;
/** Targets in seconds per priority (as the demo policies), measured here on the 24x7 calendar. */
const TARGETS = { P1: [1800, 7200, 14_400], P2: [3600, 14_400, 28_800], P3: [14_400, 36_000, 108_000], P4: [28_800, 108_000, 180_000] } as const;
type Priority = keyof typeof TARGETS;

function priorityOf(rng: Prng): Priority {
  const r = rng.next();
  return r < 0.15 ? 'P1' : r < 0.45 ? 'P2' : r < 0.8 ? 'P3' : 'P4';
}

interface Statements {
  order: BetterSqlite3.Statement;
  clock: BetterSqlite3.Statement;
  alert: BetterSqlite3.Statement;
  action: BetterSqlite3.Statement;
}

function prepare(sqlite: BetterSqlite3.Database): Statements {
  return {
    order: sqlite.prepare(
      `INSERT INTO work_orders (id, number, customer_id, site_id, category_id, priority, status, description, estimated_minutes, sla_policy_id, received_at, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'Benchmark order', 60, ?, ?, ?, ?, 'Bench')`,
    ),
    clock: sqlite.prepare(
      `INSERT INTO sla_clocks (id, work_order_id, metric, policy_id, calendar_id, target_seconds, state, started_at, due_at, stopped_at, updated_at, next_fire_at)
       VALUES (?, ?, ?, ?, 'cal_24x7', ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    alert: sqlite.prepare(
      `INSERT INTO alerts (id, kind, severity, dedupe_key, work_order_id, clock_id, escalation_level, title, message, raised_at, acknowledged_at, acknowledged_by)
       VALUES (?, 'sla.escalation', ?, ?, ?, ?, ?, ?, 'Benchmark alert', ?, ?, ?)`,
    ),
    action: sqlite.prepare(
      `INSERT INTO corrective_actions (id, work_order_id, kind, reason, applied_at, applied_by, outcome, outcome_at)
       VALUES (?, ?, ?, 'Benchmark reallocation', ?, 'usr_bench', ?, ?)`,
    ),
  };
}

/** Escalation alerts of a clock that ran late: levels at 75 %, at the due instant and 30 min after, some acknowledged. */
function escalate(s: Statements, rng: Prng, orderId: string, clockId: string, startedAt: number, dueAt: number): void {
  const raisedAt = [startedAt + (dueAt - startedAt) * 0.75, dueAt, dueAt + 1_800_000];
  for (let level = 1; level <= 3 && rng.chance(level === 1 ? 0.7 : 0.5); level++) {
    const raised = Math.round(raisedAt[level - 1]!);
    const ack = rng.chance(0.9) ? raised + rng.int(30, 3600) * 1000 : null;
    const id = `${clockId}_a${level}`;
    s.alert.run(id, level === 3 ? 'critical' : 'warning', id, orderId, clockId, level, `Level ${level} escalation`, raised, ack, ack === null ? null : 'Bench manager');
  }
}

/** One order with its three clocks; durations scatter around 70 % of target, so about a fifth run late. */
function writeOrder(s: Statements, rng: Prng, i: number, sites: readonly { id: string; customer_id: string }[], categories: readonly string[]): void {
  const id = `wo_r_${String(i).padStart(6, '0')}`;
  const site = rng.pick(sites);
  const priority = priorityOf(rng);
  const policy = `sla_${priority.toLowerCase()}`;
  const start = YEAR_START + Math.floor(rng.next() * (YEAR_END - YEAR_START));
  const cancelled = rng.chance(0.02);
  const stuck = !cancelled && rng.chance(0.004);
  let previous = 0;
  const stops = TARGETS[priority].map((target) => (previous = Math.max(previous, Math.round(target * Math.exp(0.45 * rng.gaussian() - 0.35)))));
  const resolvedAt = start + stops[2]! * 1000;
  const status = cancelled ? 'cancelled' : stuck || resolvedAt > NOW ? 'on_site' : 'closed';
  s.order.run(id, `WO-2025-${String(i).padStart(6, '0')}`, site.customer_id, site.id, rng.pick(categories), priority, status, policy, start, start, NOW);
  METRICS.forEach((metric, m) => {
    const clockId = `${id}_${metric}`;
    const target = TARGETS[priority][m]!;
    const due = start + target * 1000;
    let stop: number | null = start + stops[m]! * 1000;
    if (stuck && metric === 'resolution') stop = null;
    if (stop !== null && stop > NOW) stop = null;
    const state = cancelled ? 'cancelled' : stop === null ? (due < NOW ? 'breached' : 'running') : stop <= due ? 'met' : 'missed';
    const stoppedAt = cancelled ? start + 3_600_000 : stop;
    s.clock.run(clockId, id, metric, policy, target, state, start, due, stoppedAt, stoppedAt ?? start);
    if (state === 'missed' || state === 'breached') escalate(s, rng, id, clockId, start, due);
  });
  if (!cancelled && rng.chance(0.03)) {
    const outcome = rng.chance(0.1) ? null : rng.chance(0.7) ? 'met' : 'missed';
    s.action.run(`cor_r_${i}`, id, rng.chance(0.8) ? 'reassign' : 'swap', start + 600_000, outcome, outcome === null ? null : resolvedAt);
  }
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-bench-report-'));
  const store = openDatabase({ file: join(dir, 'report.db') });
  try {
    console.error(`report: writing ${ORDERS} orders over 2025`);
    await seedDemo(store.db, { seed: 7, now: YEAR_START - 86_400_000 });
    const sites = store.sqlite.prepare('SELECT id, customer_id FROM sites ORDER BY id').all() as { id: string; customer_id: string }[];
    const categories = (store.sqlite.prepare('SELECT id FROM categories ORDER BY id').all() as { id: string }[]).map((c) => c.id);
    const statements = prepare(store.sqlite);
    const rng = new Prng(5);
    store.sqlite.transaction(() => {
      for (let i = 0; i < ORDERS; i++) writeOrder(statements, rng, i, sites, categories);
    })();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    console.error(`report: ${store.sqlite.prepare('SELECT count(*) AS n FROM alerts').pluck().get()} alerts; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB before the report`);

    const query = { from: new Date(YEAR_START).toISOString(), to: new Date(YEAR_END).toISOString(), timeZone: 'Europe/Amsterdam' };
    const deps = { db: store.db, clock: new ManualClock(NOW) };
    const times: number[] = [];
    let pages = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const file = await exportComplianceReport(deps, query, 'pdf');
      times.push(performance.now() - t0);
      pages = file.pages!;
      console.error(`report: run ${r + 1}: ${Math.round(times.at(-1)!)} ms, ${pages} pages, ${Math.round(file.bytes.length / 1024)} KiB`);
    }
    return {
      orders: ORDERS,
      pdf_ms: Math.round(Math.max(...times)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      pages,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
