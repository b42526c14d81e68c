import { z } from 'zod';
import { EpochMs } from '../schemas/common';
import { SlaMetric } from '../schemas/reference.schema';
import { VIEWERS } from '../roles';
import { defineMethod } from './define';

export const TrendRange = z.enum(['24h', '7d', '30d']);
export const SeriesName = z.enum(['arrivals_per_hour', 'queue_length', 'mean_time_to_accept', 'adherence']);
export type SeriesName = z.infer<typeof SeriesName>;

const Bucket = z.object({
  start: EpochMs,
  /** The next bucket's start; the last bucket is the one in progress and ends at `to` (now). */
  end: EpochMs,
  met: z.number().int(),
  missed: z.number().int(),
  /** Running past their due instant at the bucket's end. */
  breached: z.number().int(),
  /** met / (met + missed + breached); null when there is nothing to count. */
  adherence: z.number().nullable(),
});

const Window = {
  /** The centre's IANA zone: hour and day buckets start on its local hours and midnights. */
  timeZone: z.string(),
  from: EpochMs,
  to: EpochMs,
};

export const slaTrendMethods = {
  'sla.trends': defineMethod({
    summary:
      'SLA adherence over time, per metric: 24 hourly buckets (range 24h) or 7 / 30 daily buckets (local days of the centre), the last one in progress up to now. ' +
      'Each bucket counts like sla.adherence for [start, end): met and missed clocks that stopped in it, plus clocks still breached at its end. ' +
      'Output: results[] = { metric, buckets: [{ start, end, met, missed, breached, adherence }], groups: [{ key, label, buckets }] } (groups only with groupBy).',
    input: z.strictObject({
      range: TrendRange.default('24h'),
      metric: SlaMetric.optional(),
      groupBy: z.enum(['region', 'priority', 'customer', 'team']).optional(),
    }),
    output: z.object({
      range: TrendRange,
      bucket: z.enum(['hour', 'day']),
      ...Window,
      groupBy: z.string().nullable(),
      results: z.array(
        z.object({
          metric: SlaMetric,
          buckets: z.array(Bucket),
          groups: z.array(z.object({ key: z.string(), label: z.string(), buckets: z.array(Bucket) })),
        }),
      ),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/sla/trends' },
  }),
  'sla.breachHeatmap': defineMethod({
    summary:
      'Breaches by region and local hour of day (in the centre zone) over the last 7 or 30 local days up to now. A breach is a clock that ran past its due instant (missed, or still running or paused past it), placed at its due instant; cancelled clocks never count. ' +
      'Output: rows[] = { key (region id, "" for sites without a region), label, hours: [24 counts, index = local hour 0..23], total }, every region listed; max is the largest cell (for a colour scale).',
    input: z.strictObject({ range: z.enum(['7d', '30d']).default('7d'), metric: SlaMetric.optional() }),
    output: z.object({
      range: z.enum(['7d', '30d']),
      ...Window,
      rows: z.array(z.object({ key: z.string(), label: z.string(), hours: z.array(z.number().int()).length(24), total: z.number().int() })),
      total: z.number().int(),
      max: z.number().int(),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/sla/breach-heatmap' },
  }),
  'sla.series': defineMethod({
    summary:
      'An hourly operational series over the last 24, 168 or 720 complete local hours: arrivals_per_hour (orders by received instant), queue_length (open unassigned orders, status new, at the end of each hour), ' +
      'mean_time_to_accept (minutes from the latest dispatch to acceptance, over acceptances in the hour; null without any), adherence (hourly sla.trends buckets, all metrics pooled unless `metric`; null with nothing to count). ' +
      'Output: series[] = { key, label, points: [{ at (hour start), value }] }; one series "All" without groupBy.',
    input: z.strictObject({
      name: SeriesName,
      range: TrendRange.default('24h'),
      groupBy: z.enum(['region', 'team']).optional(),
      metric: SlaMetric.optional(),
    }),
    output: z.object({
      name: SeriesName,
      unit: z.enum(['orders', 'minutes', 'ratio']),
      range: TrendRange,
      ...Window,
      groupBy: z.string().nullable(),
      series: z.array(z.object({ key: z.string(), label: z.string(), points: z.array(z.object({ at: EpochMs, value: z.number().nullable() })) })),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/sla/series' },
  }),
};
