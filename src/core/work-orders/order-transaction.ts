import type { Selectable, Transaction, Updateable } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { WorkOrderDetail, WorkOrderStatus } from '../../shared/schemas/work-order.schema';
import { appendAudit } from '../audit/audit-log';
import type { Database, WorkOrderTable } from '../db/schema';
import { inTransaction, type Emit } from '../db/transaction';
import type { CoreDeps } from '../rpc/handlers';
import { proposeAssignment } from './assignment-flow';
import { assertTransition, type LifecycleAction } from '../../shared/lifecycle';
import { appendOrderEvent } from './work-order-events';
import { syncTechnicianStatus } from './technician-status';
import { readWorkOrder } from './work-order-read';
import { toSummary } from './work-order-summary';

export type Trx = Transaction<Database>;
export type OrderRow = Selectable<WorkOrderTable>;

export interface ChangeRequest {
  id: string;
  action: LifecycleAction;
  principal: Principal | null;
  now: number;
  /** The version the caller saw; omitted by technicians and engines, who act on the current state. */
  version?: number;
  /** Event time (telemetry may report it late); defaults to now. */
  at?: number;
}

export interface Change {
  set: Updateable<WorkOrderTable>;
  to: WorkOrderStatus | null;
  data?: Record<string, unknown>;
  /** Work done in the same transaction after the row is updated (clocks, follow-up proposals). */
  after?: (trx: Trx) => Promise<unknown>;
}

/**
 * One change to one order, all or nothing: version check (409 with the current state and who changed it), the
 * technician's ownership, the lifecycle rule, the row update, the history event, the audit entry, and the live
 * event after commit.
 */
export async function changeOrder(deps: CoreDeps, request: ChangeRequest, decide: (row: OrderRow, trx: Trx) => Promise<Change>): Promise<WorkOrderDetail> {
  return inTransaction(deps.db, deps.bus, (trx, emit) => changeOrderIn(trx, emit, request, decide));
}

/**
 * `changeOrder`'s steps inside the caller's transaction, for a change that must move several orders together or
 * not at all (a reallocation swap). Opening a transaction inside another would wait forever on the one connection.
 */
export async function changeOrderIn(trx: Trx, emit: Emit, request: ChangeRequest, decide: (row: OrderRow, trx: Trx) => Promise<Change>): Promise<WorkOrderDetail> {
  const { principal, now } = request;
  const at = request.at ?? now;
  if (at > now + 5 * 60_000) throw new AppError('validation', 'The event time lies in the future.', [{ path: 'at', message: 'must not be in the future' }]);
  const row = await readOrderRow(trx, request.id);
  if (request.version !== undefined) assertCurrentVersion(row, request.version);
  if (principal?.role === 'technician' && row.technician_id !== principal.technicianId) {
    throw new AppError('forbidden', `${row.number} is not assigned to you.`);
  }
  assertTransition(request.action, row.status);
  const change = await decide(row, trx);
  const updated = await trx
    .updateTable('work_orders')
    .set((eb) => ({ ...change.set, updated_at: now, updated_by: principal?.name ?? 'System', version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', `${row.number} changed while this change was applied; try again.`);
  await appendOrderEvent(trx, row.id, principal, now, { type: request.action, from: row.status, to: change.to, at, data: change.data });
  await appendAudit(trx, principal, now, {
    action: `workOrder.${request.action}`,
    entityType: 'work_order',
    entityId: row.id,
    before: { status: row.status, technicianId: row.technician_id, version: row.version },
    after: { status: change.to ?? row.status, ...change.set, version: row.version + 1 },
  });
  await change.after?.(trx);
  await syncTechnicianStatus(trx, row.technician_id, now);
  const to = change.set.technician_id;
  if (typeof to === 'string' && to !== row.technician_id) await syncTechnicianStatus(trx, to, now);
  const order = await readWorkOrder(trx, row.id);
  // The technician the order was taken from hears of it too (the event's audience filter).
  emit('workOrder.changed', { order: toSummary(order), change: request.action, previousTechnicianId: row.technician_id });
  return order;
}

export async function readOrderRow(trx: Trx, id: string): Promise<OrderRow> {
  const row = await trx.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No work order with id "${id}".`);
  return row;
}

/** The 409 of a stale version: the current state and who changed it, so the board can show it (no silent last write wins). */
export function assertCurrentVersion(row: OrderRow, version: number): void {
  if (version === row.version) return;
  throw new AppError(
    'conflict',
    `${row.number} was changed by ${row.updated_by} (now version ${row.version}, status ${row.status}); you edited version ${version}. Review the current state and try again.`,
    [{ path: 'version', message: `stale: current version is ${row.version}` }],
    { version: row.version, status: row.status, technicianId: row.technician_id, updatedBy: row.updated_by, updatedAt: row.updated_at },
  );
}

/**
 * The change that takes an order away from its technician and back to the queue (a rejection or an acceptance
 * timeout): that technician is excluded from this order from now on, and a new proposal follows.
 */
export function requeueAwayFrom(row: OrderRow, principal: Principal | null, now: number, data: Record<string, unknown>): Change {
  return {
    set: {
      status: 'new',
      technician_id: null,
      assignment_json: null,
      excluded_technicians_json: JSON.stringify([...new Set([...JSON.parse(row.excluded_technicians_json), row.technician_id])]),
    },
    to: 'new',
    data: { technicianId: row.technician_id, ...data },
    after: (trx) => proposeAssignment(trx, { orderId: row.id, principal, now }),
  };
}
