import type { Kysely } from 'kysely';
import type { ComplianceReport, ComplianceReportQuery } from '../../../shared/schemas/compliance-report.schema';
import { verifyAuditChain } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { adherenceWithBreakdowns } from './adherence-breakdown';
import { breachHistory, openBreachedOrders } from './breaches';
import { correctiveActions } from './corrective-actions';
import { escalations } from './escalations';
import { resolveScope } from './scope';
import { adherenceTrend } from './trend';

export const REPORT_TITLE = 'SLA compliance report';

/**
 * The compliance report for a period and filters: a plain object the preview shows and the PDF and CSV render.
 *
 * Every section is read in one transaction, so the figures come from one snapshot of the store even while orders
 * keep changing; each section is aggregated in SQL (see the section modules), so a year of 100,000 orders is never
 * loaded row by row.
 */
export async function buildComplianceReport(deps: { db: Kysely<Database>; clock: Clock }, query: ComplianceReportQuery): Promise<ComplianceReport> {
  const generatedAt = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const scope = await resolveScope(trx, query, generatedAt);
    const { adherence, breakdowns } = await adherenceWithBreakdowns(trx, scope);
    const audit = await verifyAuditChain(trx);
    return {
      title: REPORT_TITLE,
      generatedAt,
      period: { from: scope.from, to: scope.to, asOf: scope.asOf, timeZone: scope.timeZone },
      filters: scope.filters,
      adherence,
      breakdowns,
      trend: await adherenceTrend(trx, scope),
      breaches: await breachHistory(trx, scope),
      openBreachedOrders: await openBreachedOrders(trx, scope),
      escalations: await escalations(trx, scope),
      correctiveActions: await correctiveActions(trx, scope),
      audit: { ok: audit.ok, count: audit.count, firstHash: audit.firstHash, lastHash: audit.lastHash, brokenAt: audit.brokenAt },
    };
  });
}
