import type { PreparedBatch } from './batch-input';
import { checkConstraints, newProbe } from './constraints';
import { loadsOf, type Solution, solutionCost } from './gap';
import { num } from './format';
import { explainScore } from './objective';
import type { AssignmentConfig, BatchResult, ConstraintCode, UnassignedOrder, Violation } from './types';

/** Turns a solver's solution into the dispatcher-facing result: explained assignments and reasoned leftovers. */
export function describeSolution(
  batch: PreparedBatch,
  solution: Solution,
  config: AssignmentConfig,
  bound: Pick<BatchResult, 'lowerBound' | 'provenOptimal' | 'greedyCost'>,
): BatchResult {
  const { gap, movable, technicians } = batch;
  const probe = newProbe();
  const load = loadsOf(gap, solution);
  const assignments: BatchResult['assignments'] = [];
  const unassigned: UnassignedOrder[] = [];
  for (let o = 0; o < gap.orderCount; o++) {
    const order = movable[o]!;
    const pair = solution[o]!;
    if (pair >= 0) {
      const tech = technicians[gap.pairTech[pair]!]!;
      checkConstraints(order, tech, config, probe, null);
      assignments.push({ orderId: order.id, technicianId: tech.id, ...explainScore(order, tech, probe, config) });
      continue;
    }
    const eligible = gap.first[o + 1]! - gap.first[o]!;
    const counts = new Map<ConstraintCode, number>();
    const violations: Violation[] = [];
    for (const tech of technicians) {
      violations.length = 0;
      if (checkConstraints(order, tech, config, probe, violations)) continue;
      for (const code of new Set(violations.map((v) => v.constraint))) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    // In the fixed order of EXCLUSION, so the same batch always reads the same.
    const excludedBy: Partial<Record<ConstraintCode, number>> = {};
    for (const code of CONSTRAINT_ORDER) if (counts.has(code)) excludedBy[code] = counts.get(code);
    let reason: string;
    if (eligible === 0) {
      const parts = Object.entries(excludedBy).map(([code, count]) => `${count} ${EXCLUSION[code as ConstraintCode]}`);
      reason = technicians.length === 0 ? 'No technicians were given.' : `No eligible technician: ${parts.join('; ')}.`;
    } else {
      let most = -Infinity;
      let mostTech = '';
      for (let p = gap.first[o]!; p < gap.first[o + 1]!; p++) {
        const t = gap.pairTech[p]!;
        const left = gap.capacity[t]! - load[t]!;
        if (left > most) {
          most = left;
          mostTech = technicians[t]!.id;
        }
      }
      reason =
        `Capacity ran out: it needs ${num(order.estimatedMinutes)} min and none of its ${eligible} eligible technician${eligible === 1 ? '' : 's'} ` +
        `has that much left after this batch (most: ${num(most)} min, ${mostTech}); their time went to orders of higher priority or that fit better.`;
    }
    unassigned.push({
      orderId: order.id,
      cause: eligible === 0 ? 'no_eligible_technician' : 'capacity',
      reason,
      eligibleTechnicians: eligible,
      excludedBy,
      penalty: gap.penalty[o]!,
    });
  }
  return { assignments, kept: batch.kept, unassigned, totalCost: solutionCost(gap, solution), ...bound };
}

const EXCLUSION: Record<ConstraintCode, string> = {
  status: 'unavailable',
  excluded: 'excluded from the order',
  skill: 'lacking a required skill or level',
  certification: 'with an expired certification',
  shift: 'off shift with no shift starting early enough',
  time_off: 'on time off',
  vehicle: 'without a suitable vehicle in service',
  capacity: 'without enough capacity left',
};
const CONSTRAINT_ORDER = Object.keys(EXCLUSION) as ConstraintCode[];
