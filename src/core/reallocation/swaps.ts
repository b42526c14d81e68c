import type { Priority } from '../../shared/schemas/common';
import type { AssignmentTechnician } from '../assignment';
import { groupBy } from '../util/group-by';
import { improves, inTime, reach, stopAt, type Reach } from './reach';
import type { CurrentPrediction, HeldOrder, PlanInput, PlannedProposal, SwapOut } from './types';
import { swapReasons } from './wording';

const PRIORITY_RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

/**
 * Swaps (issue #4): a technician who cannot help as he stands (busy with, or at capacity because of, a
 * lower-priority order with more SLA slack) takes the at-risk order, and that lower-priority order goes to the
 * at-risk order's current technician or, when he cannot keep it in time, back to the queue. Only when the
 * lower-priority order still meets every running due instant by prediction. One swap per technician: the
 * order given up is the least urgent one that frees him (lowest priority, then most slack).
 */
export function planSwaps(input: PlanInput, current: CurrentPrediction, movers: ReadonlySet<string>): PlannedProposal[] {
  const { config, target, technicians, names } = input;
  const targetSlack = target.dueAt - config.now;
  const dispensable = input.held.filter(
    (h) => h.orderId !== target.orderId && PRIORITY_RANK[h.priority] > PRIORITY_RANK[target.priority] && slackOf(h, config.now) > targetSlack,
  );
  const byHolder = groupBy(dispensable, (h) => h.technicianId);
  const proposals: PlannedProposal[] = [];
  for (const tech of technicians) {
    if (tech.id === target.technicianId || movers.has(tech.id)) continue;
    for (const held of [...(byHolder.get(tech.id) ?? [])].sort((a, b) => leastUrgentFirst(a, b, config.now))) {
      const freed = reach(target.order, relieved(tech, held), config);
      if (!freed.eligible || !improves(target, current, freed)) continue;
      const swapOut = placeElsewhere(held, tech.id, input);
      if (!swapOut) continue;
      proposals.push({
        kind: 'swap',
        technicianId: tech.id,
        arrivalAt: freed.arrivalAt,
        stopAt: stopAt(target.metric, freed.arrivalAt, target.order.estimatedMinutes),
        candidate: freed.candidate,
        swapOut,
        reasons: [current.note, ...swapReasons(target, current, freed, swapOut, names, config.now)],
      });
      break;
    }
  }
  return proposals;
}

/** Time left to the held order's nearest running due instant; without one it has all the slack there is. */
function slackOf(held: HeldOrder, now: number): number {
  return held.dues.length === 0 ? Infinity : Math.min(...held.dues.map((d) => d.dueAt)) - now;
}

function leastUrgentFirst(a: HeldOrder, b: HeldOrder, now: number): number {
  return PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || slackOf(b, now) - slackOf(a, now) || (a.orderId < b.orderId ? -1 : 1);
}

/** The technician without the held order: its minutes leave his workload and no longer delay his departure. */
function relieved(tech: AssignmentTechnician, held: HeldOrder): AssignmentTechnician {
  return { ...tech, workloadMinutes: Math.max(0, tech.workloadMinutes - held.order.estimatedMinutes), activeOrders: Math.max(0, tech.activeOrders - 1) };
}

/**
 * Where the held order goes: to the at-risk order's current technician when he is eligible and keeps it in time;
 * otherwise back to the queue, provided some other technician (not the one it is taken from) could keep it in
 * time — the prediction the swap is judged by. Null: nowhere keeps it within its SLA, so no swap.
 */
function placeElsewhere(held: HeldOrder, holderId: string, { config, target, technicians }: PlanInput): SwapOut | null {
  const dueAt = held.dues.length === 0 ? null : Math.min(...held.dues.map((d) => d.dueAt));
  const keeps = (r: Reach) => held.dues.every((d) => inTime(stopAt(d.metric, r.arrivalAt, held.order.estimatedMinutes), d.dueAt));
  const first = technicians.find((t) => t.id === target.technicianId);
  const firstReach = first ? reach(held.order, first, config) : null;
  if (firstReach?.eligible && keeps(firstReach)) {
    return { held, toTechnicianId: firstReach.technicianId, byTechnicianId: firstReach.technicianId, arrivalAt: firstReach.arrivalAt, dueAt, candidate: firstReach.candidate };
  }
  const others = technicians
    .filter((t) => t.id !== holderId && t.id !== target.technicianId)
    .map((t) => reach(held.order, t, config))
    .filter((r): r is Reach => r.eligible && keeps(r))
    .sort((a, b) => a.arrivalAt - b.arrivalAt || (a.technicianId < b.technicianId ? -1 : 1));
  const best = others[0];
  return best ? { held, toTechnicianId: null, byTechnicianId: best.technicianId, arrivalAt: best.arrivalAt, dueAt, candidate: null } : null;
}
