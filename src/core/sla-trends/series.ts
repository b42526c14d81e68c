import type { Kysely } from 'kysely';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { SeriesName } from '../../shared/contract/sla-trends.contract';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { adherenceByPeriod, adherenceRatio } from '../sla-reports/adherence';
import { centreTimeZone } from './centre-zone';
import { SeriesTable, type HourlySeries, type SeriesGroupBy } from './hourly-series';
import { arrivalsPerHour, meanTimeToAccept, queueLength } from './order-series';
import { completeHours, RANGE_HOURS } from './time-buckets';
import { sumPeriods } from './trends';

export const SERIES_UNITS = { arrivals_per_hour: 'orders', queue_length: 'orders', mean_time_to_accept: 'minutes', adherence: 'ratio' } as const satisfies Record<SeriesName, string>;

/** Hourly adherence per group (DOMAIN.md's rule per hour); the metrics pooled unless one is named. */
async function adherencePerHour(db: Kysely<Database>, bounds: readonly number[], groupBy?: SeriesGroupBy, metric?: SlaMetric): Promise<HourlySeries[]> {
  const n = bounds.length - 1;
  const rows = await adherenceByPeriod(db, bounds, metric, groupBy);
  const table = new SeriesTable(n, null, !groupBy);
  const keys = new Map(rows.map((r) => [groupBy ? r.key : '', groupBy ? r.label : 'All']));
  for (const [key, label] of keys) {
    const counts = sumPeriods(n, rows.filter((r) => !groupBy || r.key === key).map((r) => r.periods));
    const values = table.line(key, label);
    counts.forEach((c, i) => (values[i] = adherenceRatio(c)));
  }
  return table.list();
}

/** The named series over the hours [bounds[0], bounds.at(-1)), one line per group. */
export function hourlySeries(db: Kysely<Database>, name: SeriesName, bounds: readonly number[], groupBy?: SeriesGroupBy, metric?: SlaMetric): Promise<HourlySeries[]> {
  switch (name) {
    case 'arrivals_per_hour':
      return arrivalsPerHour(db, bounds, groupBy);
    case 'queue_length':
      return queueLength(db, bounds, groupBy);
    case 'mean_time_to_accept':
      return meanTimeToAccept(db, bounds, groupBy);
    case 'adherence':
      return adherencePerHour(db, bounds, groupBy, metric);
  }
}

export async function slaSeries(db: Kysely<Database>, input: ParsedInput<'sla.series'>, now: number): Promise<MethodOutput<'sla.series'>> {
  if (input.metric && input.name !== 'adherence') {
    throw new AppError('validation', 'A metric only applies to the adherence series.', [{ path: 'metric', message: 'only applies to name=adherence' }]);
  }
  const timeZone = await centreTimeZone(db);
  const bounds = completeHours(timeZone, now, RANGE_HOURS[input.range]);
  const lines = await hourlySeries(db, input.name, bounds, input.groupBy, input.metric);
  return {
    name: input.name,
    unit: SERIES_UNITS[input.name],
    range: input.range,
    timeZone,
    from: bounds[0]!,
    to: bounds.at(-1)!,
    groupBy: input.groupBy ?? null,
    series: lines.map((l) => ({ key: l.key, label: l.label, points: l.values.map((value, i) => ({ at: bounds[i]!, value })) })),
  };
}
