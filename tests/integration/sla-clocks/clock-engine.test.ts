import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { recomputeOrderClocks, type SlaClockEvent } from '../../../src/core/sla-clocks';
import { addEvent, addOrder, clockRow, engineFor, HOUR, iso, t, timeline, useClockStore } from './clock-fixture';

/**
 * The engine against a real SQLite file, time moved by hand. Every order here has one resolution clock of
 * 8 business hours started Monday 2026-03-02 10:00 on Mon–Fri 09:00–17:00 UTC, so (worked out by hand):
 *   75 % = 6 h     → Mon 16:00:00   (Mon 10–16)
 *   90 % = 7 h 12  → Tue 09:12:00   (7 h by Mon 17:00, 12 min on Tuesday)
 *   due  = 8 h     → Tue 10:00:00, breached from Tue 10:00:01
 */
const store = useClockStore();
const START = t('2026-03-02T10:00:00Z');
const brief = (events: SlaClockEvent[]) =>
  events.map((e) => ({ name: e.name, metric: e.payload.metric, threshold: e.payload.threshold, reachedAt: iso(e.payload.reachedAt), late: e.payload.late }));

describe('warnings and breach', () => {
  it('fire exactly once each, at their instant, and never again on later ticks or after a restart', async () => {
    const clock = new ManualClock(START);
    const { clocks } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    const { engine } = engineFor(store.db);
    expect(await engine.catchUp(clock.now())).toEqual([]);
    expect(await clockRow(store.db, clocks.resolution!)).toMatchObject({ state: 'running', due_at: t('2026-03-03T10:00:00Z'), next_fire_at: t('2026-03-02T16:00:00Z') });

    const at = async (instant: string) => brief(await engine.tick(t(instant)));
    expect(await at('2026-03-02T15:59:59Z')).toEqual([]);
    expect(await at('2026-03-02T16:00:00Z')).toEqual([{ name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: false }]);
    expect(await at('2026-03-02T16:00:05Z')).toEqual([]);
    expect(await at('2026-03-03T09:11:59Z')).toEqual([]);
    expect(await at('2026-03-03T09:12:00Z')).toEqual([{ name: 'sla.warning', metric: 'resolution', threshold: 90, reachedAt: '2026-03-03T09:12:00.000Z', late: false }]);
    expect(await at('2026-03-03T10:00:00Z')).toEqual([]);
    const breach = await engine.tick(t('2026-03-03T10:00:01Z'));
    expect(brief(breach)).toEqual([{ name: 'sla.breached', metric: 'resolution', threshold: null, reachedAt: '2026-03-03T10:00:01.000Z', late: false }]);
    expect(breach[0]!.payload).toMatchObject({ dueAt: t('2026-03-03T10:00:00Z'), elapsedSeconds: 8 * HOUR + 1, state: 'breached', firedAt: t('2026-03-03T10:00:01Z') });
    expect(await at('2026-03-03T16:00:00Z')).toEqual([]);
    expect(engine.scheduler.size).toBe(0);

    const row = await clockRow(store.db, clocks.resolution!);
    expect(row).toMatchObject({ state: 'breached', breach_fired_at: t('2026-03-03T10:00:01Z'), next_fire_at: null });
    expect(JSON.parse(row.thresholds_fired_json)).toEqual([
      { threshold: 75, at: t('2026-03-02T16:00:00Z'), firedAt: t('2026-03-02T16:00:00Z'), late: false },
      { threshold: 90, at: t('2026-03-03T09:12:00Z'), firedAt: t('2026-03-03T09:12:00Z'), late: false },
    ]);

    // Restart: a new engine over the same file fires nothing that already fired.
    const restarted = engineFor(store.reopen().db);
    expect(await restarted.engine.catchUp(t('2026-03-03T18:00:00Z'))).toEqual([]);
    expect(await restarted.engine.tick(t('2026-03-04T18:00:00Z'))).toEqual([]);
    expect((await timeline(store.db, clocks.resolution!)).map((e) => [e.at, e.event, e.elapsed, e.percent])).toEqual([
      ['2026-03-02T10:00:00.000Z', 'started', 0, 0],
      ['2026-03-02T16:00:00.000Z', 'warning', 21_600, 75],
      ['2026-03-03T09:12:00.000Z', 'warning', 25_920, 90],
      ['2026-03-03T10:00:01.000Z', 'breached', 28_801, 100],
    ]);
  });
});

