import type { CompiledCalendar } from './calendar-compile';
import { workingInUtcDay } from './working-day';
import { DAY_MS, MAX_OFFSET_MS } from './zone';

/**
 * The two calculations on whole-millisecond UTC instants (the public wrappers in index.ts do the rounding and
 * argument checks). Both walk UTC days, each a cached list of working intervals with its total, so a day that is
 * entirely used or entirely passed costs one Map lookup. Far targets also jump whole weeks, but only across
 * stretches where every week is provably identical (see `identicalWeeks`), so holidays and DST are never
 * approximated.
 */

const WEEK_MS = 7 * DAY_MS;
/** A calendar without any working time for this many consecutive days is treated as never working again. */
export const NO_WORK_HORIZON_DAYS = 3653;
/** How far ahead one jump looks for the next irregularity; bounds the zone rules read per jump. */
const JUMP_LOOKAHEAD_MS = 730 * DAY_MS;
/** Days walked one by one before trying to jump; keeps the common short target free of jump bookkeeping. */
const WALK_BEFORE_JUMP = 14;

/** Earliest instant ≥ `start` at which `target` ms of working time have elapsed since `start`. */
export function addWorkingMs(c: CompiledCalendar, start: number, target: number): number {
  if (target === 0) return start;
  if (c.neverWorks) throw noWorkingTime(start);
  let remaining = target;
  let k = Math.floor(start / DAY_MS);
  let t = start;
  let idleDays = 0;
  let walked = 0;
  let nextJump = WALK_BEFORE_JUMP;
  for (;;) {
    if (walked >= nextJump) {
      nextJump = walked + 7;
      const weeks = identicalWeeks(c, k);
      if (weeks > 0) {
        const perWeek = weekTotal(c, k);
        // Strictly fewer weeks than needed: the due instant is found by walking, never at a jumped week's end.
        const jump = perWeek === 0 ? weeks : Math.min(weeks, Math.ceil(remaining / perWeek) - 1);
        remaining -= jump * perWeek;
        k += 7 * jump;
        t = k * DAY_MS;
        idleDays = perWeek === 0 ? idleDays + 7 * jump : 0;
        if (idleDays > NO_WORK_HORIZON_DAYS) throw noWorkingTime(start);
      }
    }
    const day = workingInUtcDay(c, k);
    if (t === k * DAY_MS && day.total < remaining) {
      remaining -= day.total;
    } else {
      const iv = day.intervals;
      for (let i = 0; i < iv.length; i += 2) {
        const from = iv[i] > t ? iv[i] : t;
        const length = iv[i + 1] - from;
        if (length <= 0) continue;
        // `>=`: a target met exactly at a closing instant is due then, not at the next opening.
        if (length >= remaining) return from + remaining;
        remaining -= length;
      }
    }
    idleDays = day.total === 0 ? idleDays + 1 : 0;
    if (idleDays > NO_WORK_HORIZON_DAYS) throw noWorkingTime(start);
    k++;
    t = k * DAY_MS;
    walked++;
  }
}

/** Working time in [from, to) in ms; requires from ≤ to. */
export function workingMsBetween(c: CompiledCalendar, from: number, to: number): number {
  let sum = 0;
  let k = Math.floor(from / DAY_MS);
  let t = from;
  let walked = 0;
  let nextJump = WALK_BEFORE_JUMP;
  while (t < to) {
    const dayStart = k * DAY_MS;
    if (walked >= nextJump) {
      nextJump = walked + 7;
      const weeks = Math.min(identicalWeeks(c, k), Math.floor((to - dayStart) / WEEK_MS));
      if (weeks > 0) {
        sum += weeks * weekTotal(c, k);
        k += 7 * weeks;
        t = k * DAY_MS;
        continue;
      }
    }
    const day = workingInUtcDay(c, k);
    if (t === dayStart && dayStart + DAY_MS <= to) {
      sum += day.total;
    } else {
      const iv = day.intervals;
      for (let i = 0; i < iv.length; i += 2) {
        const a = iv[i] > t ? iv[i] : t;
        const b = iv[i + 1] < to ? iv[i + 1] : to;
        if (b > a) sum += b - a;
      }
    }
    k++;
    t = k * DAY_MS;
    walked++;
  }
  return sum;
}

/** Whether instant `t` is working time (intervals are half-open: the opening instant works, the closing does not). */
export function isWorkingAt(c: CompiledCalendar, t: number): boolean {
  const iv = workingInUtcDay(c, Math.floor(t / DAY_MS)).intervals;
  for (let i = 0; i < iv.length; i += 2) if (iv[i] <= t && t < iv[i + 1]) return true;
  return false;
}

/**
 * How many consecutive weeks starting at UTC day `k` have exactly the working instants of the first, shifted by
 * whole weeks. A UTC day's working instants depend only on the offsets in force during it and on the working wall
 * time of the local dates reached from it; with a constant offset and only weekly-pattern dates (no holiday, no
 * override, each date's footprint padded by the largest possible offset), the pattern repeats every 7 days.
 */
function identicalWeeks(c: CompiledCalendar, k: number): number {
  const t = k * DAY_MS;
  let end = c.zone.nextTransitionAfter(t, t + JUMP_LOOKAHEAD_MS);
  const special = firstSpecialDayReaching(c, t);
  if (special !== undefined) end = Math.min(end, special * DAY_MS - MAX_OFFSET_MS);
  return end > t ? Math.floor((end - t) / WEEK_MS) : 0;
}

function weekTotal(c: CompiledCalendar, k: number): number {
  let total = 0;
  for (let j = 0; j < 7; j++) total += workingInUtcDay(c, k + j).total;
  return total;
}

/** First holiday/override date whose instants can reach `t` or later (binary search). */
function firstSpecialDayReaching(c: CompiledCalendar, t: number): number | undefined {
  const days = c.specialDays;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] + 1) * DAY_MS + MAX_OFFSET_MS > t) hi = mid;
    else lo = mid + 1;
  }
  return lo < days.length ? days[lo] : undefined;
}

function noWorkingTime(start: number): RangeError {
  return new RangeError(
    `The calendar has no working time at all, or none for ${Math.round(NO_WORK_HORIZON_DAYS / 365.25)} ` +
      `consecutive years after ${new Date(start).toISOString()}: the target can never be met`,
  );
}
