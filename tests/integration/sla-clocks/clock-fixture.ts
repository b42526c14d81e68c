import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { SlaMetric } from '../../../src/shared/schemas/reference.schema';
import { silentLogger } from '../../../src/core';
import { openDatabase, type AppDatabase } from '../../../src/core/db/open-database';
import type { Database } from '../../../src/core/db/schema';
import { seedDemo } from '../../../src/core/demo/seed-demo';
import { ClockEngine, type SlaClockEvent } from '../../../src/core/sla-clocks';
import { appendOrderEvent } from '../../../src/core/work-orders/work-order-events';

export const t = (iso: string) => Date.parse(iso);
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const HOUR = 3600;
const SEEDED_AT = t('2026-03-01T00:00:00Z');

/** A real SQLite file per test with the demo centre plus one policy whose numbers are easy to check by hand. */
export function useClockStore() {
  let dir = '';
  let store: AppDatabase | null = null;
  const opened: AppDatabase[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dcr-clocks-'));
    store = openDatabase({ file: join(dir, 'store.db') });
    opened.push(store);
    await seedDemo(store.db, { seed: 7, now: SEEDED_AT });
    await addOfficePolicy(store.db);
  });
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db(): Kysely<Database> {
      return store!.db;
    },
    get store(): AppDatabase {
      return store!;
    },
    /** Another connection to the same file: what the app sees after a restart. */
    reopen(): AppDatabase {
      store!.close();
      store = openDatabase({ file: join(dir, 'store.db') });
      opened.push(store);
      return store;
    },
  };
}

/** An engine that records what it fires, as a host would forward it to the bus. */
export function engineFor(db: Kysely<Database>): { engine: ClockEngine; fired: SlaClockEvent[] } {
  const fired: SlaClockEvent[] = [];
  return { engine: new ClockEngine({ db, onEvent: (e) => fired.push(e), logger: silentLogger }), fired };
}

/** "Office" calendar: Mon–Fri 09:00–17:00 UTC (8 business hours a day); warnings at 75 % and 90 %. */
export async function addOfficePolicy(db: Kysely<Database>): Promise<void> {
  const day = [['09:00', '17:00']];
  await db
    .insertInto('calendars')
    .values({ id: 'cal_office', name: 'Office', time_zone: 'UTC', week_json: JSON.stringify({ mon: day, tue: day, wed: day, thu: day, fri: day }), created_at: SEEDED_AT, updated_at: SEEDED_AT })
    .execute();
  await db
    .insertInto('sla_policies')
    .values({
      id: 'sla_office', name: 'Office test policy', rank: 0, calendar_id: 'cal_office', zone_mode: 'calendar',
      pausing_reasons_json: JSON.stringify(['waiting_customer', 'waiting_parts']), warning_thresholds_json: JSON.stringify([75, 90]),
      reopen_window_seconds: 7 * 24 * HOUR, active: 0, created_at: SEEDED_AT, updated_at: SEEDED_AT,
    })
    .execute();
}

let orders = 0;

/** A work order with clocks on the office policy started at `startedAt`, inserted by hand as intake would. */
export async function addOrder(db: Kysely<Database>, startedAt: number, targets: Partial<Record<SlaMetric, number>>): Promise<{ id: string; clocks: Record<string, string> }> {
  const customer = await db.selectFrom('sites').select(['id', 'customer_id']).orderBy('id').executeTakeFirstOrThrow();
  const category = await db.selectFrom('categories').select('id').orderBy('id').executeTakeFirstOrThrow();
  const id = `wo_test_${++orders}`;
  await db
    .insertInto('work_orders')
    .values({
      id, number: `WO-2026-9${String(orders).padStart(5, '0')}`, customer_id: customer.customer_id, site_id: customer.id, category_id: category.id,
      priority: 'P3', status: 'new', description: 'Clock engine test', estimated_minutes: 60, sla_policy_id: 'sla_office',
      received_at: startedAt, created_at: startedAt, updated_at: startedAt, updated_by: 'Test',
    })
    .execute();
  const clocks: Record<string, string> = {};
  for (const [metric, seconds] of Object.entries(targets) as [SlaMetric, number][]) {
    clocks[metric] = `${id}_${metric}`;
    await db
      .insertInto('sla_clocks')
      .values({ id: clocks[metric], work_order_id: id, metric, policy_id: 'sla_office', calendar_id: 'cal_office', target_seconds: seconds, started_at: startedAt, updated_at: startedAt })
      .execute();
  }
  return { id, clocks };
}

/** Appends a lifecycle event with event time `at`, learned at `recordedAt` (later when telemetry comes in late). */
export async function addEvent(db: Kysely<Database>, orderId: string, type: string, at: number, data: Record<string, unknown> = {}, recordedAt = at): Promise<void> {
  await db.transaction().execute((trx) => appendOrderEvent(trx, orderId, null, recordedAt, { type, at, data }));
}

export async function clockRow(db: Kysely<Database>, clockId: string) {
  return db.selectFrom('sla_clocks').selectAll().where('id', '=', clockId).executeTakeFirstOrThrow();
}

export async function timeline(db: Kysely<Database>, clockId: string) {
  const rows = await db.selectFrom('sla_clock_timeline').selectAll().where('clock_id', '=', clockId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ at: iso(r.at), event: r.event, elapsed: r.elapsed_seconds, percent: r.percent_elapsed, wall: r.wall_percent, data: JSON.parse(r.data_json) as Record<string, unknown> }));
}
