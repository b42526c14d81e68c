import { SYSTEM_PRINCIPAL, type Principal } from '../../shared/roles';
import { inTransaction } from '../db/transaction';
import type { CoreDeps } from '../rpc/handlers';
import { assignmentConfig, rankCandidates } from '../assignment';
import { loadRoster } from './assignment-context';
import { loadOrderForAssignment, proposeAssignment } from './assignment-flow';
import { rosterCacheFor } from './roster-cache';
import { readWorkOrder } from './work-order-read';
import { toSummary } from './work-order-summary';

const RETRY_PRINCIPAL: Principal = { ...SYSTEM_PRINCIPAL, name: 'Assignment retry' };
/** Oldest first, a bounded number per run, so one run never holds the store for long. */
const PER_RUN = 100;

/**
 * Orders left `new` because nobody was eligible (everyone off shift, capacity full) get a proposal as soon as
 * someone is: a technician's shift starts, a vehicle returns to service, capacity frees up.
 */
export async function retryWaitingOrders(deps: CoreDeps): Promise<number> {
  const now = deps.clock.now();
  const waiting = await deps.db.selectFrom('work_orders').select('id').where('status', '=', 'new').orderBy('received_at').limit(PER_RUN).execute();
  if (waiting.length === 0) return 0;
  const cache = rosterCacheFor(deps.bus);
  // One roster read for the whole run: most waiting orders still have nobody eligible, and finding that out
  // in memory is far cheaper than a transaction each. Orders that do have someone are re-decided in their
  // own transaction against the roster as it stands then.
  const roster = await loadRoster(deps.db, now, [], cache);
  const config = assignmentConfig(now);
  let proposed = 0;
  for (const { id } of waiting) {
    const { order } = await loadOrderForAssignment(deps.db, id);
    if (rankCandidates(order, roster.technicians, config, 1).ranked.length === 0) continue;
    const assigned = await inTransaction(deps.db, deps.bus, async (trx, emit) => {
      const row = await trx.selectFrom('work_orders').select('status').where('id', '=', id).executeTakeFirst();
      if (row?.status !== 'new' || !(await proposeAssignment(trx, { orderId: id, principal: RETRY_PRINCIPAL, now, cache }))) return false;
      emit('workOrder.changed', { order: toSummary(await readWorkOrder(trx, id)), change: 'assigned' });
      return true;
    });
    if (assigned) proposed += 1;
  }
  return proposed;
}
