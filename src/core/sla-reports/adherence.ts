import { sql, type Kysely } from 'kysely';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';

type Output = MethodOutput<'sla.adherence'>;
type GroupBy = NonNullable<ParsedInput<'sla.adherence'>['groupBy']>;
const METRICS: SlaMetric[] = ['response', 'arrival', 'resolution'];

/** Group key and label columns per grouping (DOMAIN.md: by customer, priority, region, technician team). */
const GROUPS: Record<GroupBy, { key: string; label: string }> = {
  customer: { key: 'c.id', label: 'c.name' },
  priority: { key: 'wo.priority', label: 'wo.priority' },
  region: { key: "coalesce(r.id, '')", label: "coalesce(r.name, 'No region')" },
  team: { key: "coalesce(t.team, '')", label: "coalesce(t.team, 'Unassigned')" },
  category: { key: 'cat.code', label: 'cat.name' },
};

const ratio = (met: number, missed: number, breached: number) => (met + missed + breached === 0 ? null : Math.round((met / (met + missed + breached)) * 10_000) / 10_000);

/**
 * DOMAIN.md adherence for [from, to): met / (met + missed + breached-and-still-running), counting the clocks that
 * stopped in the period (met or missed) and those still running past their due instant at its end. A clock met
 * exactly at its due instant is met; cancelled clocks never count.
 */
export async function adherence(db: Kysely<Database>, from: number, to: number, metric: SlaMetric | undefined, groupBy: GroupBy | undefined): Promise<Output['results']> {
  const group = groupBy ? GROUPS[groupBy] : { key: "''", label: "''" };
  const rows = await sql<{ metric: SlaMetric; key: string; label: string; met: number; missed: number; breached: number }>`
    SELECT k.metric AS metric, ${sql.raw(group.key)} AS key, ${sql.raw(group.label)} AS label,
      sum(k.state = 'met' AND k.stopped_at >= ${from} AND k.stopped_at < ${to}) AS met,
      sum(k.state = 'missed' AND k.stopped_at >= ${from} AND k.stopped_at < ${to}) AS missed,
      sum(k.state <> 'cancelled' AND k.started_at < ${to} AND k.due_at < ${to} AND (k.stopped_at IS NULL OR k.stopped_at >= ${to})) AS breached
    FROM sla_clocks k
    JOIN work_orders wo ON wo.id = k.work_order_id
    JOIN customers c ON c.id = wo.customer_id
    JOIN sites s ON s.id = wo.site_id
    JOIN categories cat ON cat.id = wo.category_id
    LEFT JOIN regions r ON r.id = s.region_id
    LEFT JOIN technicians t ON t.id = wo.technician_id
    WHERE k.started_at < ${to} AND (k.stopped_at IS NULL OR k.stopped_at >= ${from})
      ${metric ? sql`AND k.metric = ${metric}` : sql``}
    GROUP BY k.metric, key
    ORDER BY k.metric, label`.execute(db);
  return (metric ? [metric] : METRICS).map((m) => {
    const mine = rows.rows.filter((r) => r.metric === m);
    const sum = (f: 'met' | 'missed' | 'breached') => mine.reduce((n, r) => n + Number(r[f]), 0);
    const [met, missed, breached] = [sum('met'), sum('missed'), sum('breached')];
    return {
      metric: m,
      overall: { met, missed, breached, adherence: ratio(met, missed, breached) },
      groups: groupBy
        ? mine
            .map((r) => ({ key: r.key, label: r.label, met: Number(r.met), missed: Number(r.missed), breached: Number(r.breached) }))
            .filter((g) => g.met + g.missed + g.breached > 0)
            .map((g) => ({ ...g, adherence: ratio(g.met, g.missed, g.breached) }))
        : [],
    };
  });
}
