import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, ManualClock, silentLogger } from '../../../src/core';
import { openDatabase, type AppDatabase } from '../../../src/core/db/open-database';
import { seedDemo } from '../../../src/core/demo/seed-demo';
import { SYSTEM_PRINCIPAL } from '../../../src/shared/roles';

/**
 * Levels whose instant passed while the app was not running fire on the next start, marked late, exactly once.
 * A P1 order (demo "P1 critical (24x7)", response 30 min) received Mon 2026-03-02 09:00Z: response level 1 at
 * 09:22:30, level 2 at 09:27:00, level 3 at 09:30:00.
 */
const T0 = Date.parse('2026-03-02T09:00:00Z');
let dir = '';
const opened: AppDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcr-alerts-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The app starting at `at` on the same file: a new store connection and a new core, start-up jobs run. */
async function start(at: number) {
  const store = openDatabase({ file: join(dir, 'dispatch.db') });
  opened.push(store);
  const clock = new ManualClock(at);
  const core = createCore({ db: store.db, clock, logger: silentLogger });
  const raised: any[] = [];
  core.bus.subscribe((name, payload) => name === 'alert.raised' && raised.push(payload));
  await core.runScheduledJobs();
  await core.alerts.settled();
  const alerts = async () => ((await core.call('alerts.list', {}, SYSTEM_PRINCIPAL)) as any).items as any[];
  const stop = () => store.close();
  return { store, clock, core, raised, alerts, stop };
}

/** Seeds the demo centre and takes one P1 order, received at T0. */
async function seedWithOrder(app: Awaited<ReturnType<typeof start>>): Promise<any> {
  await seedDemo(app.store.db, { seed: 7, now: T0 });
  const order = (await app.core.call('serviceRequests.create', {
    idempotencyKey: 'catch-up-1', receivedAt: '2026-03-02T09:00:00Z', categoryCode: 'LEAK', priority: 'P1', description: 'Flooded basement.',
    customer: { name: 'Dockside Storage' }, site: { name: 'Basement', address: 'Kade 20, Rivermouth', lat: 52.371, lon: 4.894 },
  }, SYSTEM_PRINCIPAL)) as any;
  expect(order.sla.policyName).toBe('P1 critical (24x7)');
  return order;
}

describe('catch-up on start-up', () => {
  it('fires the levels passed while down, late, once; the next level comes on time', async () => {
    const first = await start(T0);
    await seedWithOrder(first);
    first.clock.set(T0 + 600_000);
    await first.core.runScheduledJobs();
    expect(await first.alerts()).toEqual([]);
    first.stop();

    // Down from 09:10 to 09:28: levels 1 and 2 passed meanwhile.
    const second = await start(T0 + 28 * 60_000);
    const caught = await second.alerts();
    expect(caught.map((a) => [a.metric, a.level, a.late, a.data.reachedAt - T0, a.raisedAt - T0])).toEqual([
      ['response', 2, true, 1_620_000, 1_680_000],
      ['response', 1, true, 1_350_000, 1_680_000],
    ]);
    expect(caught[0].message).toContain('Raised late: its instant passed while the app was not running.');
    expect(second.raised.map((e) => [e.alert.level, e.alert.late])).toEqual([[1, true], [2, true]]);

    second.clock.set(T0 + 30 * 60_000);
    await second.core.runScheduledJobs();
    expect((await second.alerts()).map((a) => [a.level, a.late])).toEqual([[3, false], [2, true], [1, true]]);
    second.stop();

    // Another restart raises nothing again.
    const third = await start(T0 + 31 * 60_000);
    expect(third.raised).toEqual([]);
    expect(await third.alerts()).toHaveLength(3);
  });
});

describe('reacting to SLA crossings', () => {
  it('raises the level as soon as the clock engine reports the crossing, without waiting for the next scheduled run', async () => {
    const app = await start(T0);
    const order = await seedWithOrder(app);
    const clockId = (app.store.sqlite.prepare("SELECT id FROM sla_clocks WHERE work_order_id = ? AND metric = 'response'").get(order.id) as { id: string }).id;
    app.clock.set(T0 + 1_350_000);
    app.core.bus.publish('sla.warning', {
      orderId: order.id, number: order.number, clockId, metric: 'response', threshold: 75, reachedAt: T0 + 1_350_000, dueAt: T0 + 1_800_000,
      elapsedSeconds: 1350, percentElapsed: 75, state: 'running', late: false, firedAt: T0 + 1_350_000,
    });
    await app.core.alerts.settled();
    expect((await app.alerts()).map((a) => [a.metric, a.level, a.raisedAt - T0, a.late])).toEqual([['response', 1, 1_350_000, false]]);
  });
});
