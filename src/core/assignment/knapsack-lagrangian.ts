import { EPS, type Gap, loadsOf, type Solution, solutionCost } from './gap';
import { localSearch } from './local-search';
import { ejectionChains } from './ejection-chains';

/**
 * Lagrangian relaxation of the ASSIGNMENT constraints (Fisher, Jaikumar & Van Wassenhove's approach to the GAP),
 * the complement of lagrangian.ts. With a value μ[o] per order, the orders may be taken by any number of technicians
 * and each technician independently packs the orders worth the most to it — a 0/1 knapsack over its minutes with
 * profit μ[o] − c[o,t] — so, for every μ,
 *   L(μ) = Σ_o μ[o] + Σ_o min(0, P[o] − μ[o]) − Σ_t (best knapsack profit of t)
 * is a lower bound. Unlike the capacity relaxation, each technician's minutes are packed in whole orders here, so
 * the bound is at least the LP bound and often much closer to the optimum, and the packings are the right raw
 * material when the batch is overloaded: which orders to leave out is a packing question.
 *
 * Each iterate yields a solution: every order goes to the cheapest of the technicians whose packing took it (or
 * stays out), then local search repairs and polishes it. The μ start from the duals of the capacity relaxation and
 * follow subgradient steps. Knapsacks are solved by dynamic programming over minutes in units of the greatest
 * common divisor of all durations and capacities (15 minutes in practice); with non-integer minutes the phase is
 * skipped.
 */
export interface KnapsackOutcome {
  solution: Solution;
  cost: number;
  lowerBound: number;
}

const CONSTRUCT_EVERY = 4;
/** Up to this many orders, every construction also gets the ejection-chain polish: cheap there, and it is what turns
 *  near-partitions into optimal plans. Larger batches get single moves here and the chains once afterwards. */
const CHAIN_POLISH_MAX_ORDERS = 200;
const STALL_BEFORE_HALVING = 15;
/** Knapsack tables beyond this many cells per technician would make an iteration slower than it is worth. */
const MAX_TABLE = 2_000_000;

