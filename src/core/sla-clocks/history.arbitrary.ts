import fc from 'fast-check';
import type { ClockEvent, ClockEventKind } from './clock-model';

/**
 * Random order histories for the property tests: a lifecycle a real order can go through (accept, holds, on site,
 * holds, then completed / cancelled / completed-reopened-completed / still open), hold reasons that do and do not
 * pause, distinct event times 1 s to 40 h apart, and a random delivery order (seq = arrival position).
 */

const reason = fc.constantFrom('waiting_customer', 'waiting_parts', 'customer_absent');
const holds = fc.array(reason, { maxLength: 2 });

const lifecycle = fc
  .record({ early: holds, onSite: holds, end: fc.constantFrom('completed', 'cancelled', 'reopened', 'open'), reopenHolds: holds })
  .map(({ early, onSite, end, reopenHolds }) => {
    const kinds: { kind: ClockEventKind; reason?: string }[] = [{ kind: 'accepted' }];
    const hold = (reasons: string[]) => reasons.forEach((r) => kinds.push({ kind: 'on_hold', reason: r }, { kind: 'resumed' }));
    hold(early);
    kinds.push({ kind: 'on_site' });
    hold(onSite);
    if (end === 'cancelled') kinds.push({ kind: 'cancelled' });
    if (end === 'completed' || end === 'reopened') kinds.push({ kind: 'completed' });
    if (end === 'reopened') {
      kinds.push({ kind: 'reopened' }, { kind: 'accepted' }, { kind: 'on_site' });
      hold(reopenHolds);
      kinds.push({ kind: 'completed' });
    }
    return kinds;
  });

export interface History {
  inOrder: ClockEvent[];
  shuffled: ClockEvent[];
  /** Some time after the last event. */
  now: number;
}

export const historyFrom = (start: number): fc.Arbitrary<History> =>
  lifecycle.chain((kinds) =>
    fc
      .record({
        gaps: fc.array(fc.integer({ min: 1, max: 40 * 3600 }), { minLength: kinds.length, maxLength: kinds.length }),
        delivery: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: kinds.length, maxLength: kinds.length }),
        after: fc.integer({ min: 0, max: 60 * 3600 }),
      })
      .map(({ gaps, delivery, after }) => {
        let at = start;
        const inOrder = kinds.map((k, i) => ({ ...k, at: (at += gaps[i]! * 1000), seq: i + 1 }) as ClockEvent);
        const shuffled = inOrder
          .map((e, i) => ({ e, key: delivery[i]! }))
          .sort((a, b) => a.key - b.key)
          .map(({ e }, i) => ({ ...e, seq: i + 1 }));
        return { inOrder, shuffled, now: at + after * 1000 };
      }),
  );
