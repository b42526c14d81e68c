import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '@shared/schemas/compliance-report.schema';
import { bucketLabel, buildTrendOption, trendFloor, trendSeries } from './trend.option';

const DAY = 86_400_000;
const START = Date.parse('2026-11-18T00:00:00Z');
const counts = (met: number, missed: number, breached: number) => {
  const counted = met + missed + breached;
  return { met, missed, breached, counted, adherence: counted ? Math.round((met / counted) * 10_000) / 10_000 : null };
};
const trend: ComplianceReport['trend'] = {
  bucket: 'day',
  points: [
    { start: START, end: START + DAY, response: counts(9, 1, 0), arrival: counts(8, 1, 1), resolution: counts(0, 0, 0) },
    { start: START + DAY, end: START + 2 * DAY, response: counts(3, 0, 0), arrival: counts(2, 1, 0), resolution: counts(5, 2, 0) },
  ],
};

describe('report trend chart', () => {
  it('labels buckets by their local start day', () => {
    expect(bucketLabel(START, 'UTC', 'en-GB')).toBe('18 Nov');
    // 23:30 UTC is already the next day in Amsterdam.
    expect(bucketLabel(Date.parse('2026-11-18T23:30:00Z'), 'Europe/Amsterdam', 'en-GB')).toBe('19 Nov');
  });

  it('draws adherence in percent, with a gap where nothing was counted', () => {
    expect(trendSeries(trend, 'response')).toEqual([90, 100]);
    expect(trendSeries(trend, 'arrival')).toEqual([80, 66.7]);
    expect(trendSeries(trend, 'resolution')).toEqual([null, 71.4]);
  });

  it('starts the y axis ten points below the worst bucket, rounded to ten', () => {
    expect(trendFloor(trend)).toBe(50);
    expect(trendFloor({ bucket: 'day', points: [] })).toBe(0);
  });

  it('builds one line per metric over the bucket labels', () => {
    const option = buildTrendOption(trend, 'UTC', 'en-GB') as any;
    expect(option.xAxis.data).toEqual(['18 Nov', '19 Nov']);
    expect(option.series.map((s: any) => [s.name, s.data, s.connectNulls])).toEqual([
      ['Response', [90, 100], false],
      ['Arrival', [80, 66.7], false],
      ['Resolution', [null, 71.4], false],
    ]);
    expect(option.yAxis).toMatchObject({ min: 50, max: 100 });
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '<b>19 Nov</b><br><span style="color:#2f6fde">●</span> Response: <b>100.0 %</b> (3 of 3)<br>' +
        '<span style="color:#0e9f6e">●</span> Arrival: <b>66.7 %</b> (2 of 3)<br>' +
        '<span style="color:#9b4dca">●</span> Resolution: <b>71.4 %</b> (5 of 7)',
    );
  });
});
