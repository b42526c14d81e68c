import { ejectionChains } from './ejection-chains';
import { EPS, type Gap, type Solution, solutionCost } from './gap';
import { localSearch } from './local-search';

/**
 * "Can one more order fit?" For each order left out (highest penalty first), searches for ANY way to place every
 * assigned order plus this one — a bin-packing question, answered by depth-first search, longest orders first (they
 * are the hard ones), each trying its cheapest technicians first. A packing found is then polished for cost
 * (ejection chains and single moves) and kept only if the total went down.
 *
 * This is the move the other searches cannot make: when a batch is nearly full, letting one more order in can mean
 * reshuffling almost every technician's day, which no chain or small group sees, yet the left-out order's penalty
 * dwarfs the extra travel. Each attempt has a node budget and the deadline is checked between attempts.
 */
const NODES_PER_ATTEMPT = 20_000;

export function fitMore(gap: Gap, start: Solution, deadline: number): Solution {
  const { orderCount, techCount, weight, capacity, penalty, first, pairTech } = gap;
  let solution: Solution = Int32Array.from(start);
  let cost = solutionCost(gap, solution);
  const left = Array.from({ length: orderCount }, (_, o) => o)
    .filter((o) => solution[o]! < 0 && first[o]! < first[o + 1]!)
    .sort((a, b) => penalty[b]! - penalty[a]! || a - b);
  const room = new Float64Array(techCount);
  for (const extra of left) {
    if (performance.now() >= deadline) break;
    if (solution[extra]! >= 0) continue;
    const items: number[] = [extra];
    for (let o = 0; o < orderCount; o++) if (solution[o]! >= 0) items.push(o);
    items.sort((a, b) => weight[b]! - weight[a]! || first[a + 1]! - first[a]! - (first[b + 1]! - first[b]!) || a - b);
    const packed = pack(items);
    if (!packed) continue;
    const polished = localSearch(gap, ejectionChains(gap, packed, deadline), deadline);
    const polishedCost = solutionCost(gap, polished);
    if (polishedCost < cost - EPS) {
      solution = polished;
      cost = polishedCost;
    }
  }
  return solution;

  /** A placement of every item within capacity, or null if none was found within the node budget. */
  function pack(items: readonly number[]): Solution | null {
    room.set(capacity);
    let free = 0;
    for (let t = 0; t < techCount; t++) free += room[t]!;
    // Minutes still to place from item k on: when they exceed all free minutes, the branch is dead.
    const rest = new Float64Array(items.length + 1);
    for (let k = items.length - 1; k >= 0; k--) rest[k] = rest[k + 1]! + weight[items[k]!]!;
    const placed = new Int32Array(orderCount).fill(-1);
    let nodes = 0;
    const place = (k: number): boolean => {
      if (k === items.length) return true;
      if (++nodes > NODES_PER_ATTEMPT || rest[k]! > free + EPS) return false;
      const o = items[k]!;
      const w = weight[o]!;
      for (let p = first[o]!; p < first[o + 1]!; p++) {
        const t = pairTech[p]!;
        if (w > room[t]! + EPS) continue;
        room[t] -= w;
        free -= w;
        placed[o] = p;
        if (place(k + 1)) return true;
        room[t] += w;
        free += w;
        placed[o] = -1;
      }
      return false;
    };
    return place(0) ? placed : null;
  }
}
