import { checkConstraints, newProbe } from './constraints';
import { buildGap, type Gap } from './gap';
import { scoreOf } from './objective';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, KeptAssignment } from './types';

/**
 * A batch turned into a GAP (gap.ts).
 *
 * The cost of giving order o to technician t is the single-order score of o for t IN t's STATE AT THE START OF THE
 * BATCH (workload plus pinned minutes, position, shifts). Letting it depend on what else the batch gives t would
 * make the objective non-linear (the workload term) and the arrival estimates depend on an order of visits, i.e. a
 * routing problem; fixing it keeps the batch an assignment problem with capacities and makes every assigned order's
 * explanation identical to what single-order ranking shows for it. Capacity is what couples the orders: each
 * technician's remaining minutes are shared by everything the batch gives them.
 *
 * Leaving an order unassigned costs its priority's penalty PLUS its costliest eligible assignment, so assigning an
 * order anywhere it is eligible always beats leaving it, and when capacity forces a choice, the net loss of dropping
 * an order is ruled by its priority.
 */
export interface PreparedBatch {
  movable: AssignmentOrder[];
  kept: KeptAssignment[];
  /** Technicians in their batch-start state (pinned minutes added to the workload). */
  technicians: AssignmentTechnician[];
  gap: Gap;
}

export function prepareBatch(orders: readonly AssignmentOrder[], technicians: readonly AssignmentTechnician[], config: AssignmentConfig): PreparedBatch {
  const movable: AssignmentOrder[] = [];
  const kept: KeptAssignment[] = [];
  const pinnedMinutes = new Map<string, number>();
  for (const order of orders) {
    const pinned = order.pinnedTechnicianId ?? null;
    if (pinned === null) movable.push(order);
    else {
      kept.push({ orderId: order.id, technicianId: pinned });
      pinnedMinutes.set(pinned, (pinnedMinutes.get(pinned) ?? 0) + order.estimatedMinutes);
    }
  }
  const state = technicians.map((tech) => {
    const extra = pinnedMinutes.get(tech.id);
    return extra === undefined ? tech : { ...tech, workloadMinutes: tech.workloadMinutes + extra };
  });
  const probe = newProbe();
  const gap = buildGap(
    movable.map((order) => order.estimatedMinutes),
    state.map((tech) => Math.max(0, tech.capacityMinutes - tech.workloadMinutes)),
    (o, t) => (checkConstraints(movable[o]!, state[t]!, config, probe, null) ? scoreOf(movable[o]!, state[t]!, probe, config) : null),
    (o, maxCost) => config.unassignedPenalty[movable[o]!.priority] + maxCost,
  );
  return { movable, kept, technicians: state, gap };
}

const PRIORITY_RANK = { P1: 0, P2: 1, P3: 2, P4: 3 } as const;

/**
 * Urgency order of the greedy baseline: earliest arrival due first (orders without a target last), then higher
 * priority, then longer jobs (harder to place later), then id so the sequence is reproducible.
 */
export function urgencySequence(orders: readonly AssignmentOrder[]): number[] {
  const due = (o: AssignmentOrder) => o.arrivalDueAt ?? Infinity;
  return orders
    .map((_, i) => i)
    .sort((a, b) => {
      const x = orders[a]!;
      const y = orders[b]!;
      if (due(x) !== due(y)) return due(x) < due(y) ? -1 : 1;
      return (
        PRIORITY_RANK[x.priority] - PRIORITY_RANK[y.priority] ||
        y.estimatedMinutes - x.estimatedMinutes ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
      );
    });
}
