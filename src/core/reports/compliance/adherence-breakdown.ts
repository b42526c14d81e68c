import { sql, type Kysely } from 'kysely';
import type { AdherenceCounts, BreakdownDimension, ComplianceReport, PerMetric } from '../../../shared/schemas/compliance-report.schema';
import type { Database, SlaMetric } from '../../db/schema';
import { countIf, counting, ratio, type ReportScope } from './scope';

export const METRICS: readonly SlaMetric[] = ['response', 'arrival', 'resolution'];
const DIMENSIONS: readonly BreakdownDimension[] = ['priority', 'category', 'region', 'customer'];

type Tally = Record<SlaMetric, { met: number; missed: number; breached: number }>;

/** Clocks counted per (metric, site, priority, category): a site gives the customer and the region. */
interface CellRow {
  metric: SlaMetric;
  site_id: string;
  priority: string;
  category_id: string;
  met: number;
  missed: number;
  breached: number;
}

type Keyed = [key: string, label: string];

const emptyTally = (): Tally => ({ response: { met: 0, missed: 0, breached: 0 }, arrival: { met: 0, missed: 0, breached: 0 }, resolution: { met: 0, missed: 0, breached: 0 } });

const counts = ({ met, missed, breached }: { met: number; missed: number; breached: number }): AdherenceCounts => ({
  met,
  missed,
  breached,
  counted: met + missed + breached,
  adherence: ratio(met, met + missed + breached),
});

export const perMetric = (tally: Tally): PerMetric => ({ response: counts(tally.response), arrival: counts(tally.arrival), resolution: counts(tally.resolution) });

function add(tally: Tally, row: CellRow): void {
  const t = tally[row.metric];
  t.met += row.met;
  t.missed += row.missed;
  t.breached += row.breached;
}

/** Keys and labels of the sites and categories the cells name, from the (small) reference tables. */
async function dimensionLabels(db: Kysely<Database>, cells: readonly CellRow[]) {
  const siteIds = JSON.stringify([...new Set(cells.map((c) => c.site_id))]);
  const sites = await sql<{ id: string; customer_id: string; customer_name: string; region_id: string; region_name: string }>`
    SELECT s.id AS id, s.customer_id AS customer_id, c.name AS customer_name,
      coalesce(r.id, '') AS region_id, coalesce(r.name, 'No region') AS region_name
    FROM sites s JOIN customers c ON c.id = s.customer_id LEFT JOIN regions r ON r.id = s.region_id
    WHERE s.id IN (SELECT value FROM json_each(${siteIds}))`.execute(db);
  const categories = await db.selectFrom('categories').select(['id', 'code', 'name']).execute();
  return {
    site: new Map(sites.rows.map((s) => [s.id, { customer: [s.customer_id, s.customer_name] as Keyed, region: [s.region_id, s.region_name] as Keyed }])),
    category: new Map(categories.map((c) => [c.id, [c.code, c.name] as Keyed])),
  };
}

/**
 * Adherence over the report's period and filters, overall and by priority, category, region and customer.
 *
 * A variant of src/core/sla-reports/adherence.ts (same counting rule, from ./scope's `counting`) that also applies
 * the report's filters and yields every breakdown from one scan: SQL aggregates the clocks into one row per
 * (metric, site, priority, category) cell, and the cells are rolled up here.
 */
export async function adherenceWithBreakdowns(
  db: Kysely<Database>,
  scope: ReportScope,
): Promise<Pick<ComplianceReport, 'adherence' | 'breakdowns'>> {
  const { from, asOf } = scope;
  const { rows } = await sql<CellRow>`
    SELECT k.metric AS metric, wo.site_id AS site_id, wo.priority AS priority, wo.category_id AS category_id,
      ${countIf(counting.met(from, asOf))} AS met,
      ${countIf(counting.missed(from, asOf))} AS missed,
      ${countIf(counting.breachedAt(asOf))} AS breached
    FROM sla_clocks k JOIN work_orders wo ON wo.id = k.work_order_id
    WHERE k.started_at < ${asOf} AND (k.stopped_at IS NULL OR k.stopped_at >= ${from}) AND ${scope.orderFilter}
    GROUP BY k.metric, wo.site_id, wo.priority, wo.category_id
    HAVING met + missed + breached > 0`.execute(db);
  const labels = await dimensionLabels(db, rows);

  const overall = emptyTally();
  const groups = new Map(DIMENSIONS.map((d) => [d, new Map<string, { label: string; tally: Tally }>()]));
  for (const row of rows) {
    add(overall, row);
    const site = labels.site.get(row.site_id)!;
    const keys: Record<BreakdownDimension, Keyed> = {
      priority: [row.priority, row.priority],
      category: labels.category.get(row.category_id)!,
      region: site.region,
      customer: site.customer,
    };
    for (const dimension of DIMENSIONS) {
      const [key, label] = keys[dimension];
      const byKey = groups.get(dimension)!;
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { label, tally: emptyTally() }));
      add(group.tally, row);
    }
  }
  return {
    adherence: perMetric(overall),
    breakdowns: DIMENSIONS.map((dimension) => ({
      dimension,
      groups: [...groups.get(dimension)!.entries()]
        .map(([key, g]) => ({ key, label: g.label, ...perMetric(g.tally) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.key.localeCompare(b.key)),
    })),
  };
}
