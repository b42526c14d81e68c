/**
 * The batch as a generalised assignment problem (GAP) with an "unassigned" option:
 *
 *   minimise   Σ_o Σ_t c[o,t]·x[o,t] + Σ_o P[o]·u[o]
 *   subject to Σ_t x[o,t] + u[o] = 1             for every order o
 *              Σ_o w[o]·x[o,t] ≤ C[t]             for every technician t (minutes)
 *              x, u binary, x[o,t] only for eligible pairs
 *
 * Orders are rows of a compressed table of their eligible options ("pairs"), each order's options sorted by cost, so
 * solvers read a pair's technician and cost by index and never allocate. A solution is, per order, the index of its
 * chosen pair or -1 for unassigned.
 */
export interface Gap {
  orderCount: number;
  techCount: number;
  /** Minutes each order takes. */
  weight: Float64Array;
  /** Minutes each technician has left for this batch. */
  capacity: Float64Array;
  /** Cost of leaving each order unassigned. */
  penalty: Float64Array;
  /** Order o's pairs are first[o] .. first[o + 1] - 1. */
  first: Int32Array;
  pairOrder: Int32Array;
  pairTech: Int32Array;
  pairCost: Float64Array;
  /** Pair index of (order, tech), or -1 when ineligible; dense orderCount × techCount. */
  pairAt: Int32Array;
  /** The same pairs grouped by technician: technician t's are techPairs[techFirst[t] .. techFirst[t + 1] - 1]. */
  techFirst: Int32Array;
  techPairs: Int32Array;
}

export type Solution = Int32Array;

/** Improvements smaller than this are float noise, not progress; accepting them could cycle. */
export const EPS = 1e-9;

/**
 * Builds the table from a cost callback that returns null for an ineligible pair; the unassigned penalty may depend
 * on the order's costliest eligible option (0 when it has none).
 */
export function buildGap(
  weight: ArrayLike<number>,
  capacity: ArrayLike<number>,
  cost: (order: number, tech: number) => number | null,
  penalty: (order: number, maxCost: number) => number,
): Gap {
  const orderCount = weight.length;
  const techCount = capacity.length;
  const first = new Int32Array(orderCount + 1);
  const penalties = new Float64Array(orderCount);
  const techs: number[] = [];
  const costs: number[] = [];
  const owners: number[] = [];
  const row: { tech: number; cost: number }[] = [];
  for (let o = 0; o < orderCount; o++) {
    row.length = 0;
    for (let t = 0; t < techCount; t++) {
      const c = cost(o, t);
      if (c !== null) row.push({ tech: t, cost: c });
    }
    row.sort((a, b) => a.cost - b.cost || a.tech - b.tech);
    for (const option of row) {
      techs.push(option.tech);
      costs.push(option.cost);
      owners.push(o);
    }
    first[o + 1] = techs.length;
    penalties[o] = penalty(o, row.length > 0 ? row[row.length - 1]!.cost : 0);
  }
  const pairAt = new Int32Array(orderCount * techCount).fill(-1);
  for (let p = 0; p < techs.length; p++) pairAt[owners[p]! * techCount + techs[p]!] = p;
  const techFirst = new Int32Array(techCount + 1);
  for (const t of techs) techFirst[t + 1]!++;
  for (let t = 0; t < techCount; t++) techFirst[t + 1]! += techFirst[t]!;
  const techPairs = new Int32Array(techs.length);
  const fill = techFirst.slice(0, techCount);
  for (let p = 0; p < techs.length; p++) techPairs[fill[techs[p]!]!++] = p;
  return {
    orderCount,
    techCount,
    weight: Float64Array.from(weight),
    capacity: Float64Array.from(capacity),
    penalty: penalties,
    first,
    pairOrder: Int32Array.from(owners),
    pairTech: Int32Array.from(techs),
    pairCost: Float64Array.from(costs),
    pairAt,
    techFirst,
    techPairs,
  };
}

export function solutionCost(gap: Gap, solution: Solution): number {
  let total = 0;
  for (let o = 0; o < gap.orderCount; o++) total += solution[o]! < 0 ? gap.penalty[o]! : gap.pairCost[solution[o]!]!;
  return total;
}

/** Minutes each technician carries in `solution`. */
export function loadsOf(gap: Gap, solution: Solution): Float64Array {
  const load = new Float64Array(gap.techCount);
  for (let o = 0; o < gap.orderCount; o++) if (solution[o]! >= 0) load[gap.pairTech[solution[o]!]!] += gap.weight[o]!;
  return load;
}

/**
 * Orders one by one in the given sequence, each to its cheapest option that still fits: the greedy baseline, and a
 * starting point the optimiser can only improve on.
 */
export function greedySolve(gap: Gap, sequence: ArrayLike<number>): Solution {
  const solution = new Int32Array(gap.orderCount).fill(-1);
  const load = new Float64Array(gap.techCount);
  for (let k = 0; k < sequence.length; k++) {
    const o = sequence[k]!;
    for (let p = gap.first[o]!; p < gap.first[o + 1]!; p++) {
      const t = gap.pairTech[p]!;
      if (load[t]! + gap.weight[o]! <= gap.capacity[t]! + EPS) {
        solution[o] = p;
        load[t] += gap.weight[o]!;
        break;
      }
    }
  }
  return solution;
}
