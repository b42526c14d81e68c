import { z } from 'zod';
import { Empty, EpochMs } from '../schemas/common';
import { defineMethod } from './define';
import { SeriesName } from './sla-trends.contract';

export const AnomalyFinding = z.object({
  series: SeriesName,
  groupBy: z.enum(['region', 'team']),
  key: z.string(),
  label: z.string(),
  /** Start of the hour the anomalous point covers (the latest complete hour). */
  at: EpochMs,
  value: z.number(),
  /** What the series' own recent history expected, and its standard deviation. */
  expected: z.number(),
  sd: z.number(),
  direction: z.enum(['up', 'down']),
  method: z.enum(['ewma', 'cusum']),
  /** The chart's and its baseline's parameters, e.g. { k: 0.5, h: 5, window: 168, warmUp: 72, period: 24, cycles: 7 }. */
  parameters: z.record(z.string(), z.number()),
  /** The chart statistic over its alarm limit (≥ 1). */
  score: z.number(),
  /** e.g. "Arrivals per hour in region North Bank: 41 vs expected 18 ± 5 (CUSUM k=0.5σ, h=5σ)". */
  message: z.string(),
});

export const anomalyMethods = {
  'anomalies.scan': defineMethod({
    summary:
      'Current anomalies: EWMA and CUSUM charts over the hourly series of sla.series (arrivals, queue length, mean time to accept, adherence), by region and by team, each against its own recent history (hour-of-day level of the last 7 days); findings for the latest complete hour only, strongest first. Read-only.',
    input: Empty,
    output: z.object({ now: EpochMs, findings: z.array(AnomalyFinding) }),
    roles: ['admin', 'manager', 'dispatcher', 'display'],
    mutates: false,
    http: { method: 'GET', path: '/anomalies' },
  }),
};
