import { describe, expect, it } from 'vitest';
import { completeHours, localDayStart, localHourStart, trendBuckets } from './time-buckets';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('local time buckets', () => {
  it('starts hours on the local hour, also in a half-hour zone', () => {
    expect(iso(localHourStart('Europe/Amsterdam', at('2026-11-05T12:30:00Z')))).toBe('2026-11-05T12:00:00.000Z');
    // Kolkata is UTC+05:30: its hours start at half past UTC hours.
    expect(iso(localHourStart('Asia/Kolkata', at('2026-11-05T12:10:00Z')))).toBe('2026-11-05T11:30:00.000Z');
  });

  it('starts days at local midnight, 23 hours long on the spring-forward day', () => {
    expect(iso(localDayStart('Europe/Amsterdam', at('2026-03-29T12:00:00Z')))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(localDayStart('Europe/Amsterdam', at('2026-03-29T12:00:00Z'), 1))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(localDayStart('America/New_York', at('2026-11-01T03:00:00Z'), -1))).toBe('2026-10-30T04:00:00.000Z');
  });

  it('ends the last bucket now, or at the boundary now stands on', () => {
    const week = trendBuckets('7d', at('2026-03-30T10:00:00Z'), 'Europe/Amsterdam');
    expect(week.unit).toBe('day');
    expect(week.bounds.map(iso)).toEqual([
      '2026-03-23T23:00:00.000Z', '2026-03-24T23:00:00.000Z', '2026-03-25T23:00:00.000Z', '2026-03-26T23:00:00.000Z',
      '2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T10:00:00.000Z',
    ]);
    const day = trendBuckets('24h', at('2026-03-30T10:00:00Z'), 'Europe/Amsterdam');
    expect([day.bounds.length, iso(day.bounds[0]!), iso(day.bounds[23]!), iso(day.bounds[24]!)]).toEqual([
      25, '2026-03-29T10:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z',
    ]);
    expect(trendBuckets('30d', at('2026-03-30T10:00:00Z'), 'UTC').bounds.map(iso).slice(0, 1)).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('lists the complete hours before now', () => {
    expect(completeHours('Europe/Amsterdam', at('2026-11-05T12:30:00Z'), 2).map(iso)).toEqual([
      '2026-11-05T10:00:00.000Z', '2026-11-05T11:00:00.000Z', '2026-11-05T12:00:00.000Z',
    ]);
  });
});
