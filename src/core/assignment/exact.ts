import { EPS, type Gap } from './gap';

/**
 * Exact branch and bound over part of a GAP: the given orders, each either on one of the given technicians (within
 * the minutes `room` those technicians have for them) or unassigned. With every order and every technician this
 * solves a whole small batch; with two or three technicians it is the "repack these technicians optimally" move of
 * the large-neighbourhood search (neighbourhoods.ts).
 *
 * A branch is cut when its cost plus a lower bound on completing it cannot beat the best so far. The bound is the
 * larger of two relaxations, each never above the true completion cost, so no optimal branch is ever cut:
 * - Lagrangian: with prices λ[t] ≥ 0 per minute (those of lagrangian.ts), Σ_undecided min(P, min over technicians
 *   with room of c + λ·w) − Σ_t λ[t]·room[t]. Strong when few technicians can take each order.
 * - Surrogate (Martello–Toth): merge the rooms into one knapsack and let each undecided order save
 *   g = P − (its cheapest cost) per assignment, fractionally, best g per minute first. Strong when many can.
 * Orders are decided best saving per minute first, each trying its options cheapest first, then "unassigned".
 *
 * The search counts its work (options scanned) and stops past `budget`, so its time is bounded whatever the size;
 * the best solution found so far is still returned, flagged incomplete. When complete, it is optimal for the part.
 */
export interface PartResult {
  /** Chosen pair (or -1) for each of the part's orders, in the order given. */
  pairs: Int32Array;
  cost: number;
  complete: boolean;
}

export function solvePart(
  gap: Gap,
  orders: readonly number[],
  techs: readonly number[],
  room: Float64Array,
  price: Float64Array,
  incumbent: { pairs: Int32Array; cost: number },
  budget: number,
): PartResult {
  const { weight, penalty, first, pairTech, pairCost, techCount } = gap;
  const inPart = new Uint8Array(techCount);
  for (const t of techs) inPart[t] = 1;
  const items = orders.map((o, index) => {
    const options: number[] = [];
    for (let p = first[o]!; p < first[o + 1]!; p++) if (inPart[pairTech[p]!] && weight[o]! <= room[pairTech[p]!]! + EPS) options.push(p);
    const saving = options.length > 0 ? penalty[o]! - pairCost[options[0]!]! : 0;
    return { o, index, options, saving, density: saving / Math.max(weight[o]!, EPS) };
  });
  items.sort((a, b) => b.density - a.density || a.o - b.o);
  const n = items.length;
  const current = new Int32Array(n).fill(-1);
  let best = Int32Array.from(incumbent.pairs);
  let bestCost = incumbent.cost;
  let work = 0;
  let penaltyLeft = 0;
  for (const item of items) penaltyLeft += penalty[item.o]!;
  let roomLeft = 0;
  for (const t of techs) roomLeft += Math.max(0, room[t]!);

  const fitsSomewhere = (k: number): boolean => {
    const w = weight[items[k]!.o]!;
    for (const p of items[k]!.options) if (w <= room[pairTech[p]!]! + EPS) return true;
    return false;
  };
  /** Least cost the undecided orders k.. can still reach (see the file comment). */
  const bound = (k: number, rest: number): number => {
    let lagrangian = 0;
    for (const t of techs) lagrangian -= price[t]! * Math.max(0, room[t]!);
    for (let i = k; i < n; i++) {
      const o = items[i]!.o;
      let min = penalty[o]!;
      work += items[i]!.options.length + 1;
      for (const p of items[i]!.options) {
        const t = pairTech[p]!;
        const adjusted = pairCost[p]! + price[t]! * weight[o]!;
        if (adjusted < min && weight[o]! <= room[t]! + EPS) min = adjusted;
      }
      lagrangian += min;
    }
    let capacity = roomLeft;
    let saved = 0;
    for (let i = k; i < n && capacity > EPS; i++) {
      const item = items[i]!;
      if (item.saving <= 0 || !fitsSomewhere(i)) continue;
      const w = weight[item.o]!;
      if (w <= capacity) {
        saved += item.saving;
        capacity -= w;
      } else {
        saved += (item.saving * capacity) / w;
        capacity = 0;
      }
    }
    return Math.max(lagrangian, rest - saved);
  };

  const visit = (k: number, cost: number, rest: number): void => {
    if (work > budget) return;
    if (k === n) {
      if (cost < bestCost - EPS) {
        bestCost = cost;
        best = new Int32Array(n).fill(-1);
        for (let i = 0; i < n; i++) best[items[i]!.index] = current[i]!;
      }
      return;
    }
    if (cost + bound(k, rest) >= bestCost - EPS) return;
    const item = items[k]!;
    const w = weight[item.o]!;
    const p0 = penalty[item.o]!;
    for (const p of item.options) {
      const t = pairTech[p]!;
      if (w > room[t]! + EPS) continue;
      room[t] -= w;
      roomLeft -= w;
      current[k] = p;
      visit(k + 1, cost + pairCost[p]!, rest - p0);
      room[t] += w;
      roomLeft += w;
      current[k] = -1;
    }
    visit(k + 1, cost + p0, rest - p0);
  };
  visit(0, 0, penaltyLeft);
  return { pairs: best, cost: bestCost, complete: work <= budget };
}
