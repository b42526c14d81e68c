import { sql, type Kysely, type Selectable } from 'kysely';
import type { CorrectiveAction } from '../../shared/contract/reallocation.contract';
import type { Principal } from '../../shared/roles';
import { newId } from '../db/ids';
import type { CorrectiveActionTable, Database } from '../db/schema';
import type { Trx } from '../work-orders/order-transaction';
import type { ReallocationMetric } from './types';

type Row = Selectable<CorrectiveActionTable> & { number: string };

export interface NewCorrectiveAction {
  orderId: string;
  kind: 'move' | 'swap';
  metric: ReallocationMetric;
  reason: string;
  fromTechnicianId: string | null;
  toTechnicianId: string;
  otherOrderId: string | null;
  /** The proposal's figures as they stood when applied. */
  details: Record<string, unknown>;
}

/** Records an applied reallocation inside the transaction that changes the orders, so both happen or neither. */
export async function insertCorrectiveAction(trx: Trx, action: NewCorrectiveAction, principal: Principal | null, now: number): Promise<CorrectiveAction> {
  const id = newId('cra');
  await trx
    .insertInto('corrective_actions')
    .values({
      id,
      work_order_id: action.orderId,
      kind: action.kind,
      metric: action.metric,
      reason: action.reason,
      from_technician_id: action.fromTechnicianId,
      to_technician_id: action.toTechnicianId,
      other_work_order_id: action.otherOrderId,
      applied_at: now,
      applied_by: principal?.id ?? 'system',
      applied_by_name: principal?.name ?? 'System',
      details_json: JSON.stringify(action.details),
      outcome: null,
      outcome_at: null,
    })
    .execute();
  return (await readActions(trx, (q) => q.where('ca.id', '=', id)))[0]!;
}

function toContract(row: Row): CorrectiveAction {
  return {
    id: row.id,
    orderId: row.work_order_id,
    orderNumber: row.number,
    kind: row.kind as CorrectiveAction['kind'],
    metric: row.metric as ReallocationMetric,
    reason: row.reason,
    fromTechnicianId: row.from_technician_id,
    toTechnicianId: row.to_technician_id,
    otherOrderId: row.other_work_order_id,
    appliedAt: row.applied_at,
    appliedBy: row.applied_by,
    appliedByName: row.applied_by_name ?? row.applied_by,
    outcome: row.outcome,
    outcomeAt: row.outcome_at,
  };
}

type ActionQuery = ReturnType<typeof baseQuery>;
const baseQuery = (db: Kysely<Database>) =>
  db.selectFrom('corrective_actions as ca').innerJoin('work_orders as wo', 'wo.id', 'ca.work_order_id').selectAll('ca').select('wo.number');

async function readActions(db: Kysely<Database>, narrow: (q: ActionQuery) => ActionQuery): Promise<CorrectiveAction[]> {
  const rows = await narrow(baseQuery(db)).orderBy('ca.applied_at').orderBy('ca.id').execute();
  return rows.map(toContract);
}

/** Actions applied in [from, to), oldest first. */
export function listCorrectiveActions(db: Kysely<Database>, from: number, to: number): Promise<CorrectiveAction[]> {
  return readActions(db, (q) => q.where('ca.applied_at', '>=', from).where('ca.applied_at', '<', to));
}

/** Whether a reallocation of this order's clock was already applied (the automatic mode acts once per clock). */
export async function wasReallocated(db: Kysely<Database>, orderId: string, metric: ReallocationMetric): Promise<boolean> {
  const row = await db.selectFrom('corrective_actions').select('id').where('work_order_id', '=', orderId).where('metric', '=', metric).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Outcomes: an action without one gets its clock's verdict once that clock stopped (met or missed), at the
 * instant it stopped. A cancelled clock never stops, so its action keeps no outcome.
 */
export async function recordOutcomes(db: Kysely<Database>): Promise<number> {
  const clock = <T>(column: 'state' | 'stopped_at') =>
    sql<T>`(SELECT k.${sql.ref(column)} FROM sla_clocks k WHERE k.work_order_id = corrective_actions.work_order_id AND k.metric = corrective_actions.metric AND k.state IN ('met', 'missed'))`;
  const result = await db
    .updateTable('corrective_actions')
    .set({ outcome: clock<'met' | 'missed'>('state'), outcome_at: clock<number>('stopped_at') })
    .where('outcome', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sla_clocks as k')
          .select('k.id')
          .whereRef('k.work_order_id', '=', 'corrective_actions.work_order_id')
          .whereRef('k.metric', '=', 'corrective_actions.metric')
          .where('k.state', 'in', ['met', 'missed']),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Effectiveness (DOMAIN.md) = share of corrective actions whose clock was then met, over those with an outcome.
 * Pending: no outcome yet; cancelled: the order was cancelled, so the clock will never give one.
 */
export async function effectiveness(db: Kysely<Database>, from: number, to: number) {
  const rows = await db
    .selectFrom('corrective_actions as ca')
    .leftJoin('sla_clocks as k', (join) => join.onRef('k.work_order_id', '=', 'ca.work_order_id').onRef('k.metric', '=', 'ca.metric'))
    .select(['ca.outcome', 'k.state'])
    .where('ca.applied_at', '>=', from)
    .where('ca.applied_at', '<', to)
    .execute();
  const met = rows.filter((r) => r.outcome === 'met').length;
  const missed = rows.filter((r) => r.outcome === 'missed').length;
  const cancelled = rows.filter((r) => r.outcome === null && r.state === 'cancelled').length;
  const rate = met + missed === 0 ? null : Math.round((met / (met + missed)) * 10_000) / 10_000;
  return { from, to, count: rows.length, met, missed, pending: rows.length - met - missed - cancelled, cancelled, effectiveness: rate };
}
