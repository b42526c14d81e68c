import { sql, type Kysely } from 'kysely';
import type { ComplianceReport } from '../../../shared/schemas/compliance-report.schema';
import type { Database, Priority, SlaMetric, WorkOrderStatus } from '../../db/schema';
import { METRICS } from './adherence-breakdown';
import { counting, type ReportScope } from './scope';

/** The detailed tables list at most this many rows (largest overrun first); the total is always stated. */
export const BREACH_ROWS_CAP = 500;

interface BreachRecord {
  order_id: string;
  number: string;
  customer_name: string;
  priority: Priority;
  metric: SlaMetric;
  due_at: number;
  stopped_at: number | null;
  overrun_ms: number;
  total: number;
}

/**
 * Breach history: every clock the adherence figures count against the period, i.e. missed inside it or still
 * running past its due instant at its end. Overrun is wall-clock time after the due instant, to the stop or to
 * the end of the period; ties are broken by order id and metric, so the list is the same on every run. One scan;
 * the total comes from a window count over the same rows.
 */
export async function breachHistory(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['breaches']> {
  const { from, asOf } = scope;
  const missed = counting.missed(from, asOf);
  // The largest overruns are picked from the clocks alone; only the rows listed are joined to their order.
  const { rows } = await sql<BreachRecord>`
    SELECT b.*, wo.number AS number, c.name AS customer_name, wo.priority AS priority FROM (
      SELECT k.work_order_id AS order_id, k.metric AS metric, k.due_at AS due_at,
        CASE WHEN ${missed} THEN k.stopped_at END AS stopped_at,
        (CASE WHEN ${missed} THEN k.stopped_at ELSE ${asOf} END) - k.due_at AS overrun_ms,
        count(*) OVER () AS total
      FROM ${scope.clocks}
      WHERE (${missed} OR ${counting.breachedAt(asOf)}) AND ${scope.orderFilter}
      ORDER BY overrun_ms DESC, k.work_order_id, k.metric
      LIMIT ${sql.lit(BREACH_ROWS_CAP)}
    ) b
    JOIN work_orders wo ON wo.id = b.order_id
    JOIN customers c ON c.id = wo.customer_id
    ORDER BY b.overrun_ms DESC, b.order_id, b.metric`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    cap: BREACH_ROWS_CAP,
    rows: rows.map((r) => ({
      orderId: r.order_id,
      number: r.number,
      customerName: r.customer_name,
      priority: r.priority,
      metric: r.metric,
      dueAt: r.due_at,
      stoppedAt: r.stopped_at,
      overrunSeconds: Math.floor(r.overrun_ms / 1000),
    })),
  };
}

interface OpenOrderRecord {
  order_id: string;
  number: string;
  customer_name: string;
  priority: Priority;
  status: WorkOrderStatus;
  metrics: string;
  first_due_at: number;
  total: number;
}

/** Orders with at least one clock running past its due instant at the end of the period, longest overdue first. */
export async function openBreachedOrders(db: Kysely<Database>, scope: ReportScope): Promise<ComplianceReport['openBreachedOrders']> {
  const { rows } = await sql<OpenOrderRecord>`
    SELECT o.*, wo.number AS number, c.name AS customer_name, wo.priority AS priority, wo.status AS status FROM (
      SELECT k.work_order_id AS order_id, group_concat(k.metric) AS metrics, min(k.due_at) AS first_due_at, count(*) OVER () AS total
      FROM ${scope.clocks}
      WHERE ${counting.breachedAt(scope.asOf)} AND ${scope.orderFilter}
      GROUP BY k.work_order_id
      ORDER BY first_due_at, k.work_order_id
      LIMIT ${sql.lit(BREACH_ROWS_CAP)}
    ) o
    JOIN work_orders wo ON wo.id = o.order_id
    JOIN customers c ON c.id = wo.customer_id
    ORDER BY o.first_due_at, o.order_id`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    cap: BREACH_ROWS_CAP,
    rows: rows.map((r) => {
      const breached = new Set(r.metrics.split(','));
      return {
        orderId: r.order_id,
        number: r.number,
        customerName: r.customer_name,
        priority: r.priority,
        metrics: METRICS.filter((m) => breached.has(m)),
        firstDueAt: r.first_due_at,
        overrunSeconds: Math.floor((scope.asOf - r.first_due_at) / 1000),
        statusNow: r.status,
      };
    }),
  };
}
