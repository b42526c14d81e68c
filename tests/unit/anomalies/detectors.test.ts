import { describe, expect, it } from 'vitest';
import { anomalyMessage, cusumChart, ewmaChart, expectations } from '../../../src/core/anomalies';
import { robustOfSorted } from '../../../src/core/anomalies/robust-stats';

const robustLocationScale = (values: number[]) => robustOfSorted([...values].sort((a, b) => a - b));

const hours = (n: number) => Array.from({ length: n }, (_, i) => i * 3_600_000);
/** Ten points alternating 9 and 11: mean 10, sample standard deviation √(10/9) = 1.05409. */
const CALM = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11];
const SD = Math.sqrt(10 / 9);

describe('robust baseline', () => {
  it('is the mean and standard deviation of the bulk, unmoved by an outlier', () => {
    expect(robustLocationScale(CALM)).toEqual({ location: 10, scale: SD });
    // Median 11, MAD 2 → 2.965 robust σ: 50 lies 13 robust σ out and is left aside.
    expect(robustLocationScale([...CALM, 50])).toEqual({ location: 10, scale: SD });
    expect(robustLocationScale([7])).toBeNull();
  });

  it('expects each point from the points before it only, once the warm-up is met', () => {
    const e = expectations([...CALM, 20, 10], { window: 10, warmUp: 10 });
    expect(e.slice(0, 10)).toEqual(new Array(10).fill(null));
    expect(e[10]).toEqual({ expected: 10, sd: SD });
    // Point 11's window is 11, 9, …, 11, 20: median 11, MAD 1 (1.48 robust σ), so the 20 (9 away) is left aside and
    // the anomaly does not leak into the next baseline: the mean of four 9s and five 11s, whose sd is again √(10/9).
    expect(e[11]!.expected).toBeCloseTo(91 / 9, 12);
    expect(e[11]!.sd).toBeCloseTo(SD, 12);
  });

  it('takes out a daily pattern: the level is the same hour on earlier days', () => {
    // Period 2 (a "day" of two points), 0 then 10: every residual is 0, so the spread is the floor.
    const values = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0 : 10));
    const e = expectations(values, { window: 8, warmUp: 4, season: { period: 2, cycles: 3 }, sdFloor: 1 });
    // Levels need 2 of 3 earlier cycles (from point 4); 4 residuals in the window from point 8.
    expect(e.findIndex((x) => x !== null)).toBe(8);
    expect(e[19]).toEqual({ expected: 10, sd: 1 });
    // Without the season the same point looks like noise around 5: four 0s and four 10s, sd √(200/7).
    expect(expectations(values, { window: 8, warmUp: 4 })[19]).toEqual({ expected: 5, sd: Math.sqrt(200 / 7) });
  });
});

describe('charts', () => {
  const spike = { at: hours(11), values: [...CALM, 20] };
  const u = 10 / SD; // 9.48683

  it('EWMA alarms when z leaves L·√(λ/(2−λ)·(1−(1−λ)^2t)), and restarts', () => {
    const [finding, ...more] = ewmaChart(spike, { lambda: 0.2, L: 3, window: 10, warmUp: 10 });
    expect(more).toEqual([]);
    // First judged point: limit 3·√(0.2/1.8·0.36) = 0.6; z = 0.2·u = 1.89737.
    expect(finding).toEqual({
      index: 10, at: 10 * 3_600_000, value: 20, expected: 10, sd: SD, direction: 'up', method: 'ewma',
      parameters: { lambda: 0.2, L: 3, window: 10, warmUp: 10 }, score: expect.closeTo((0.2 * u) / 0.6, 12),
    });
    expect(ewmaChart({ at: hours(11), values: [...CALM, 10.5] }, { lambda: 0.2, L: 3, window: 10, warmUp: 10 })).toEqual([]);
    // A second spike right after: the chart restarted at 0 (t = 1, limit 0.6 again) against a baseline of
    // 91/9 ± √(10/9) that left the first spike out.
    const twice = ewmaChart({ at: hours(12), values: [...CALM, 20, 20] }, { lambda: 0.2, L: 3, window: 10, warmUp: 10 });
    expect(twice.map((f) => f.index)).toEqual([10, 11]);
    expect(twice[1]!.score).toBeCloseTo((0.2 * ((20 - 91 / 9) / SD)) / 0.6, 10);
  });

  it('CUSUM alarms when S⁺ or S⁻ passes h, and says which way', () => {
    const [finding] = cusumChart(spike, { k: 0.5, h: 5, window: 10, warmUp: 10 });
    expect(finding).toMatchObject({ index: 10, direction: 'up', method: 'cusum', parameters: { k: 0.5, h: 5, window: 10, warmUp: 10 } });
    expect(finding!.score).toBeCloseTo((u - 0.5) / 5, 12);
    const drop = cusumChart({ at: hours(11), values: [...CALM, 0] }, { k: 0.5, h: 5, window: 10, warmUp: 10 });
    expect(drop.map((f) => f.direction)).toEqual(['down']);
    // u = 5.4 / 1.054 = 5.12: S⁺ = 4.62 stays under h = 5.
    expect(cusumChart({ at: hours(11), values: [...CALM, 15.4] }, { k: 0.5, h: 5, window: 10, warmUp: 10 })).toEqual([]);
  });

  it('skips points without a value', () => {
    expect(cusumChart({ at: hours(11), values: [...CALM, null] }, { k: 0.5, h: 5, window: 10, warmUp: 10 })).toEqual([]);
    expect(() => ewmaChart(spike, { lambda: 0, L: 3, window: 10, warmUp: 10 })).toThrow(RangeError);
    expect(() => cusumChart({ at: hours(2), values: [1] }, { k: 0.5, h: 5, window: 10, warmUp: 10 })).toThrow(RangeError);
  });
});

describe('anomaly messages', () => {
  it('state the value, the expectation and how it was decided', () => {
    const finding = { index: 0, at: 0, value: 41, expected: 18, sd: 5, direction: 'up' as const, score: 2, method: 'cusum' as const, parameters: { k: 0.5, h: 5 } };
    expect(anomalyMessage('arrivals_per_hour', 'region', 'North', finding)).toBe('Arrivals per hour in region North: 41 vs expected 18 ± 5 (CUSUM k=0.5σ, h=5σ)');
    const adherence = { ...finding, value: 0.62, expected: 0.9134, sd: 0.04, method: 'ewma' as const, parameters: { lambda: 0.2, L: 3 } };
    expect(anomalyMessage('adherence', 'team', 'Power', adherence)).toBe('Adherence in team Power: 62 % vs expected 91.3 % ± 4 % (EWMA λ=0.2, L=3σ)');
    expect(anomalyMessage('mean_time_to_accept', 'team', 'Power', { ...finding, value: 42.25, expected: 12 })).toBe('Mean time to accept in team Power: 42.3 min vs expected 12 min ± 5 min (CUSUM k=0.5σ, h=5σ)');
  });
});
