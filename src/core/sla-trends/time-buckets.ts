import { DAY_MS, Zone } from '../sla/zone';

export const HOUR_MS = 3_600_000;
export type TrendRange = '24h' | '7d' | '30d';

const mod = (a: number, m: number) => ((a % m) + m) % m;

/** Start of the local hour (in `zone`) that contains `t`. */
export function localHourStart(zone: string, t: number): number {
  return t - mod(t + Zone.of(zone).offsetAt(t), HOUR_MS);
}

/** Local midnight (in `zone`) starting the day that contains `t`, moved by `days` local days (23 h or 25 h on DST days). */
export function localDayStart(zone: string, t: number, days = 0): number {
  const z = Zone.of(zone);
  const wall = Math.floor((t + z.offsetAt(t)) / DAY_MS) * DAY_MS + days * DAY_MS;
  // The offset at that midnight may differ from the one at `t` (a DST change in between): read it there.
  return wall - z.offsetAt(wall - z.offsetAt(wall));
}

export interface Buckets {
  unit: 'hour' | 'day';
  /** n + 1 ascending instants: bucket i is [bounds[i], bounds[i + 1]). */
  bounds: number[];
}

const BUCKETS: Record<TrendRange, { unit: 'hour' | 'day'; count: number }> = {
  '24h': { unit: 'hour', count: 24 },
  '7d': { unit: 'day', count: 7 },
  '30d': { unit: 'day', count: 30 },
};

/**
 * The range's buckets up to `now`: 24 local hours, or 7 / 30 local days. The last is the one in progress and ends
 * at `now` (at an exact boundary, the one that just ended), so no bucket counts what has not happened yet.
 */
export function trendBuckets(range: TrendRange, now: number, zone: string): Buckets {
  const { unit, count } = BUCKETS[range];
  const starts = Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    return unit === 'hour' ? localHourStart(zone, now - 1) - back * HOUR_MS : localDayStart(zone, now - 1, -back);
  });
  return { unit, bounds: [...starts, now] };
}

/** The `count` complete hours before `now`, aligned to the local hour: count + 1 bounds one hour apart. */
export function completeHours(zone: string, now: number, count: number): number[] {
  const end = localHourStart(zone, now);
  return Array.from({ length: count + 1 }, (_, i) => end - (count - i) * HOUR_MS);
}

export const RANGE_HOURS: Record<TrendRange, number> = { '24h': 24, '7d': 168, '30d': 720 };