export function knapsackLagrangian(gap: Gap, incumbent: Solution, duals: Float64Array, deadline: number, maxIterations = 1000): KnapsackOutcome {
  const { orderCount, techCount, weight, capacity, penalty, first, pairTech, pairOrder, pairCost, techFirst, techPairs } = gap;
  const chains = orderCount <= CHAIN_POLISH_MAX_ORDERS;
  let best: Solution = Int32Array.from(incumbent);
  let bestCost = solutionCost(gap, best);
  const unit = commonUnit(gap);
  if (unit === 0) return { solution: best, cost: bestCost, lowerBound: -Infinity };
  const units = Array.from(capacity, (c) => Math.round(c / unit));
  const value = Float64Array.from(duals);
  const chosenBy = new Int32Array(orderCount).fill(-1);
  const cover = new Int32Array(orderCount);
  const table = new Float64Array(Math.max(...units, 0) + 1);
  // Which item improved which capacity, for reading the packing back; one buffer for every technician.
  const taken = new Uint8Array(MAX_TABLE);
  let lowerBound = -Infinity;
  let bestRaw = Infinity;
  let theta = 1;
  let stall = 0;

  for (let iteration = 0; iteration < maxIterations && performance.now() < deadline; iteration++) {
    cover.fill(0);
    chosenBy.fill(-1);
    let bound = 0;
    for (let o = 0; o < orderCount; o++) bound += value[o]! + Math.min(0, penalty[o]! - value[o]!);
    for (let t = 0; t < techCount; t++) bound -= pack(t);
    if (bound > lowerBound + EPS) {
      lowerBound = bound;
      stall = 0;
    } else if (++stall >= STALL_BEFORE_HALVING) {
      theta /= 2;
      stall = 0;
    }
    if (iteration % CONSTRUCT_EVERY === 0) {
      const raw = fillGaps(Int32Array.from(chosenBy));
      const rawCost = solutionCost(gap, raw);
      // Polishing a large batch costs milliseconds: only the constructions that beat every earlier one get it.
      if (chains || rawCost < bestRaw - EPS) {
        bestRaw = Math.min(bestRaw, rawCost);
        const candidate = localSearch(gap, chains ? ejectionChains(gap, raw, deadline) : raw, deadline);
        const cost = solutionCost(gap, candidate);
        if (cost < bestCost - EPS) {
          best = candidate;
          bestCost = cost;
        }
      }
    }
    if (bestCost - lowerBound <= EPS * Math.max(1, Math.abs(bestCost)) || theta < 1e-4) break;
    let norm = 0;
    for (let o = 0; o < orderCount; o++) {
      const g = 1 - cover[o]! - (penalty[o]! < value[o]! ? 1 : 0);
      norm += g * g;
    }
    if (norm === 0) break;
    const step = (theta * (bestCost - bound)) / norm;
    for (let o = 0; o < orderCount; o++) value[o] += step * (1 - cover[o]! - (penalty[o]! < value[o]! ? 1 : 0));
  }
  return { solution: best, cost: bestCost, lowerBound };

  /** Puts each order no packing took on its cheapest technician with room left, if any. */
  function fillGaps(solution: Solution): Solution {
    const load = loadsOf(gap, solution);
    for (let o = 0; o < orderCount; o++) {
      if (solution[o]! >= 0) continue;
      for (let p = first[o]!; p < first[o + 1]!; p++) {
        const t = pairTech[p]!;
        if (load[t]! + weight[o]! > capacity[t]! + EPS) continue;
        solution[o] = p;
        load[t] += weight[o]!;
        break;
      }
    }
    return solution;
  }

  /** Solves technician t's knapsack, records what it took, and returns its profit. */
  function pack(t: number): number {
    const cap = units[t]!;
    const items: number[] = [];
    for (let k = techFirst[t]!; k < techFirst[t + 1]!; k++) {
      const p = techPairs[k]!;
      if (value[pairOrder[p]!]! - pairCost[p]! > EPS) items.push(p);
    }
    if (items.length === 0) return 0;
    if (items.length * (cap + 1) > MAX_TABLE) return fractionalProfit(items, capacity[t]!);
    taken.fill(0, 0, items.length * (cap + 1));
    table.fill(0, 0, cap + 1);
    items.forEach((p, i) => {
      const w = Math.round(weight[pairOrder[p]!]! / unit);
      const profit = value[pairOrder[p]!]! - pairCost[p]!;
      for (let c = cap; c >= w; c--) {
        if (table[c - w]! + profit > table[c]!) {
          table[c] = table[c - w]! + profit;
          taken[i * (cap + 1) + c] = 1;
        }
      }
    });
    const profit = table[cap]!;
    for (let i = items.length - 1, c = cap; i >= 0; i--) {
      if (!taken[i * (cap + 1) + c]) continue;
      const p = items[i]!;
      const o = pairOrder[p]!;
      cover[o]!++;
      // An order several technicians took goes to the one where it costs least.
      if (chosenBy[o]! < 0 || pairCost[p]! < pairCost[chosenBy[o]!]!) chosenBy[o] = p;
      c -= Math.round(weight[o]! / unit);
    }
    return profit;
  }

  /**
   * For a knapsack too big to tabulate: the fractional (LP) optimum, which is at least the true profit, so the bound
   * stays valid; the technician then takes nothing in this iterate's construction.
   */
  function fractionalProfit(items: number[], minutes: number): number {
    const density = (p: number) => (value[pairOrder[p]!]! - pairCost[p]!) / Math.max(weight[pairOrder[p]!]!, EPS);
    let profit = 0;
    for (const p of [...items].sort((a, b) => density(b) - density(a))) {
      const w = weight[pairOrder[p]!]!;
      const share = w <= minutes ? 1 : minutes / w;
      profit += share * (value[pairOrder[p]!]! - pairCost[p]!);
      minutes -= share * w;
      if (minutes <= 0) break;
    }
    return profit;
  }
}

/** The largest whole number of minutes dividing every duration and capacity, or 0 if some are not whole. */
function commonUnit(gap: Gap): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let unit = 0;
  for (const x of [...gap.weight, ...gap.capacity]) {
    if (!Number.isInteger(x)) return 0;
    unit = gcd(unit, x);
  }
  return unit;
}
