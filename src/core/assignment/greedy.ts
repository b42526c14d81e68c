import { prepareBatch, urgencySequence } from './batch-input';
import { describeSolution } from './batch-result';
import { greedySolve, solutionCost } from './gap';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, BatchResult } from './types';

/**
 * The baseline DOMAIN.md measures batches against: orders one by one in urgency order (earliest arrival due, then
 * priority), each to its best eligible technician with capacity left. Same cost model and result shape as
 * `assignBatch`, so the two can be compared field by field; it computes no lower bound.
 */
export function greedyAssign(orders: readonly AssignmentOrder[], technicians: readonly AssignmentTechnician[], config: AssignmentConfig): BatchResult {
  const batch = prepareBatch(orders, technicians, config);
  const solution = greedySolve(batch.gap, urgencySequence(batch.movable));
  const cost = solutionCost(batch.gap, solution);
  return describeSolution(batch, solution, config, { lowerBound: null, provenOptimal: false, greedyCost: cost });
}
