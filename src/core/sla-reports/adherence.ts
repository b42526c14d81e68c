import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';

type Output = MethodOutput<'sla.adherence'>;
export type AdherenceGroupBy = NonNullable<ParsedInput<'sla.adherence'>['groupBy']>;
export const METRICS: readonly SlaMetric[] = ['response', 'arrival', 'resolution'];

/**
 * Group key and label columns per grouping (DOMAIN.md: by customer, priority, region, technician team), and the
 * joins from the order `wo` they need (customer `c`, site `s`, region `r`, category `cat`, technician `t`): a
 * query joins only what its grouping reads, so an ungrouped count touches the clocks alone.
 */
export const ORDER_GROUPS: Record<AdherenceGroupBy, { key: string; label: string; joins: string }> = {
  customer: { key: 'c.id', label: 'c.name', joins: 'JOIN customers c ON c.id = wo.customer_id' },
  priority: { key: 'wo.priority', label: 'wo.priority', joins: '' },
  region: { key: "coalesce(r.id, '')", label: "coalesce(r.name, 'No region')", joins: 'JOIN sites s ON s.id = wo.site_id LEFT JOIN regions r ON r.id = s.region_id' },
  team: { key: "coalesce(t.team, '')", label: "coalesce(t.team, 'Unassigned')", joins: 'LEFT JOIN technicians t ON t.id = wo.technician_id' },
  category: { key: 'cat.code', label: 'cat.name', joins: 'JOIN categories cat ON cat.id = wo.category_id' },
};

export interface AdherenceCounts {
  met: number;
  missed: number;
  /** Running (or paused) past the due instant at the end of the period. */
  breached: number;
}

export const adherenceRatio = ({ met, missed, breached }: AdherenceCounts): number | null =>
  met + missed + breached === 0 ? null : Math.round((met / (met + missed + breached)) * 10_000) / 10_000;

/**
 * How many of the ascending instants `ends` lie at or before `column`, as SQL: a balanced CASE tree, so each row
 * costs log₂(n) comparisons whatever the number of periods. NULL compares false and so counts as after every end.
 * The instants are bound parameters, so the statement text depends only on n and its prepared form is reused.
 */
export function endsAtOrBefore(column: string, ends: readonly number[]): RawBuilder<number> {
  const tree = (lo: number, hi: number): RawBuilder<number> => {
    if (lo === hi) return sql.raw(String(lo));
    const mid = (lo + hi) >> 1;
    return sql`CASE WHEN ${sql.raw(column)} < ${ends[mid]} THEN ${tree(lo, mid)} ELSE ${tree(mid + 1, hi)} END`;
  };
  return sql`(${tree(0, ends.length)})`;
}

export interface PeriodAdherence {
  metric: SlaMetric;
  key: string;
  label: string;
  /** One entry per period, in order. */
  periods: AdherenceCounts[];
}

/**
 * DOMAIN.md adherence counts for each consecutive period [bounds[i], bounds[i + 1]), per metric and group: a
 * period counts the clocks that stopped in it (met or missed) and those still running past their due instant at
 * its end. A clock met exactly at its due instant is met; cancelled clocks never count. This is the one place the
 * rule lives: `sla.adherence` is the one-period case, the trends and hourly series the many-period one.
 *
 * One grouped query whatever the number of periods. Each clock's bucket indexes are computed in SQL: the period
 * its stop falls in (met/missed), and the range of periods at whose end it was breached — every end e with
 * due < e ≤ stop (and start < e), which is [first end after max(due, start), first end after stop).
 */
export async function adherenceByPeriod(
  db: Kysely<Database>,
  bounds: readonly number[],
  metric: SlaMetric | undefined,
  groupBy: AdherenceGroupBy | undefined,
): Promise<PeriodAdherence[]> {
  if (bounds.length < 2 || bounds.some((b, i) => i > 0 && b <= bounds[i - 1]!)) throw new RangeError('periods need ascending bounds');
  const [from, to, ends, n] = [bounds[0]!, bounds.at(-1)!, bounds.slice(1), bounds.length - 1];
  const group = groupBy ? ORDER_GROUPS[groupBy] : null;
  // A clock that stopped by its due instant has an empty breach range: min(first, stop) says so, which lets the
  // met clocks of a period collapse into one row however many periods there are.
  const { rows } = await sql<{ metric: SlaMetric; key: string; label: string; state: string; stop: number; first: number; clocks: number }>`
    SELECT metric, key, label, state, stop, min(first, stop) AS first, count(*) AS clocks FROM (
      SELECT k.metric AS metric, ${sql.raw(group?.key ?? "''")} AS key, ${sql.raw(group?.label ?? "''")} AS label, k.state AS state,
        ${endsAtOrBefore('k.stopped_at', ends)} AS stop,
        max(${endsAtOrBefore('k.due_at', ends)}, ${endsAtOrBefore('k.started_at', ends)}) AS first
      FROM sla_clocks k
      ${sql.raw(group ? `JOIN work_orders wo ON wo.id = k.work_order_id ${group.joins}` : '')}
      WHERE k.state <> 'cancelled' AND k.started_at < ${to} AND (k.stopped_at IS NULL OR k.stopped_at >= ${from})
        ${metric ? sql`AND k.metric = ${metric}` : sql``}
    )
    GROUP BY metric, key, state, stop, min(first, stop)
    ORDER BY metric, label`.execute(db);
  const out = new Map<string, PeriodAdherence>();
  for (const row of rows) {
    const id = `${row.metric}\u0000${row.key}`;
    let entry = out.get(id);
    if (!entry) out.set(id, (entry = { metric: row.metric, key: row.key, label: row.label, periods: Array.from({ length: n }, () => ({ met: 0, missed: 0, breached: 0 })) }));
    const clocks = Number(row.clocks);
    if ((row.state === 'met' || row.state === 'missed') && row.stop < n) entry.periods[row.stop]![row.state] += clocks;
    for (let i = row.first; i < row.stop; i++) entry.periods[i]!.breached += clocks;
  }
  return [...out.values()];
}

/** DOMAIN.md adherence for [from, to) per metric, overall and grouped (the rule: `adherenceByPeriod`). */
export async function adherence(db: Kysely<Database>, from: number, to: number, metric: SlaMetric | undefined, groupBy: AdherenceGroupBy | undefined): Promise<Output['results']> {
  const rows = await adherenceByPeriod(db, [from, to], metric, groupBy);
  return (metric ? [metric] : METRICS).map((m) => {
    const mine = rows.filter((r) => r.metric === m).map((r) => ({ key: r.key, label: r.label, ...r.periods[0]! }));
    const sum = (f: keyof AdherenceCounts) => mine.reduce((n, r) => n + r[f], 0);
    const overall = { met: sum('met'), missed: sum('missed'), breached: sum('breached') };
    return {
      metric: m,
      overall: { ...overall, adherence: adherenceRatio(overall) },
      groups: groupBy ? mine.filter((g) => g.met + g.missed + g.breached > 0).map((g) => ({ ...g, adherence: adherenceRatio(g) })) : [],
    };
  });
}
