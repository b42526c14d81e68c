import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ComplianceReport } from '../../../shared/schemas/compliance-report.schema';
import type { Database } from '../../db/schema';
import type { ReportScope } from './scope';

/** The list of escalations names at most this many (unacknowledged first, then the slowest to be acknowledged). */
export const ESCALATION_ROWS_CAP = 200;

/**
 * Alerts raised in the period. Alerts of an order are filtered like the order; alerts of no order (e.g. anomalies)
 * belong to the whole centre, so they appear only in an unfiltered report.
 */
const alertsInScope = (scope: ReportScope): RawBuilder<unknown> => sql`
  FROM alerts a ${scope.filtered ? sql`JOIN work_orders wo ON wo.id = a.work_order_id` : sql``}
  WHERE a.raised_at >= ${scope.from} AND a.raised_at < ${scope.asOf} AND ${scope.orderFilter}`;

interface LevelRecord {
  level: number;
  raised: number;
  acknowledged: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Acknowledgement time (acknowledged_at − raised_at) per escalation level: median, 90th percentile (nearest rank:
 * the ⌈0.9·n⌉-th smallest) and maximum, computed in SQL over the acknowledged alerts.
 */
async function byLevel(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['escalations']['byLevel']> {
  const { rows } = await sql<LevelRecord>`
    WITH acks AS (
      SELECT a.escalation_level AS level, (a.acknowledged_at - a.raised_at) / 1000.0 AS ack ${alertsInScope(scope)}
    ), ranked AS (
      SELECT level, ack,
        row_number() OVER (PARTITION BY level, ack IS NULL ORDER BY ack) AS rn,
        count(ack) OVER (PARTITION BY level) AS n
      FROM acks
    )
    SELECT level, count(*) AS raised, count(ack) AS acknowledged,
      avg(CASE WHEN ack IS NOT NULL AND rn IN ((n + 1) / 2, (n + 2) / 2) THEN ack END) AS median,
      max(CASE WHEN ack IS NOT NULL AND rn = (9 * n + 9) / 10 THEN ack END) AS p90,
      max(ack) AS max
    FROM ranked GROUP BY level ORDER BY level`.execute(db);
  return rows.map((r) => ({
    level: r.level,
    raised: r.raised,
    acknowledged: r.acknowledged,
    medianAckSeconds: r.median,
    p90AckSeconds: r.p90,
    maxAckSeconds: r.max,
  }));
}

interface AlertRecord {
  id: string;
  raised_at: number;
  level: number;
  kind: string;
  severity: string;
  number: string | null;
  title: string;
  acknowledged_at: number | null;
  total: number;
}

async function slowest(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['escalations']['slowest']> {
  const { rows } = await sql<AlertRecord>`
    SELECT l.*, o.number AS number FROM (
      SELECT a.id AS id, a.work_order_id AS order_id, a.raised_at AS raised_at, a.escalation_level AS level, a.kind AS kind,
        a.severity AS severity, a.title AS title, a.acknowledged_at AS acknowledged_at, count(*) OVER () AS total
      ${alertsInScope(scope)}
      ORDER BY a.acknowledged_at IS NULL DESC, a.acknowledged_at - a.raised_at DESC, a.raised_at, a.id
      LIMIT ${sql.lit(ESCALATION_ROWS_CAP)}
    ) l LEFT JOIN work_orders o ON o.id = l.order_id
    ORDER BY l.acknowledged_at IS NULL DESC, l.acknowledged_at - l.raised_at DESC, l.raised_at, l.id`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    cap: ESCALATION_ROWS_CAP,
    rows: rows.map((r) => ({
      alertId: r.id,
      raisedAt: r.raised_at,
      level: r.level,
      kind: r.kind,
      severity: r.severity,
      orderNumber: r.number,
      title: r.title,
      acknowledgedAt: r.acknowledged_at,
      ackSeconds: r.acknowledged_at === null ? null : (r.acknowledged_at - r.raised_at) / 1000,
    })),
  };
}

export async function escalations(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['escalations']> {
  const levels = await byLevel(db, scope);
  return {
    raised: levels.reduce((n, l) => n + l.raised, 0),
    acknowledged: levels.reduce((n, l) => n + l.acknowledged, 0),
    byLevel: levels,
    slowest: await slowest(db, scope),
  };
}
