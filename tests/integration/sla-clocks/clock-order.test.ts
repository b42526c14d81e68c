import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recomputeOrderClocks, type ClockEventKind } from '../../../src/core/sla-clocks';
import { historyFrom } from '../../../src/core/sla-clocks/history.arbitrary';
import { addEvent, addOrder, clockRow, HOUR, t, timeline, useClockStore } from './clock-fixture';

/**
 * Late telemetry: the same history delivered in two orders gives the same clocks, and the store keeps the trace
 * of what was believed before the late events came in. Clocks start Monday 2026-03-02 10:00 on Mon–Fri
 * 09:00–17:00 UTC: response 2 h, arrival 6 h, resolution 8 h (due Mon 12:00, Mon 16:00 and Tue 10:00).
 */
const store = useClockStore();
const START = t('2026-03-02T10:00:00Z');
const TARGETS = { response: 2 * HOUR, arrival: 6 * HOUR, resolution: 8 * HOUR };

/** [type, event time, data] of one realistic order: accepted, on site, on hold for parts, resumed, completed. */
const HISTORY: [string, string, Record<string, unknown>][] = [
  ['accept', '2026-03-02T10:30:00Z', {}],
  ['on_site', '2026-03-02T13:00:00Z', {}],
  ['hold', '2026-03-02T15:00:00Z', { reason: 'waiting_parts' }],
  ['resume', '2026-03-03T11:00:00Z', {}],
  ['completed', '2026-03-03T13:30:00Z', {}],
];

const COMPARED = ['metric', 'state', 'due_at', 'stopped_at', 'paused_at', 'elapsed_seconds', 'next_fire_at'] as const;
const clockStates = (orderId: string) => store.db.selectFrom('sla_clocks').select(COMPARED).where('work_order_id', '=', orderId).orderBy('metric').execute();

describe('events out of order', () => {
  it('give the same clocks as the same events in order, and the store keeps what was believed before', async () => {
    const now = t('2026-03-03T14:00:00Z');
    const inOrder = await addOrder(store.db, START, TARGETS);
    for (const [type, at, data] of HISTORY) {
      await addEvent(store.db, inOrder.id, type, t(at), data);
      await store.db.transaction().execute((trx) => recomputeOrderClocks(trx, inOrder.id, t(at)));
    }

    // The hold and the resume reach the centre only after the completion, all three at Tue 13:40.
    const late = await addOrder(store.db, START, TARGETS);
    for (const index of [0, 1, 4, 3, 2]) {
      const [type, at, data] = HISTORY[index]!;
      const recordedAt = index >= 2 ? t('2026-03-03T13:40:00Z') : t(at);
      await addEvent(store.db, late.id, type, t(at), data, recordedAt);
      await store.db.transaction().execute((trx) => recomputeOrderClocks(trx, late.id, recordedAt));
      if (index === 4) {
        // Without the pause the resolution clock ran 11.5 h (Mon 10–17, Tue 09–13:30): completed after its due instant.
        expect(await clockRow(store.db, late.clocks.resolution!)).toMatchObject({ state: 'missed', elapsed_seconds: 41_400 });
      }
    }
    for (const order of [inOrder, late]) await store.db.transaction().execute((trx) => recomputeOrderClocks(trx, order.id, now));

    const expected = [
      // Arrival: on site Mon 13:00 with 3 h of 6 used.
      { metric: 'arrival', state: 'met', due_at: t('2026-03-02T16:00:00Z'), stopped_at: t('2026-03-02T13:00:00Z'), paused_at: null, elapsed_seconds: 3 * HOUR, next_fire_at: null },
      // Resolution: 7.5 h of 8 used, the 4 business hours on hold not counted; the 75 % and 90 % crossings are
      // still to fire (no engine ran here), so the next instant to fire is the earliest of them, Tue 12:00.
      { metric: 'resolution', state: 'met', due_at: t('2026-03-03T14:00:00Z'), stopped_at: t('2026-03-03T13:30:00Z'), paused_at: null, elapsed_seconds: 27_000, next_fire_at: t('2026-03-03T12:00:00Z') },
      { metric: 'response', state: 'met', due_at: t('2026-03-02T12:00:00Z'), stopped_at: t('2026-03-02T10:30:00Z'), paused_at: null, elapsed_seconds: 30 * 60, next_fire_at: null },
    ];
    expect(await clockStates(inOrder.id)).toEqual(expected);
    expect(await clockStates(late.id)).toEqual(expected);

    // History is appended to, never rewritten: the "missed" believed at 13:40 stays, followed by what the late
    // events showed, each marked as recorded out of order.
    const lateTimeline = (await timeline(store.db, late.clocks.resolution!)).map((e) => [e.at, e.event, e.elapsed, e.data.outOfOrder ?? false]);
    expect(lateTimeline).toEqual([
      ['2026-03-02T10:00:00.000Z', 'started', 0, false],
      ['2026-03-02T15:00:00.000Z', 'paused', 18_000, true],
      ['2026-03-03T11:00:00.000Z', 'resumed', 18_000, true],
      ['2026-03-03T13:30:00.000Z', 'missed', 41_400, false],
      ['2026-03-03T13:30:00.000Z', 'met', 27_000, true],
    ]);
    expect((await timeline(store.db, inOrder.clocks.resolution!)).map((e) => e.event)).toEqual(['started', 'paused', 'resumed', 'met']);
  });
});

/** A clock event kind → the lifecycle action recorded in `work_order_events.type`. */
const TYPE_OF: Record<ClockEventKind, string> = {
  accepted: 'accept', on_site: 'on_site', completed: 'completed', cancelled: 'cancel', on_hold: 'hold', resumed: 'resume', reopened: 'reopen',
};

describe('events out of order, any history', () => {
  it('leave the stored clocks exactly as in-order delivery does, each event recomputed as it arrives', async () => {
    await fc.assert(
      fc.asyncProperty(historyFrom(START), async ({ inOrder, shuffled, now }) => {
        const states = [];
        for (const delivery of [inOrder, shuffled]) {
          const order = await addOrder(store.db, START, TARGETS);
          // Each event is learned when the latest of those delivered so far happened (late ones arrive after later ones).
          let learned = START;
          for (const e of delivery) {
            learned = Math.max(learned, e.at);
            await addEvent(store.db, order.id, TYPE_OF[e.kind], e.at, e.reason ? { reason: e.reason } : {}, learned);
            await store.db.transaction().execute((trx) => recomputeOrderClocks(trx, order.id, learned));
          }
          await store.db.transaction().execute((trx) => recomputeOrderClocks(trx, order.id, now));
          states.push(await clockStates(order.id));
        }
        expect(states[1]).toEqual(states[0]);
      }),
      { numRuns: 25 },
    );
  });
});
