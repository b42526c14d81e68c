import type { CompiledCalendar, DayIntervals } from './calendar-compile';
import { DAY_MS, MAX_OFFSET_MS } from './zone';

/**
 * Working time as UTC instants.
 *
 * An instant t is working iff its local wall time w = t + offset(t) lies in the working wall intervals of w's local
 * date. Within a piece of constant offset o, the instants of wall interval [a, b) are exactly [a − o, b − o); so a
 * date's working instants are the union, over the zone's constant-offset pieces, of those shifted intervals clipped
 * to the piece. That one rule gives every DST case the spec asks for: a wall time in a spring-forward gap has no
 * instant (the interval starts at the instant after the gap), and a repeated fall-back hour has two pieces, both
 * counted (01:00–04:00 on a Berlin fall-back day spans 4 real hours).
 */

const EMPTY: readonly number[] = [];
/** Caches are plain Maps; a runaway caller scanning centuries would otherwise grow them without bound. */
const CACHE_LIMIT = 200_000;

/** Local date number (days since 1970-01-01) → weekday index with 0 = Monday (1970-01-01 was a Thursday). */
export function weekdayOf(dn: number): number {
  return (((dn + 3) % 7) + 7) % 7;
}

/** Working wall intervals of local date `dn`, in ms since local midnight, flat and merged. */
export function wallIntervalsOfDate(c: CompiledCalendar, dn: number): readonly number[] {
  if (c.holidays.has(dn)) return EMPTY;
  return c.overrides.get(dn) ?? c.regular[weekdayOf(dn)];
}

/** Working UTC intervals of local date `dn`, flat `[start, end, …]`, ascending and merged. */
export function utcIntervalsOfDate(c: CompiledCalendar, dn: number): readonly number[] {
  const cached = c.dateCache.get(dn);
  if (cached) return cached;
  const wall = wallIntervalsOfDate(c, dn);
  let out: readonly number[] = EMPTY;
  if (wall.length > 0) {
    const midnight = dn * DAY_MS;
    const segments = c.zone.segments(midnight - MAX_OFFSET_MS, midnight + DAY_MS + MAX_OFFSET_MS);
    const pieces: number[] = [];
    // Segments are disjoint and ascending, and within one segment the wall intervals keep their order, so the
    // pieces come out sorted; only touching pieces (a transition inside an interval) need joining.
    for (let s = 0; s < segments.length; s += 3) {
      const segStart = segments[s];
      const segEnd = segments[s + 1];
      const offset = segments[s + 2];
      for (let i = 0; i < wall.length; i += 2) {
        const from = Math.max(midnight + wall[i] - offset, segStart);
        const to = Math.min(midnight + wall[i + 1] - offset, segEnd);
        if (to <= from) continue;
        const n = pieces.length;
        if (n > 0 && pieces[n - 1] === from) pieces[n - 1] = to;
        else pieces.push(from, to);
      }
    }
    out = pieces;
  }
  if (c.dateCache.size >= CACHE_LIMIT) c.dateCache.clear();
  c.dateCache.set(dn, out);
  return out;
}

/**
 * Working UTC intervals inside UTC day `k` ([k·24 h, (k+1)·24 h)), ascending and merged, with their total.
 *
 * The calculator walks UTC days rather than local dates because local dates are not ordered in time around a
 * fall-back at midnight (e.g. 00:30 → 23:30 the day before): instants of two dates interleave. Any instant of UTC
 * day k has a local date within k ± 2, so those five dates are gathered and sorted.
 */
export function workingInUtcDay(c: CompiledCalendar, k: number): DayIntervals {
  const cached = c.dayCache.get(k);
  if (cached) return cached;
  const lo = k * DAY_MS;
  const hi = lo + DAY_MS;
  const pairs: number[] = [];
  let sorted = true;
  for (let dn = k - 2; dn <= k + 2; dn++) {
    const iv = utcIntervalsOfDate(c, dn);
    for (let i = 0; i < iv.length; i += 2) {
      const from = Math.max(iv[i], lo);
      const to = Math.min(iv[i + 1], hi);
      if (to <= from) continue;
      if (pairs.length > 0 && from < pairs[pairs.length - 1]) sorted = false;
      pairs.push(from, to);
    }
  }
  const intervals = sorted ? joinTouching(pairs) : joinTouching(sortPairs(pairs));
  let total = 0;
  for (let i = 0; i < intervals.length; i += 2) total += intervals[i + 1] - intervals[i];
  const day = { intervals, total };
  if (c.dayCache.size >= CACHE_LIMIT) c.dayCache.clear();
  c.dayCache.set(k, day);
  return day;
}

function sortPairs(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((p, q) => p[0] - q[0]);
  return pairs.flat();
}

/** Intervals of different dates never overlap (an instant has one local date) but may touch at midnight. */
function joinTouching(flat: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const n = out.length;
    if (n > 0 && out[n - 1] === flat[i]) out[n - 1] = flat[i + 1];
    else out.push(flat[i], flat[i + 1]);
  }
  return out;
}
