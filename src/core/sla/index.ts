import type { Calendar } from '../../shared/schemas/calendar.schema';
import { addWorkingMs, isWorkingAt, workingMsBetween } from './business-time';
import { compileCalendar } from './calendar-compile';

/**
 * Business time on a calendar (DOMAIN.md "SLA clocks").
 *
 * Conventions shared by every function here:
 * - The calendar is validated and compiled on first use and cached per calendar object (`compileCalendar`);
 *   an invalid calendar throws a RangeError that lists every problem. Do not mutate a calendar after use.
 * - Precision is one second: the milliseconds of every input instant are dropped (floored toward the past, so
 *   10:00:00.999 counts as 10:00:00) and every computed result is a whole second; the one exception is a zero
 *   target, which returns the start itself untouched. With that rule the laws hold exactly for all inputs:
 *   `businessSecondsBetween(c, s, addBusinessSeconds(c, s, x)) === x`, additivity, and monotonicity.
 * - Working intervals are half-open: the opening instant is working time, the closing instant is not.
 * - Business time is real elapsed time: a 24x7 day across fall-back has 25 h, a repeated working hour counts
 *   twice, a skipped (spring-forward) hour counts zero.
 */
export { compileCalendar, type CompiledCalendar } from './calendar-compile';
export { NO_WORK_HORIZON_DAYS } from './business-time';

/**
 * The due instant: the earliest instant at or after `start` at which `seconds` of business time have elapsed.
 *
 * - `seconds === 0` → `start` itself (a new Date of the same instant, milliseconds kept), even outside hours.
 * - A target met exactly at a closing time is due at that closing time, not at the next opening.
 * - Fractional `seconds` are rounded up to a whole second (elapsed time only takes whole-second values, so that
 *   is the earliest instant at which elapsed ≥ target).
 * - Negative, NaN or infinite `seconds`, or an invalid Date → RangeError (no subtraction).
 * - A calendar without working time (none at all, or none for `NO_WORK_HORIZON_DAYS` consecutive days on the
 *   way) → RangeError instead of searching forever.
 */
export function addBusinessSeconds(calendar: Calendar, start: Date, seconds: number): Date {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`seconds must be a finite number ≥ 0, got ${String(seconds)}`);
  }
  const c = compileCalendar(calendar);
  const from = toSecond(start, 'start');
  if (seconds === 0) return new Date(start.getTime());
  return new Date(addWorkingMs(c, from, Math.ceil(seconds) * 1000));
}

/**
 * Business seconds between two instants: the measure of working instants in [from, to), a whole number.
 * When `to` is before `from` the result is the negative of `businessSecondsBetween(calendar, to, from)`, so
 * `between(a, b) + between(b, c) === between(a, c)` holds for any order of a, b, c. Invalid Date → RangeError.
 */
export function businessSecondsBetween(calendar: Calendar, from: Date, to: Date): number {
  const c = compileCalendar(calendar);
  const a = toSecond(from, 'from');
  const b = toSecond(to, 'to');
  if (a === b) return 0;
  // `0 - x` rather than `-x`: a reversed empty range gives 0, not -0.
  return a < b ? workingMsBetween(c, a, b) / 1000 : 0 - workingMsBetween(c, b, a) / 1000;
}

/** Whether `at` (to the second) is working time on `calendar`. */
export function isBusinessTime(calendar: Calendar, at: Date): boolean {
  return isWorkingAt(compileCalendar(calendar), toSecond(at, 'at'));
}

function toSecond(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return Math.floor(ms / 1000) * 1000;
}
