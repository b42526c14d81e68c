import { EPS, type Gap, type Solution } from './gap';

/**
 * Ejection chains (Glover; Yagiura, Ibaraki & Glover's GAP heuristics): take an order out, put it on another
 * technician, and if it does not fit there push one of that technician's orders out in turn, and so on — until the
 * order in hand fits somewhere, or (for an order that was pushed out) is left unassigned. A chain may pass through
 * up to `MAX_DEPTH` technicians, each receiving one order and giving up at most one, and is applied only when its
 * total change is negative, so the search only improves its start.
 *
 * Such chains are the rotations a tight batch needs: every technician near capacity, and a cheaper plan reached only
 * by shifting one job along several technicians at once. Neither single moves nor repacking a few technicians
 * (neighbourhoods.ts) reach a rotation through six of them.
 *
 * The search is depth-first with a gain criterion: a chain is extended only while it could still end below zero,
 * judging the order in hand by its cheapest option anywhere. Each order explores its `BREADTH` cheapest options, and
 * each start has a node budget, and the deadline is checked before every start. "Don't look" flags (as in 2-opt and
 * Lin–Kernighan) skip orders whose search failed until a chain changes one of the technicians they could go to.
 */
const MAX_DEPTH = 10;
const BREADTH = 12;
const NODES_PER_START = 50_000;

export function ejectionChains(gap: Gap, start: Solution, deadline: number): Solution {
  const { orderCount, techCount, weight, capacity, penalty, first, pairTech, pairCost, pairOrder, techFirst, techPairs } = gap;
  const solution = Int32Array.from(start);
  const load = new Float64Array(techCount);
  const members: number[][] = Array.from({ length: techCount }, () => []);
  for (let o = 0; o < orderCount; o++) if (solution[o]! >= 0) attach(o, solution[o]!);
  // A technician that already received an order in the current chain has stamp === epoch.
  const stamp = new Int32Array(techCount);
  let epoch = 0;
  let nodes = 0;
  const dontLook = new Uint8Array(orderCount);
  // Technicians whose load the last applied chain changed.
  const touched: number[] = [];

  for (let improved = true; improved && performance.now() < deadline; ) {
    improved = false;
    for (let o = 0; o < orderCount && performance.now() < deadline; o++) {
      if (dontLook[o] || first[o] === first[o + 1]) continue;
      epoch++;
      nodes = 0;
      touched.length = 0;
      const home = solution[o]!;
      if (home >= 0) detach(o);
      if (!extend(o, home < 0 ? penalty[o]! : pairCost[home]!, 0, 0, false)) {
        if (home >= 0) attach(o, home);
        dontLook[o] = 1;
        continue;
      }
      improved = true;
      if (home >= 0) touched.push(pairTech[home]!);
      for (const t of touched) for (let k = techFirst[t]!; k < techFirst[t + 1]!; k++) dontLook[pairOrder[techPairs[k]!]!] = 0;
    }
  }
  return solution;

  /**
   * Places order `a` (out of the plan, last costing `was`) somewhere, given the chain's change so far `sum`.
   * Returns true with the improving chain applied, or false with the state exactly as on entry.
   */
  function extend(a: number, was: number, sum: number, depth: number, ejected: boolean): boolean {
    if (++nodes > NODES_PER_START) return false;
    if (ejected && sum + penalty[a]! - was < -EPS) return true; // leaving it out already pays
    const w = weight[a]!;
    let tried = 0;
    for (let p = first[a]!; p < first[a + 1]! && tried < BREADTH; p++) {
      const t = pairTech[p]!;
      if (stamp[t] === epoch) continue;
      tried++;
      const change = sum + pairCost[p]! - was;
      if (w <= capacity[t]! - load[t]! + EPS) {
        if (change < -EPS) {
          attach(a, p);
          touched.push(t);
          return true;
        }
        continue;
      }
      if (depth + 1 >= MAX_DEPTH) continue;
      const list = members[t]!;
      for (let i = 0; i < list.length; i++) {
        const b = list[i]!;
        const bp = solution[b]!;
        // b must make enough room, and the chain must still be able to end below zero.
        if (w > capacity[t]! - load[t]! + weight[b]! + EPS) continue;
        if (change + pairCost[first[b]!]! - pairCost[bp]! >= -EPS) continue;
        detach(b);
        attach(a, p);
        stamp[t] = epoch;
        if (extend(b, pairCost[bp]!, change, depth + 1, true)) {
          touched.push(t);
          return true;
        }
        // Undo, putting b back at index i so the scan of this list goes on where it was.
        stamp[t] = 0;
        detach(a);
        solution[b] = bp;
        load[t] += weight[b]!;
        list.splice(i, 0, b);
      }
    }
    return false;
  }

  function attach(o: number, p: number): void {
    solution[o] = p;
    load[pairTech[p]!] += weight[o]!;
    members[pairTech[p]!]!.push(o);
  }

  function detach(o: number): void {
    const t = pairTech[solution[o]!]!;
    load[t] -= weight[o]!;
    const list = members[t]!;
    list.splice(list.indexOf(o), 1);
    solution[o] = -1;
  }
}
