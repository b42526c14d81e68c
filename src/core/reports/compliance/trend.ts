import { sql, type Kysely } from 'kysely';
import type { ComplianceReport } from '../../../shared/schemas/compliance-report.schema';
import type { Database, SlaMetric } from '../../db/schema';
import { METRICS, perMetric } from './adherence-breakdown';
import { counting, type ReportScope } from './scope';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Up to this long a period is charted day by day; longer ones week by week (a year is 53 points, not 365). */
const DAILY_UP_TO_MS = 62 * DAY_MS;

type Counts = { met: number; missed: number; breached: number };

interface BucketRecord {
  metric: SlaMetric;
  /** 'met' or 'missed' when the clock stopped inside the period, in bucket `stop`. */
  outcome: 'met' | 'missed' | null;
  stop: number | null;
  /** The buckets at whose end the clock was breached: first..last (none when first > last or null). */
  first: number | null;
  last: number | null;
  clocks: number;
}

/**
 * Adherence per metric and bucket, each bucket counted by DOMAIN.md's rule as a period of its own: clocks that
 * stopped inside it, plus clocks running past their due instant at its end. Buckets are consecutive 24-hour days
 * (or 7-day weeks) from the period start; the last one ends at `asOf`.
 *
 * Bounded work: one aggregate query. Bucket i ends at from + (i + 1)·step (the last at asOf), so each clock yields
 * the bucket it stopped in and the range of buckets at whose end it was breached, max(due, start) < end_i <= stop:
 * first = bucket(max(due, start)), last = bucket(stop) − 1 (the last bucket only if it never stopped before asOf).
 * Clocks are grouped by those indexes in SQL, and a difference array over the buckets turns ranges into counts.
 */
export async function adherenceTrend(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['trend']> {
  const { from, asOf } = scope;
  const step = asOf - from <= DAILY_UP_TO_MS ? DAY_MS : WEEK_MS;
  // A remainder shorter than half a step joins the last bucket (a year is 52 weeks, the last of 8 days), so no
  // stub of a bucket at the end swings the chart; a longer remainder is a bucket of its own.
  const n = Math.max(1, Math.round((asOf - from) / step));
  // Index of the bucket an instant falls in, clamped to [0, n - 1]. Parameters are bound as REAL, so the index is
  // truncated explicitly (an instant before `from` truncates towards 0).
  const bucketOf = (column: 'stopped_at' | 'due_at' | 'started_at') =>
    sql`max(0, min(${n - 1}, CAST((k.${sql.raw(column)} - ${from}) / ${step} AS INTEGER)))`;
  const [met, missed] = [counting.met(from, asOf), counting.missed(from, asOf)];
  const breachable = sql`(k.state <> 'cancelled' AND k.due_at < ${asOf})`;
  const { rows } = await sql<BucketRecord>`
    SELECT metric, outcome, stop, first, last, count(*) AS clocks FROM (
      SELECT k.metric AS metric,
        CASE WHEN ${met} THEN 'met' WHEN ${missed} THEN 'missed' END AS outcome,
        CASE WHEN ${met} OR ${missed} THEN ${bucketOf('stopped_at')} END AS stop,
        CASE WHEN ${breachable} THEN max(${bucketOf('due_at')}, ${bucketOf('started_at')}) END AS first,
        CASE WHEN ${breachable} THEN
          CASE WHEN k.stopped_at IS NULL OR k.stopped_at >= ${asOf} THEN ${n - 1} ELSE ${bucketOf('stopped_at')} - 1 END
        END AS last
      FROM ${scope.clocks}
      WHERE k.started_at < ${asOf} AND (k.stopped_at IS NULL OR k.stopped_at >= ${from}) AND ${scope.orderFilter}
    ) GROUP BY metric, outcome, stop, first, last`.execute(db);

  const buckets = Array.from({ length: n }, () => ({ response: zero(), arrival: zero(), resolution: zero() }) as Record<SlaMetric, Counts>);
  const delta = METRICS.map(() => new Array<number>(n + 1).fill(0));
  for (const row of rows) {
    if (row.outcome !== null && row.stop !== null) buckets[row.stop]![row.metric][row.outcome] += row.clocks;
    if (row.first !== null && row.last !== null && row.first <= row.last) {
      const d = delta[METRICS.indexOf(row.metric)]!;
      d[row.first]! += row.clocks;
      d[row.last + 1]! -= row.clocks;
    }
  }
  METRICS.forEach((metric, m) => {
    let running = 0;
    for (let i = 0; i < n; i++) buckets[i]![metric].breached = running += delta[m]![i]!;
  });

  return {
    bucket: step === DAY_MS ? 'day' : 'week',
    points: buckets.map((tally, i) => ({ start: from + i * step, end: i === n - 1 ? asOf : from + (i + 1) * step, ...perMetric(tally) })),
  };
}

function zero(): Counts {
  return { met: 0, missed: 0, breached: 0 };
}