describe('restart catch-up', () => {
  it('fires the instants passed while the app was down on start-up, marked late, exactly once', async () => {
    const { clocks } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    const before = engineFor(store.db);
    await before.engine.catchUp(START);
    expect(await before.engine.tick(t('2026-03-02T10:30:00Z'))).toEqual([]);

    // Down from Mon 10:30 to Tue 09:30: both warnings passed meanwhile.
    const after = engineFor(store.reopen().db);
    expect(brief(await after.engine.catchUp(t('2026-03-03T09:30:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: true },
      { name: 'sla.warning', metric: 'resolution', threshold: 90, reachedAt: '2026-03-03T09:12:00.000Z', late: true },
    ]);
    expect(after.fired).toHaveLength(2);
    expect(after.fired[0]!.payload).toMatchObject({ percentElapsed: 93.75, firedAt: t('2026-03-03T09:30:00Z'), state: 'running' });
    const warnings = (await timeline(store.db, clocks.resolution!)).filter((e) => e.event === 'warning');
    expect(warnings.map((w) => [w.at, w.percent, w.data.late, w.data.firedAt])).toEqual([
      ['2026-03-02T16:00:00.000Z', 75, true, t('2026-03-03T09:30:00Z')],
      ['2026-03-03T09:12:00.000Z', 90, true, t('2026-03-03T09:30:00Z')],
    ]);

    // A second restart fires them no more; the breach, while running, comes on time.
    const again = engineFor(store.reopen().db);
    expect(await again.engine.catchUp(t('2026-03-03T09:45:00Z'))).toEqual([]);
    expect(brief(await again.engine.tick(t('2026-03-03T10:00:01Z')))).toEqual([
      { name: 'sla.breached', metric: 'resolution', threshold: null, reachedAt: '2026-03-03T10:00:01.000Z', late: false },
    ]);
  });
});

describe('late knowledge', () => {
  it('catches up on the first tick of a fresh engine, and marks late a crossing it learns of more than a minute after', async () => {
    const { engine } = engineFor(store.db);
    // Nothing known yet: the first tick is the start-up catch-up.
    expect(await engine.tick(t('2026-03-02T17:00:00Z'))).toEqual([]);
    // A partner logs at Mon 17:00 a call taken Mon 10:00: its 75 % (Mon 16:00) passed before the centre knew.
    const { id } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    engine.orderChanged(id);
    expect(brief(await engine.tick(t('2026-03-02T17:00:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: true },
    ]);
    // A tick a few seconds after an instant (the hosts tick every 5 s) is on time.
    expect(brief(await engine.tick(t('2026-03-03T09:12:05Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 90, reachedAt: '2026-03-03T09:12:00.000Z', late: false },
    ]);
  });
});

describe('pause and resume', () => {
  it('stops the clock on hold with a pausing reason and moves its due instant by the paused business time', async () => {
    const { id, clocks } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    const { engine } = engineFor(store.db);
    await engine.catchUp(START);
    const change = async (type: string, instant: string, data: Record<string, unknown> = {}) => {
      await addEvent(store.db, id, type, t(instant), data);
      engine.orderChanged(id);
      return brief(await engine.tick(t(instant)));
    };

    // On hold Mon 15:00 with 5 h used: nothing fires while paused, not even past the old due instant.
    expect(await change('hold', '2026-03-02T15:00:00Z', { reason: 'waiting_parts' })).toEqual([]);
    expect(await clockRow(store.db, clocks.resolution!)).toMatchObject({ state: 'paused', paused_at: t('2026-03-02T15:00:00Z'), elapsed_seconds: 5 * HOUR, next_fire_at: null });
    expect(await engine.tick(t('2026-03-02T16:00:00Z'))).toEqual([]);
    expect(await engine.tick(t('2026-03-03T10:00:01Z'))).toEqual([]);

    // Resumed Tue 11:00: 4 business hours paused (Mon 15–17, Tue 09–11), so due Tue 14:00 and 75 % at Tue 12:00.
    expect(await change('resume', '2026-03-03T11:00:00Z')).toEqual([]);
    expect(await clockRow(store.db, clocks.resolution!)).toMatchObject({ state: 'running', due_at: t('2026-03-03T14:00:00Z'), paused_at: null, next_fire_at: t('2026-03-03T12:00:00Z') });
    expect(brief(await engine.tick(t('2026-03-03T12:00:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-03T12:00:00.000Z', late: false },
    ]);
    expect(brief(await engine.tick(t('2026-03-03T13:12:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 90, reachedAt: '2026-03-03T13:12:00.000Z', late: false },
    ]);
    expect(await change('completed', '2026-03-03T13:30:00Z')).toEqual([]);
    expect(await clockRow(store.db, clocks.resolution!)).toMatchObject({ state: 'met', stopped_at: t('2026-03-03T13:30:00Z'), elapsed_seconds: 27_000, next_fire_at: null });
    expect(await engine.tick(t('2026-03-03T14:00:01Z'))).toEqual([]);

    // Each change with business time elapsed, percent elapsed and wall-clock percent against the due of that moment.
    expect((await timeline(store.db, clocks.resolution!)).map((e) => [e.at, e.event, e.elapsed, e.percent, e.wall])).toEqual([
      ['2026-03-02T10:00:00.000Z', 'started', 0, 0, 0],
      ['2026-03-02T15:00:00.000Z', 'paused', 18_000, 62.5, 20.83], // 5 h of the 24 h to Tue 10:00
      ['2026-03-03T11:00:00.000Z', 'resumed', 18_000, 62.5, 89.29], // due now Tue 14:00: 25 h of 28 h
      ['2026-03-03T12:00:00.000Z', 'warning', 21_600, 75, 92.86],
      ['2026-03-03T13:12:00.000Z', 'warning', 25_920, 90, 97.14],
      ['2026-03-03T13:30:00.000Z', 'met', 27_000, 93.75, 98.21],
    ]);
  });

  it('keeps running on hold for a reason the policy does not list as pausing', async () => {
    const { id, clocks } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    const { engine } = engineFor(store.db);
    await engine.catchUp(START);
    await addEvent(store.db, id, 'hold', t('2026-03-02T15:00:00Z'), { reason: 'customer_absent' });
    engine.orderChanged(id);
    expect(await engine.tick(t('2026-03-02T15:00:00Z'))).toEqual([]);
    expect(await clockRow(store.db, clocks.resolution!)).toMatchObject({ state: 'running', paused_at: null, due_at: t('2026-03-03T10:00:00Z') });
    expect(brief(await engine.tick(t('2026-03-02T16:00:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: false },
    ]);
  });
});

describe('changes that stored their clocks', () => {
  it('are rescheduled from the store without being re-derived, and fire when their instant comes', async () => {
    const { engine } = engineFor(store.db);
    await engine.catchUp(START);
    const { id } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    // What a lifecycle change does inside its transaction before it publishes workOrder.changed.
    await recomputeOrderClocks(store.db, id, START);
    engine.clocksStored(id);
    expect(await engine.tick(START + 5_000)).toEqual([]);
    expect(engine.ordersSynced).toBe(0);
    expect(engine.scheduler.nextAt()).toBe(t('2026-03-02T16:00:00Z'));
    expect(brief(await engine.tick(t('2026-03-02T16:00:00Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: false },
    ]);
    expect(engine.ordersSynced).toBe(1);
  });

  it('fire at the next tick, late, what their change found already reached (a request logged late)', async () => {
    const { engine } = engineFor(store.db);
    await engine.catchUp(START);
    const { id } = await addOrder(store.db, START, { resolution: 8 * HOUR });
    await recomputeOrderClocks(store.db, id, t('2026-03-02T17:00:00Z'));
    engine.clocksStored(id);
    expect(brief(await engine.tick(t('2026-03-02T17:00:05Z')))).toEqual([
      { name: 'sla.warning', metric: 'resolution', threshold: 75, reachedAt: '2026-03-02T16:00:00.000Z', late: true },
    ]);
  });
});
