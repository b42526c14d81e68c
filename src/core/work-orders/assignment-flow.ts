import type { InferResult, Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { Priority } from '../../shared/schemas/common';
import { assignmentConfig, rankCandidates, type AssignmentOrder, type RankResult } from '../assignment';
import { prepareQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';
import { readDispatchSettings } from '../settings/dispatch-settings';
import { loadRoster, toAssignmentOrder, toContractCandidate, type AssignmentRoster } from './assignment-context';
import type { RosterCache } from './roster-cache';
import { appendOrderEvent } from './work-order-events';

type Trx = Transaction<Database>;

// Prepared: every intake proposes a technician (see prepareQuery).
const orderFactsQuery = (db: Kysely<Database>, orderId: string) =>
  db
    .selectFrom('work_orders as wo')
    .innerJoin('sites as s', 's.id', 'wo.site_id')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .select(['wo.id', 'wo.priority', 'wo.status', 'wo.version', 'wo.required_skills_json', 'wo.estimated_minutes', 'wo.vehicle_capabilities_json', 'wo.excluded_technicians_json', 's.lat', 's.lon', 'c.preferred_technician_id'])
    .where('wo.id', '=', orderId);
const selectOrderFacts = prepareQuery<{ orderId: string }, InferResult<ReturnType<typeof orderFactsQuery>>[number]>((db, v) => orderFactsQuery(db, v.orderId));
const selectArrivalDue = prepareQuery<{ orderId: string }, { due_at: number | null }>((db, v) =>
  db.selectFrom('sla_clocks').select('due_at').where('work_order_id', '=', v.orderId).where('metric', '=', 'arrival'),
);

/** An order's facts as the assignment engine needs them, read inside the caller's transaction. */
export async function loadOrderForAssignment(trx: Kysely<Database>, orderId: string) {
  const [row] = (await selectOrderFacts(trx, { orderId })).rows;
  if (!row) throw new AppError('not_found', `No work order with id "${orderId}".`);
  const [arrival] = (await selectArrivalDue(trx, { orderId })).rows;
  return {
    row,
    order: toAssignmentOrder({
      id: row.id,
      priority: row.priority as Priority,
      site: { lat: row.lat, lon: row.lon },
      requiredSkills: JSON.parse(row.required_skills_json),
      estimatedMinutes: row.estimated_minutes,
      vehicleCapabilities: JSON.parse(row.vehicle_capabilities_json),
      arrivalDueAt: arrival?.due_at ?? null,
      preferredTechnicianId: row.preferred_technician_id,
      excludedTechnicianIds: JSON.parse(row.excluded_technicians_json),
    }),
  };
}

export async function rankForOrder(
  trx: Kysely<Database>,
  orderId: string,
  now: number,
  limit = 5,
  cache?: RosterCache,
  /** The order's facts when the caller has just written them (intake), so they are not read back. */
  known?: AssignmentOrder,
): Promise<{ result: RankResult; roster: AssignmentRoster }> {
  const order = known ?? (await loadOrderForAssignment(trx, orderId)).order;
  const roster = await loadRoster(trx, now, [orderId], cache);
  return { result: rankCandidates(order, roster.technicians, assignmentConfig(now), limit), roster };
}

/**
 * Runs the engine for a `new` order and records its proposal (`assigned`), then dispatches at once when the centre
 * is in auto mode. With no eligible technician the order stays `new` and its history says why. True if proposed.
 */
export async function proposeAssignment(
  trx: Trx,
  { orderId, principal, now, cache, lastEventType, order }: { orderId: string; principal: Principal | null; now: number; cache?: RosterCache; lastEventType?: string; order?: AssignmentOrder },
): Promise<boolean> {
  const { result, roster } = await rankForOrder(trx, orderId, now, 1, cache, order);
  const best = result.ranked[0];
  if (!best) {
    const excludedBy: Record<string, number> = {};
    for (const t of result.ineligible) for (const v of t.violations) excludedBy[v.constraint] = (excludedBy[v.constraint] ?? 0) + 1;
    // Retries run every few seconds: the history records the first failure, not every retry.
    const last = lastEventType ?? (await trx.selectFrom('work_order_events').select('type').where('work_order_id', '=', orderId).orderBy('seq', 'desc').limit(1).executeTakeFirst())?.type;
    if (last !== 'no_candidate') {
      await appendOrderEvent(trx, orderId, principal, now, { type: 'no_candidate', at: now, data: { technicians: result.ineligible.length, excludedBy } });
    }
    return false;
  }
  const settings = await readDispatchSettings(trx);
  const candidate = toContractCandidate(best, roster.names);
  await trx
    .updateTable('work_orders')
    .set((eb) => ({
      status: 'assigned',
      technician_id: best.technicianId,
      assignment_json: JSON.stringify({ ...candidate, proposedAt: now, mode: settings.mode }),
      updated_at: now,
      updated_by: principal?.name ?? 'System',
      version: eb('version', '+', 1),
    }))
    .where('id', '=', orderId)
    .execute();
  await appendOrderEvent(trx, orderId, principal, now, {
    type: 'assigned',
    from: 'new',
    to: 'assigned',
    at: now,
    data: { technicianId: best.technicianId, technicianName: candidate.technicianName, score: candidate.score, mode: settings.mode },
  });
  if (settings.mode === 'auto') await dispatchOrder(trx, orderId, best.technicianId, principal, now);
  return true;
}

/** `dispatched` means the technician was notified; the notification goes out as the order's change event. */
export async function dispatchOrder(trx: Trx, orderId: string, technicianId: string, principal: Principal | null, now: number): Promise<void> {
  await trx
    .updateTable('work_orders')
    .set((eb) => ({ status: 'dispatched', updated_at: now, updated_by: principal?.name ?? 'System', version: eb('version', '+', 1) }))
    .where('id', '=', orderId)
    .execute();
  await appendOrderEvent(trx, orderId, principal, now, { type: 'dispatched', from: 'assigned', to: 'dispatched', at: now, data: { technicianId, notified: ['technician-app'] } });
}
