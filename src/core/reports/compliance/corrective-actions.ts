import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ComplianceReport } from '../../../shared/schemas/compliance-report.schema';
import type { Database } from '../../db/schema';
import { countIf, ratio, type ReportScope } from './scope';

/** The list of corrective actions names at most this many, most recent first. */
export const ACTION_ROWS_CAP = 200;

type Section = ComplianceReport['correctiveActions'];

const actionsInScope = (scope: ReportScope): RawBuilder<unknown> => sql`
  FROM corrective_actions ca
  JOIN work_orders wo ON wo.id = ca.work_order_id
  WHERE ca.applied_at >= ${scope.from} AND ca.applied_at < ${scope.asOf} AND ${scope.orderFilter}`;

/** DOMAIN.md: effectiveness = share of corrective actions whose clock was then met; pending outcomes are left out. */
const outcomes = (met: number, missed: number, pending: number) => ({
  total: met + missed + pending,
  met,
  missed,
  pending,
  effectiveness: ratio(met, met + missed),
});

interface ActionRecord {
  id: string;
  applied_at: number;
  number: string;
  kind: string;
  reason: string;
  outcome: 'met' | 'missed' | null;
  outcome_at: number | null;
  total: number;
}

/** Corrective actions applied in the period (by the order filters), with their outcomes and effectiveness. */
export async function correctiveActions(db: Kysely<Database>, scope: ReportScope): Promise<Section> {
  const kinds = await sql<{ kind: string; met: number; missed: number; pending: number }>`
    SELECT ca.kind AS kind, ${countIf(sql`ca.outcome = 'met'`)} AS met, ${countIf(sql`ca.outcome = 'missed'`)} AS missed,
      ${countIf(sql`ca.outcome IS NULL`)} AS pending
    ${actionsInScope(scope)}
    GROUP BY ca.kind ORDER BY ca.kind`.execute(db);
  const recent = await sql<ActionRecord>`
    SELECT ca.id AS id, ca.applied_at AS applied_at, wo.number AS number, ca.kind AS kind, ca.reason AS reason,
      ca.outcome AS outcome, ca.outcome_at AS outcome_at, count(*) OVER () AS total
    ${actionsInScope(scope)}
    ORDER BY ca.applied_at DESC, ca.id
    LIMIT ${sql.lit(ACTION_ROWS_CAP)}`.execute(db);
  const sum = (f: 'met' | 'missed' | 'pending') => kinds.rows.reduce((n, k) => n + k[f], 0);
  return {
    ...outcomes(sum('met'), sum('missed'), sum('pending')),
    byKind: kinds.rows.map((k) => ({ kind: k.kind, ...outcomes(k.met, k.missed, k.pending) })),
    recent: {
      total: recent.rows[0]?.total ?? 0,
      cap: ACTION_ROWS_CAP,
      rows: recent.rows.map((r) => ({
        id: r.id,
        appliedAt: r.applied_at,
        orderNumber: r.number,
        kind: r.kind,
        reason: r.reason,
        outcome: r.outcome,
        outcomeAt: r.outcome_at,
      })),
    },
  };
}
