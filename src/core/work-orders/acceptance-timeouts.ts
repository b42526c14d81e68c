import { sql } from 'kysely';
import type { Principal } from '../../shared/roles';
import { SYSTEM_PRINCIPAL } from '../../shared/roles';
import type { CoreDeps } from '../rpc/handlers';
import { readDispatchSettings } from '../settings/dispatch-settings';
import { changeOrder, requeueAwayFrom } from './order-transaction';

const TIMEOUT_PRINCIPAL: Principal = { ...SYSTEM_PRINCIPAL, name: 'Acceptance timeout' };

/**
 * Returns to the queue every dispatched order whose technician has not accepted within the configured timeout
 * (DOMAIN.md), excluding that technician for this order, and proposes the next candidate. Idempotent, so hosts
 * can run it on a timer and once at start-up to catch up on time the app was not running.
 */
export async function requeueUnaccepted(deps: CoreDeps): Promise<string[]> {
  const now = deps.clock.now();
  const { acceptTimeoutSeconds } = await readDispatchSettings(deps.db);
  const cutoff = now - acceptTimeoutSeconds * 1000;
  const overdue = await deps.db
    .selectFrom('work_orders as wo')
    .select(['wo.id', 'wo.version'])
    .where('wo.status', '=', 'dispatched')
    .where(
      (eb) =>
        eb
          .selectFrom('work_order_events as e')
          .select(sql<number>`max(e.recorded_at)`.as('dispatched_at'))
          .whereRef('e.work_order_id', '=', 'wo.id')
          .where('e.to_status', '=', 'dispatched'),
      '<=',
      cutoff,
    )
    .execute();
  const requeued: string[] = [];
  for (const order of overdue) {
    try {
      await changeOrder(deps, { id: order.id, version: order.version, action: 'accept_timeout', principal: TIMEOUT_PRINCIPAL, now }, async (row) =>
        requeueAwayFrom(row, TIMEOUT_PRINCIPAL, now, { timeoutSeconds: acceptTimeoutSeconds }),
      );
      requeued.push(order.id);
    } catch {
      // Accepted or changed in the meantime (409): nothing to requeue.
    }
  }
  return requeued;
}
