import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { Database } from '../db/schema';
import { ORDER_GROUPS } from '../sla-reports/adherence';
import { Zone } from '../sla/zone';
import { centreTimeZone } from './centre-zone';
import { trendBuckets } from './time-buckets';

type Output = MethodOutput<'sla.breachHeatmap'>;

/**
 * The local hour of day (0..23) of the instant in `column`, as SQL: the zone's UTC offset is constant on a few
 * pieces of [from, to) (a DST change splits them), so it is a CASE over those pieces.
 */
function localHourSql(column: string, zone: string, from: number, to: number): RawBuilder<number> {
  const pieces = Zone.of(zone).segments(from, to);
  let offset: RawBuilder<number> = sql`${pieces.at(-1)!}`;
  for (let i = pieces.length - 6; i >= 0; i -= 3) offset = sql`CASE WHEN ${sql.raw(column)} < ${pieces[i + 1]!} THEN ${pieces[i + 2]!} ELSE ${offset} END`;
  return sql`CAST(((${sql.raw(column)} + ${offset}) % 86400000) / 3600000 AS INTEGER)`;
}

/**
 * Breaches by region × local hour of day. A breach is a clock that ran past its due instant (missed, or running or
 * paused past it), placed at that instant; cancelled clocks never count, as in adherence. One grouped query.
 */
export async function breachHeatmap(db: Kysely<Database>, input: ParsedInput<'sla.breachHeatmap'>, now: number): Promise<Output> {
  const timeZone = await centreTimeZone(db);
  const from = trendBuckets(input.range, now, timeZone).bounds[0]!;
  const region = ORDER_GROUPS.region;
  const { rows } = await sql<{ key: string; label: string; hour: number; breaches: number }>`
    SELECT ${sql.raw(region.key)} AS key, ${sql.raw(region.label)} AS label, ${localHourSql('k.due_at', timeZone, from, now)} AS hour, count(*) AS breaches
    FROM sla_clocks k
    JOIN work_orders wo ON wo.id = k.work_order_id
    ${sql.raw(region.joins)}
    WHERE k.state IN ('running', 'paused', 'breached', 'missed') AND k.due_at >= ${from} AND k.due_at < ${now}
      AND (k.stopped_at IS NULL OR k.stopped_at > k.due_at)
      ${input.metric ? sql`AND k.metric = ${input.metric}` : sql``}
    GROUP BY key, hour`.execute(db);
  // Every region gets a row (a quiet region is news too); sites without a region only when they had breaches.
  const regions = await db.selectFrom('regions').select(['id', 'name']).orderBy('name').execute();
  const table = new Map(regions.map((r) => [r.id, { key: r.id, label: r.name, hours: new Array<number>(24).fill(0), total: 0 }]));
  for (const row of rows) {
    let entry = table.get(row.key);
    if (!entry) table.set(row.key, (entry = { key: row.key, label: row.label, hours: new Array<number>(24).fill(0), total: 0 }));
    entry.hours[row.hour]! += Number(row.breaches);
    entry.total += Number(row.breaches);
  }
  const out = [...table.values()];
  return {
    range: input.range,
    timeZone,
    from,
    to: now,
    rows: out,
    total: out.reduce((n, r) => n + r.total, 0),
    max: Math.max(0, ...out.flatMap((r) => r.hours)),
  };
}
