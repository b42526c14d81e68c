import { EPS, type Gap, type Solution, solutionCost } from './gap';
import { localSearch } from './local-search';

/**
 * Lagrangian relaxation of the capacity constraints, solved by subgradient ascent (Held–Wolfe–Crowder steps).
 *
 * With a price λ[t] ≥ 0 per minute of technician t, the capacities leave the problem and each order simply takes its
 * cheapest option at adjusted cost c[o,t] + λ[t]·w[o] (or stays unassigned at P[o]). For every λ,
 *   L(λ) = Σ_o min(P[o], min_t c[o,t] + λ[t]·w[o]) − Σ_t λ[t]·C[t]
 * is a lower bound on the optimum (weak duality), and its maximum equals the LP relaxation's optimum. The prices say
 * which technicians' minutes are scarce, so each iterate yields a primal solution by letting orders pick their
 * cheapest adjusted option in order of regret (how much they lose by missing it), the best of which is polished by
 * local search; and they seed the stronger relaxation of knapsack-lagrangian.ts and the bounds of exact.ts.
 */
export interface LagrangianOutcome {
  solution: Solution;
  cost: number;
  /** The best L(λ) found: no solution can cost less. */
  lowerBound: number;
  /** The prices λ that gave it. */
  price: Float64Array;
  /** What each order is worth at those prices, min(P[o], min_t c[o,t] + λ[t]·w[o]): the LP duals of the orders. */
  duals: Float64Array;
}

const CONSTRUCT_EVERY = 5;
const STALL_BEFORE_HALVING = 20;

export function lagrangianSearch(gap: Gap, incumbent: Solution, deadline: number, maxIterations = 200): LagrangianOutcome {
  const { orderCount, techCount, weight, capacity, penalty, first, pairTech, pairCost } = gap;
  const price = new Float64Array(techCount);
  const usage = new Float64Array(techCount);
  const bestPrice = new Float64Array(techCount);
  let best: Solution = Int32Array.from(incumbent);
  let bestCost = solutionCost(gap, best);
  let lowerBound = -Infinity;
  let theta = 2;
  let stall = 0;
  // The first iteration runs whatever the deadline: L(0) is already a valid, finite bound.
  for (let iteration = 0; iteration < maxIterations && (iteration === 0 || performance.now() < deadline); iteration++) {
    usage.fill(0);
    let bound = 0;
    for (let o = 0; o < orderCount; o++) {
      let min = penalty[o]!;
      let chosen = -1;
      for (let p = first[o]!; p < first[o + 1]!; p++) {
        const adjusted = pairCost[p]! + price[pairTech[p]!]! * weight[o]!;
        if (adjusted < min) {
          min = adjusted;
          chosen = pairTech[p]!;
        }
      }
      bound += min;
      if (chosen >= 0) usage[chosen] += weight[o]!;
    }
    for (let t = 0; t < techCount; t++) bound -= price[t]! * capacity[t]!;
    if (bound > lowerBound + EPS) {
      lowerBound = bound;
      bestPrice.set(price);
      stall = 0;
    } else if (++stall >= STALL_BEFORE_HALVING) {
      theta /= 2;
      stall = 0;
    }
    if (iteration % CONSTRUCT_EVERY === 0) {
      const candidate = construct(gap, price);
      const cost = solutionCost(gap, candidate);
      if (cost < bestCost - EPS) {
        best = candidate;
        bestCost = cost;
      }
    }
    if (bestCost - lowerBound <= EPS * Math.max(1, Math.abs(bestCost)) || theta < 1e-4) break;
    let norm = 0;
    for (let t = 0; t < techCount; t++) {
      const g = price[t]! > 0 || usage[t]! > capacity[t]! ? usage[t]! - capacity[t]! : 0;
      usage[t] = g;
      norm += g * g;
    }
    // A zero subgradient means the relaxed choice is feasible and complementary: L(λ) is the optimum itself.
    if (norm === 0) break;
    const step = (theta * (bestCost - bound)) / norm;
    for (let t = 0; t < techCount; t++) price[t] = Math.max(0, price[t]! + step * usage[t]!);
  }
  const duals = new Float64Array(orderCount);
  for (let o = 0; o < orderCount; o++) {
    duals[o] = penalty[o]!;
    for (let p = first[o]!; p < first[o + 1]!; p++) duals[o] = Math.min(duals[o]!, pairCost[p]! + bestPrice[pairTech[p]!]! * weight[o]!);
  }
  const polished = localSearch(gap, construct(gap, bestPrice), deadline);
  const polishedCost = solutionCost(gap, polished);
  if (polishedCost < bestCost - EPS) return { solution: polished, cost: polishedCost, lowerBound, price: bestPrice, duals };
  const again = localSearch(gap, best, deadline);
  return { solution: again, cost: solutionCost(gap, again), lowerBound, price: bestPrice, duals };
}

/** Orders in decreasing regret, each to its cheapest adjusted option that still fits (or unassigned). */
function construct(gap: Gap, price: Float64Array): Solution {
  const { orderCount, weight, capacity, penalty, first, pairTech, pairCost } = gap;
  const regret = new Float64Array(orderCount);
  for (let o = 0; o < orderCount; o++) {
    let a1 = penalty[o]!;
    let a2 = Infinity;
    for (let p = first[o]!; p < first[o + 1]!; p++) {
      const adjusted = pairCost[p]! + price[pairTech[p]!]! * weight[o]!;
      if (adjusted < a1) {
        a2 = a1;
        a1 = adjusted;
      } else if (adjusted < a2) a2 = adjusted;
    }
    regret[o] = a2 - a1;
  }
  const sequence = Array.from({ length: orderCount }, (_, o) => o).sort((a, b) => regret[b]! - regret[a]! || a - b);
  const solution = new Int32Array(orderCount).fill(-1);
  const load = new Float64Array(gap.techCount);
  for (const o of sequence) {
    let min = penalty[o]!;
    for (let p = first[o]!; p < first[o + 1]!; p++) {
      const t = pairTech[p]!;
      if (load[t]! + weight[o]! > capacity[t]! + EPS) continue;
      const adjusted = pairCost[p]! + price[t]! * weight[o]!;
      if (adjusted < min) {
        min = adjusted;
        solution[o] = p;
      }
    }
    if (solution[o]! >= 0) load[pairTech[solution[o]!]!] += weight[o]!;
  }
  return solution;
}
