import type { Transaction } from 'kysely';
import type { WorkOrderStatus } from '../../shared/schemas/work-order.schema';
import type { Principal } from '../../shared/roles';
import type { Database } from '../db/schema';
import { newId } from '../db/ids';
import { prepareInsert, prepareQuery } from '../db/prepared-query';

export interface OrderEventInput {
  type: string;
  from?: WorkOrderStatus | null;
  to?: WorkOrderStatus | null;
  /** When it happened (event time); may be earlier than now for telemetry that arrives late. */
  at: number;
  data?: Record<string, unknown>;
}

/**
 * Appends to an order's history with the next sequence number. Runs inside the change's transaction, and the
 * (order, seq) unique key turns a lost race into an error rather than a gap or a duplicate.
 */
export async function appendOrderEvent(
  trx: Transaction<Database>,
  orderId: string,
  actor: Principal | null,
  recordedAt: number,
  event: OrderEventInput,
  /** The order's first event (its creation): no history to number after. */
  first = false,
): Promise<number> {
  const last = first ? undefined : (await selectLastSeq(trx, { orderId })).rows[0];
  const seq = Number(last?.seq ?? 0) + 1;
  await insertEvent(trx, {
    id: newId('woe'),
    work_order_id: orderId,
    seq,
    type: event.type,
    from_status: event.from ?? null,
    to_status: event.to ?? null,
    at: event.at,
    recorded_at: recordedAt,
    actor_kind: actor?.kind ?? 'system',
    actor_id: actor?.id ?? 'system',
    actor_name: actor?.name ?? 'System',
    data_json: JSON.stringify(event.data ?? {}),
  });
  return seq;
}

/** `WO-2026-000123`: per-year counter, allocated inside the creating transaction so numbers never repeat. */
export async function allocateOrderNumber(trx: Transaction<Database>, now: number): Promise<string> {
  const year = new Date(now).getUTCFullYear();
  const [row] = (await nextOrderNumber(trx, { year })).rows;
  return `WO-${year}-${String(row!.last_value).padStart(6, '0')}`;
}

// Prepared: every intake and every order change runs these (see prepareQuery).
const selectLastSeq = prepareQuery<{ orderId: string }, { seq: number | null }>((db, v) =>
  db.selectFrom('work_order_events').select((eb) => eb.fn.max('seq').as('seq')).where('work_order_id', '=', v.orderId),
);
const insertEvent = prepareInsert('work_order_events', [
  'id', 'work_order_id', 'seq', 'type', 'from_status', 'to_status', 'at', 'recorded_at', 'actor_kind', 'actor_id', 'actor_name', 'data_json',
]);
const nextOrderNumber = prepareQuery<{ year: number }, { last_value: number }>((db, v) =>
  db
    .insertInto('work_order_counters')
    .values({ year: v.year, last_value: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_value: eb('work_order_counters.last_value', '+', 1) })))
    .returning('last_value'),
);
