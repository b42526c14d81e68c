import type { Kysely } from 'kysely';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { Database } from '../db/schema';
import { adherenceByPeriod, adherenceRatio, METRICS, type AdherenceCounts } from '../sla-reports/adherence';
import { centreTimeZone } from './centre-zone';
import { trendBuckets } from './time-buckets';

type Output = MethodOutput<'sla.trends'>;
type Bucket = Output['results'][number]['buckets'][number];

const toBuckets = (bounds: readonly number[], periods: readonly AdherenceCounts[]): Bucket[] =>
  periods.map((c, i) => ({ start: bounds[i]!, end: bounds[i + 1]!, ...c, adherence: adherenceRatio(c) }));

/** Counts of several groups (or metrics) added period by period. */
export const sumPeriods = (n: number, all: readonly (readonly AdherenceCounts[])[]): AdherenceCounts[] =>
  Array.from({ length: n }, (_, i) => {
    const total = { met: 0, missed: 0, breached: 0 };
    for (const periods of all) {
      total.met += periods[i]!.met;
      total.missed += periods[i]!.missed;
      total.breached += periods[i]!.breached;
    }
    return total;
  });

/** Adherence per metric and bucket over the range (DOMAIN.md's rule per bucket, from one grouped query). */
export async function slaTrends(db: Kysely<Database>, input: ParsedInput<'sla.trends'>, now: number): Promise<Output> {
  const timeZone = await centreTimeZone(db);
  const { unit, bounds } = trendBuckets(input.range, now, timeZone);
  const rows = await adherenceByPeriod(db, bounds, input.metric, input.groupBy);
  const n = bounds.length - 1;
  return {
    range: input.range,
    bucket: unit,
    timeZone,
    from: bounds[0]!,
    to: now,
    groupBy: input.groupBy ?? null,
    results: (input.metric ? [input.metric] : METRICS).map((metric) => {
      const mine = rows.filter((r) => r.metric === metric);
      return {
        metric,
        buckets: toBuckets(bounds, sumPeriods(n, mine.map((r) => r.periods))),
        groups: input.groupBy
          ? mine.filter((g) => g.periods.some((c) => c.met + c.missed + c.breached > 0)).map((g) => ({ key: g.key, label: g.label, buckets: toBuckets(bounds, g.periods) }))
          : [],
      };
    }),
  };
}
