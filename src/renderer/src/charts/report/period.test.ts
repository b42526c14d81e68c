import { describe, expect, it } from 'vitest';
import { matchingPreset, periodBounds, periodQuery, presetRange } from './period';

/** Local midnights, whatever zone the test runs in: the picker holds local days. */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();
// Tuesday 24 November 2026, mid-afternoon.
const NOW = new Date(2026, 10, 24, 14, 30).getTime();

describe('report period presets', () => {
  it('covers the seven days ending today', () => {
    expect(presetRange('last7', NOW)).toEqual([day(2026, 11, 18), day(2026, 11, 24)]);
  });

  it('takes the previous calendar month, also across a year end', () => {
    expect(presetRange('lastMonth', NOW)).toEqual([day(2026, 10, 1), day(2026, 10, 31)]);
    expect(presetRange('lastMonth', new Date(2027, 0, 3, 9).getTime())).toEqual([day(2026, 12, 1), day(2026, 12, 31)]);
    expect(presetRange('lastMonth', new Date(2027, 2, 10).getTime())).toEqual([day(2027, 2, 1), day(2027, 2, 28)]);
  });

  it('runs this quarter from its first day to today', () => {
    expect(presetRange('thisQuarter', NOW)).toEqual([day(2026, 10, 1), day(2026, 11, 24)]);
    expect(presetRange('thisQuarter', new Date(2026, 2, 31).getTime())).toEqual([day(2026, 1, 1), day(2026, 3, 31)]);
  });

  it('takes the last 12 months as 365 days ending today', () => {
    expect(presetRange('last12Months', NOW)).toEqual([day(2025, 11, 25), day(2026, 11, 24)]);
  });

  it('recognises the preset a range equals', () => {
    expect(matchingPreset([day(2026, 10, 1), day(2026, 10, 31)], NOW)).toBe('lastMonth');
    expect(matchingPreset([day(2026, 11, 18), day(2026, 11, 24)], NOW)).toBe('last7');
    expect(matchingPreset([day(2026, 11, 17), day(2026, 11, 24)], NOW)).toBeNull();
  });

  it('asks for [first midnight, midnight after the last day)', () => {
    expect(periodBounds([day(2026, 11, 18), day(2026, 11, 24)])).toEqual({ from: day(2026, 11, 18), to: day(2026, 11, 25) });
    // A picked day may carry a time of day: the whole day counts all the same.
    expect(periodBounds([day(2026, 11, 18) + 3_600_000, day(2026, 11, 24) + 7_200_000])).toEqual({ from: day(2026, 11, 18), to: day(2026, 11, 25) });
    expect(periodQuery([day(2026, 10, 1), day(2026, 10, 31)])).toEqual({
      from: new Date(2026, 9, 1).toISOString(),
      to: new Date(2026, 10, 1).toISOString(),
    });
  });
});
