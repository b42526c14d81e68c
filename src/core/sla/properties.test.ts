import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { compileCalendar } from './calendar-compile';
import { addBusinessSeconds, businessSecondsBetween, isBusinessTime } from './index';
import { addBruteForce, betweenBruteForce, isWorkingBruteForce } from './oracle.fixture';
import { scenario } from './scenario.arbitrary';

const DAY_S = 86_400;
const target = fc.integer({ min: 0, max: 90 * DAY_S });

const between = (c: Calendar, a: number, b: number) => businessSecondsBetween(c, new Date(a), new Date(b));

/** Sum over one-day pieces: never long enough for the week jumps, so it checks them. */
function betweenByDays(c: Calendar, a: number, b: number): number {
  let sum = 0;
  for (let t = a; t < b; t += DAY_S * 1000) sum += between(c, t, Math.min(t + DAY_S * 1000, b));
  return sum;
}

/**
 * `addBusinessSeconds` in ms, or undefined when it (rightly) refuses: only a calendar whose weekly pattern is
 * empty may run out of working time.
 */
function add(c: Calendar, start: number, seconds: number): number | undefined {
  try {
    return addBusinessSeconds(c, new Date(start), seconds).getTime();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    expect(compileCalendar(c).regular.every((day) => day.length === 0)).toBe(true);
    return undefined;
  }
}

describe('business time — properties over random calendars', () => {
  it('round-trips, and the due instant is the earliest one', () => {
    fc.assert(
      fc.property(scenario, target, ({ calendar, start }, x) => {
        const due = add(calendar, start, x);
        if (due === undefined) return;
        expect(due).toBeGreaterThanOrEqual(start);
        expect(due % 1000).toBe(0);
        expect(between(calendar, start, due)).toBe(x);
        if (due - start < 120 * DAY_S * 1000) expect(betweenByDays(calendar, start, due)).toBe(x);
        // One second earlier, one second less has elapsed: the last second before the due instant is working.
        if (x > 0) expect(between(calendar, start, due - 1000)).toBe(x - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the laws for starts with milliseconds (floored to the second)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 999 }), target, ({ calendar, start }, ms, x) => {
        const s = start + ms;
        expect(add(calendar, s, 0)).toBe(s);
        const due = add(calendar, s, x);
        if (due === undefined) return;
        expect(between(calendar, s, due)).toBe(x);
        // A positive target is computed from the start floored to its second.
        if (x > 0) expect(due).toBe(add(calendar, start, x));
      }),
      { numRuns: 100 },
    );
  });

  it('is monotonic in the target', () => {
    fc.assert(
      fc.property(scenario, target, target, ({ calendar, start }, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = add(calendar, start, lo);
        const b = add(calendar, start, hi);
        if (a !== undefined && b !== undefined) expect(a).toBeLessThanOrEqual(b);
      }),
      { numRuns: 150 },
    );
  });

  it('is additive, antisymmetric and never exceeds wall-clock time', () => {
    const offset = fc.integer({ min: 0, max: 60 * DAY_S }).map((s) => s * 1000);
    fc.assert(
      fc.property(scenario, offset, offset, ({ calendar, start }, p, q) => {
        const [a, b, c] = [start, start + Math.min(p, q), start + Math.max(p, q)];
        const ab = between(calendar, a, b);
        const bc = between(calendar, b, c);
        expect(ab + bc).toBe(between(calendar, a, c));
        expect(between(calendar, c, a)).toBe(0 - (ab + bc));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual((b - a) / 1000);
      }),
      { numRuns: 150 },
    );
  });
});

describe('business time — cross-checked against a minute-stepping Intl oracle', () => {
  it('businessSecondsBetween matches on ranges up to two days', () => {
    const length = fc.integer({ min: 0, max: 2 * DAY_S }).map((s) => s * 1000);
    fc.assert(
      fc.property(scenario, length, ({ calendar, start }, d) => {
        expect(between(calendar, start, start + d)).toBe(betweenBruteForce(calendar, start, start + d));
      }),
      { numRuns: 50 },
    );
  }, 30_000);

  it('addBusinessSeconds matches when the due instant is within three days', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: DAY_S }), ({ calendar, start }, x) => {
        const fast = add(calendar, start, x);
        if (fast === undefined || fast - start > 3 * DAY_S * 1000) return;
        expect(new Date(fast).toISOString()).toBe(new Date(addBruteForce(calendar, start, x, 3 * 24 * 60 + 1)!).toISOString());
      }),
      { numRuns: 50 },
    );
  }, 30_000);

  it('isBusinessTime matches instant by instant', () => {
    const near = fc.integer({ min: -DAY_S, max: DAY_S }).map((s) => s * 1000);
    fc.assert(
      fc.property(scenario, fc.array(near, { minLength: 1, maxLength: 30 }), ({ calendar, start }, ds) => {
        for (const d of ds) expect(isBusinessTime(calendar, new Date(start + d))).toBe(isWorkingBruteForce(calendar, start + d));
      }),
      { numRuns: 100 },
    );
  });
});
