import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ComplianceReport, ComplianceReportQuery } from '../../../shared/schemas/compliance-report.schema';
import { AppError } from '../../../shared/errors';
import type { Database } from '../../db/schema';

const DAY_MS = 86_400_000;
/** Three years: an auditor asks for a quarter or a year; longer periods are refused rather than made slow. */
export const MAX_PERIOD_MS = 3 * 366 * DAY_MS;

/** What every section of one report shares: the period, the instant the figures describe, and the filters. */
export interface ReportScope {
  from: number;
  to: number;
  /** min(to, now): a period that has not ended yet is reported as it stands now, never as a guess of its end. */
  asOf: number;
  timeZone: string;
  filters: ComplianceReport['filters'];
  /** Whether any filter is set: only then do the aggregate queries join each row to its order. */
  filtered: boolean;
  /**
   * The clocks (`k`) to aggregate: `sla_clocks`, joined to its order (`wo`) only when a filter needs it, so an
   * unfiltered year is a plain scan of one table.
   */
  clocks: RawBuilder<unknown>;
  /** The filters as a condition on the order `wo`; `1` when there are none. */
  orderFilter: RawBuilder<unknown>;
}

function invalid(path: string, message: string, detail: string): AppError {
  return new AppError('validation', detail, [{ path, message }]);
}

function checkPeriod(from: number, to: number, now: number): void {
  if (to <= from) throw invalid('to', 'must be after from', 'The period must end after it starts.');
  if (from >= now) throw invalid('from', 'must be in the past', 'The period has not started yet.');
  if (to - from > MAX_PERIOD_MS) throw invalid('to', 'the period is longer than three years', 'A compliance report covers at most three years.');
}

/** Checks the period, resolves each filter to the named thing it selects (unknown ones are refused, by field). */
export async function resolveScope(db: Kysely<Database>, query: ComplianceReportQuery, now: number): Promise<ReportScope> {
  const [from, to] = [Date.parse(query.from), Date.parse(query.to)];
  checkPeriod(from, to, now);
  const customer = query.customerId
    ? await db.selectFrom('customers').select(['id', 'name']).where('id', '=', query.customerId).executeTakeFirst()
    : null;
  if (query.customerId && !customer) throw invalid('customerId', 'no such customer', `There is no customer ${query.customerId}.`);
  const region = query.regionId ? await db.selectFrom('regions').select(['id', 'name']).where('id', '=', query.regionId).executeTakeFirst() : null;
  if (query.regionId && !region) throw invalid('regionId', 'no such region', `There is no region ${query.regionId}.`);
  const category = query.categoryCode
    ? await db.selectFrom('categories').select(['id', 'code', 'name']).where('code', '=', query.categoryCode).executeTakeFirst()
    : null;
  if (query.categoryCode && !category) throw invalid('categoryCode', 'no such category', `There is no category ${query.categoryCode}.`);

  const conditions = [
    customer ? sql`wo.customer_id = ${customer.id}` : null,
    query.priority ? sql`wo.priority = ${query.priority}` : null,
    region ? sql`wo.site_id IN (SELECT id FROM sites WHERE region_id = ${region.id})` : null,
    category ? sql`wo.category_id = ${category.id}` : null,
  ].filter((c) => c !== null);
  const filtered = conditions.length > 0;
  return {
    from,
    to,
    asOf: Math.min(to, now),
    timeZone: query.timeZone,
    filters: {
      customer: customer ?? null,
      priority: query.priority ?? null,
      region: region ?? null,
      category: category ? { code: category.code, name: category.name } : null,
    },
    filtered,
    clocks: filtered ? sql`sla_clocks k JOIN work_orders wo ON wo.id = k.work_order_id` : sql`sla_clocks k`,
    orderFilter: filtered ? sql.join(conditions, sql` AND `) : sql`1`,
  };
}

/**
 * DOMAIN.md's counting rule, as SQL over clock `k`, written once for every section (the same predicates as
 * src/core/sla-reports/adherence.ts): met or missed when the clock stopped inside [from, end); breached when,
 * at `end`, it had started, was past its due instant and had not stopped. Cancelled clocks never count.
 */
export const counting = {
  met: (from: number, end: number) => sql`(k.state = 'met' AND k.stopped_at >= ${from} AND k.stopped_at < ${end})`,
  missed: (from: number, end: number) => sql`(k.state = 'missed' AND k.stopped_at >= ${from} AND k.stopped_at < ${end})`,
  breachedAt: (end: number) =>
    sql`(k.state <> 'cancelled' AND k.started_at < ${end} AND k.due_at < ${end} AND (k.stopped_at IS NULL OR k.stopped_at >= ${end}))`,
};

/** Number of rows meeting `condition` (0 when none; a NULL condition counts as false, unlike a bare sum()). */
export const countIf = (condition: RawBuilder<unknown>): RawBuilder<number> => sql<number>`sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** Rounded like `sla.adherence` (4 decimals), so the two reports print the same figure. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
