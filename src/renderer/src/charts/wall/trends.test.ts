import { describe, expect, it } from 'vitest';
import { bucketLabels, trendAxisMin, trendOption, trendValue, type Trends } from './trends';

const H = 3_600_000;
const START = Date.parse('2026-11-24T13:00:00Z');
const bucket = (i: number, adherence: number | null, step = H) => ({ start: START + i * step, end: START + (i + 1) * step, met: 0, missed: 0, breached: 0, adherence });

const trends = (range: Trends['range'], values: (number | null)[], step = H): Trends => ({
  range,
  bucket: range === '24h' ? 'hour' : 'day',
  timeZone: 'Europe/Amsterdam',
  from: START,
  to: START + values.length * step,
  groupBy: null,
  results: [
    { metric: 'response', buckets: values.map((v, i) => bucket(i, v, step)), groups: [] },
    { metric: 'arrival', buckets: values.map((v, i) => bucket(i, v === null ? null : v - 0.1, step)), groups: [] },
  ],
});

describe('adherence trends', () => {
  it('labels buckets in the centre zone', () => {
    expect(bucketLabels(trends('24h', [1, 1, 1]))).toEqual(['14:00', '15:00', '16:00']);
    expect(bucketLabels(trends('7d', [1, 1], 24 * H))).toEqual(['Tue 24', 'Wed 25']);
    expect(bucketLabels(trends('30d', [1], 24 * H))).toEqual(['24 Nov']);
  });

  it('plots percentages with one decimal and leaves empty buckets as gaps', () => {
    const option = trendOption(trends('24h', [0.9342, null, 1]));
    const series = option.series as { id: string; data: (number | null)[]; connectNulls: boolean }[];
    expect(series.map((s) => s.id)).toEqual(['response', 'arrival']);
    expect(series[0]!.data).toEqual([93.4, null, 100]);
    expect(series[1]!.data).toEqual([83.4, null, 90]);
    expect(series[0]!.connectNulls).toBe(true);
  });

  it('starts the axis at 50 %, lower in tens when a bucket fell below', () => {
    expect(trendAxisMin(trends('24h', [0.97, 0.99]))).toBe(50);
    expect(trendAxisMin(trends('24h', [0.97, 0.52]))).toBe(40);
    expect(trendAxisMin(trends('24h', [0.05]))).toBe(0);
    expect(trendValue(null)).toBeNull();
  });

  it('marks the 95 % target', () => {
    const first = (trendOption(trends('24h', [1])).series as { markLine?: { data: { yAxis: number }[] } }[])[0]!;
    expect(first.markLine!.data).toEqual([{ yAxis: 95 }]);
  });
});
