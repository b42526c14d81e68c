import { prepareBatch, urgencySequence } from './batch-input';
import { describeSolution } from './batch-result';
import { solvePart } from './exact';
import { ejectionChains } from './ejection-chains';
import { fitMore } from './fit-more';
import { EPS, greedySolve, type Solution, solutionCost } from './gap';
import { knapsackLagrangian } from './knapsack-lagrangian';
import { lagrangianSearch } from './lagrangian';
import { localSearch } from './local-search';
import { repackNeighbourhoods } from './neighbourhoods';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, BatchResult } from './types';

export interface BatchOptions {
  /** Wall-clock budget for the optimiser; the greedy baseline and the result's explanations come on top. */
  timeLimitMs?: number;
}

/** An exact search of the whole batch is tried up to this size (beyond it, it would rarely finish)… */
const EXACT_MAX_ORDERS = 60;
/** …and may scan this many options (≈ 0.2 s) before the heuristic result stands. */
const EXACT_BUDGET = 20_000_000;

/**
 * Assigns many open orders jointly, minimising the total objective (batch-input.ts states the cost model).
 *
 * The problem is a generalised assignment problem — NP-hard because capacities are in minutes — so the engine:
 * 1. computes the one-by-one greedy baseline in urgency order;
 * 2. runs Lagrangian relaxation of the capacities (lagrangian.ts), which gives a lower bound and price-guided
 *    solutions polished by local search (local-search.ts);
 * 3. improves it by ejection chains — shifting jobs along up to ten technicians at once (ejection-chains.ts) — then
 *    by repacking small groups of technicians exactly (neighbourhoods.ts), then by trying to fit each left-out
 *    order with a complete reshuffle (fit-more.ts), then chains and single moves again, until the time budget;
 * 4. on small batches, runs an exact branch and bound over the whole batch (exact.ts), which proves the result
 *    optimal or improves it;
 * 5. returns the cheapest solution found. The greedy baseline is one of the candidates and every later step only
 *    accepts improvements, so the result is NEVER worse than assigning the orders one by one in urgency order.
 * Pinned orders never enter the optimisation: they stay with their technician and use up that technician's minutes.
 */
export function assignBatch(
  orders: readonly AssignmentOrder[],
  technicians: readonly AssignmentTechnician[],
  config: AssignmentConfig,
  options: BatchOptions = {},
): BatchResult {
  const deadline = performance.now() + (options.timeLimitMs ?? 1500);
  const batch = prepareBatch(orders, technicians, config);
  const { gap } = batch;
  const greedy = greedySolve(gap, urgencySequence(batch.movable));
  const greedyCost = solutionCost(gap, greedy);

  const relaxed = lagrangianSearch(gap, greedy, deadline);
  let best: Solution = relaxed.cost < greedyCost - EPS ? relaxed.solution : greedy;
  const packed = knapsackLagrangian(gap, best, relaxed.duals, deadline);
  best = packed.solution;
  const lowerBound = Math.max(relaxed.lowerBound, packed.lowerBound);
  const proven = () => solutionCost(gap, best) - lowerBound <= EPS * Math.max(1, Math.abs(lowerBound));
  if (!proven()) {
    best = ejectionChains(gap, best, deadline);
    best = repackNeighbourhoods(gap, best, relaxed.price, deadline);
    best = fitMore(gap, best, deadline);
    best = localSearch(gap, ejectionChains(gap, best, deadline), deadline);
  }
  let provenOptimal = proven();
  if (!provenOptimal && gap.orderCount <= EXACT_MAX_ORDERS) {
    const exact = solvePart(gap, range(gap.orderCount), range(gap.techCount), Float64Array.from(gap.capacity), relaxed.price, { pairs: best, cost: solutionCost(gap, best) }, EXACT_BUDGET);
    best = exact.pairs;
    provenOptimal = exact.complete;
  }
  const cost = solutionCost(gap, best);
  return describeSolution(batch, best, config, { lowerBound: provenOptimal ? cost : Math.min(lowerBound, cost), provenOptimal, greedyCost });
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
