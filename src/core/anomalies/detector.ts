import { expectations, type BaselineOptions } from './baseline';

/** A time series as the detectors see it: instants and values, null where there is nothing to measure. */
export interface Series {
  at: readonly number[];
  values: readonly (number | null)[];
}

export type DetectionMethod = 'ewma' | 'cusum';

/** One alarm of a chart: the point, what was expected there, and how far past its limit the statistic went. */
export interface DetectorFinding {
  index: number;
  at: number;
  value: number;
  /** The baseline's expected value at this point and its standard deviation, in the series' unit. */
  expected: number;
  sd: number;
  direction: 'up' | 'down';
  method: DetectionMethod;
  /** The chart's parameters and its baseline's, so an alert can state exactly how it was decided. */
  parameters: Record<string, number>;
  /** The statistic over its alarm limit (≥ 1 at an alarm): comparable across methods and series. */
  score: number;
}

/** A point standardised against its baseline: u = (value − expected) / sd. */
export interface StandardPoint {
  index: number;
  value: number;
  expected: number;
  sd: number;
  u: number;
}

/** The points a chart can judge (value present, baseline known), in order, standardised. */
export function standardise(series: Series, baseline: BaselineOptions): StandardPoint[] {
  if (series.at.length !== series.values.length) throw new RangeError('a series needs one instant per value');
  const expected = expectations(series.values, baseline);
  const points: StandardPoint[] = [];
  series.values.forEach((value, index) => {
    const e = expected[index];
    if (value != null && e) points.push({ index, value, expected: e.expected, sd: e.sd, u: (value - e.expected) / e.sd });
  });
  return points;
}

export function baselineParameters(baseline: BaselineOptions): Record<string, number> {
  return {
    window: baseline.window,
    warmUp: baseline.warmUp,
    ...(baseline.season ? { period: baseline.season.period, cycles: baseline.season.cycles } : {}),
    ...(baseline.sdFloor ? { sdFloor: baseline.sdFloor } : {}),
  };
}
