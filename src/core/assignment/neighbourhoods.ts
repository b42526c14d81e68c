import { Prng } from '../demo/prng';
import { solvePart } from './exact';
import { EPS, type Gap, type Solution } from './gap';

/**
 * Large-neighbourhood search: repeatedly takes a few technicians that can trade work, pools their orders with the
 * unassigned orders any of them could take, and repacks that pool optimally (exact.ts). Minutes are what make the
 * batch hard — a 240-minute job out may let two 90-minute jobs of higher priority in, which frees another
 * technician for a third — and single moves cannot see such trades; an exact repack of a few technicians sees all
 * of them at once.
 *
 * A neighbourhood is a walk through the "could take the same order" graph: from a starting technician, follow one
 * of the group's orders to another technician it could cheaply go to, and so on, so each group really can exchange
 * work. Every round starts a walk from every technician; after two rounds that find nothing, walks get one
 * technician longer, up to MAX_GROUP.
 *
 * Every applied repack lowers the total, so the search only improves its start. The walks are seeded, so a batch
 * whose search finishes within its time budget always gets the same proposal.
 */
export function repackNeighbourhoods(gap: Gap, start: Solution, price: Float64Array, deadline: number): Solution {
  const { orderCount, techCount, weight, capacity, penalty, first, pairTech, pairCost, pairOrder, techFirst, techPairs } = gap;
  const solution = Int32Array.from(start);
  const members: number[][] = Array.from({ length: techCount }, () => []);
  for (let o = 0; o < orderCount; o++) if (solution[o]! >= 0) members[pairTech[solution[o]!]!]!.push(o);
  const room = new Float64Array(techCount);
  const inPool = new Uint8Array(orderCount);
  const candidates: { o: number; saving: number }[] = [];
  const rng = new Prng(0x5eed);

  for (let size = 2, quiet = 0; size <= MAX_GROUP && performance.now() < deadline; ) {
    let improved = false;
    for (const t0 of rng.shuffle(Array.from({ length: techCount }, (_, t) => t))) {
      if (performance.now() >= deadline) break;
      if (repack(walk(t0, size))) improved = true;
    }
    // Two quiet rounds at a size (walks are random) before trying bigger groups.
    if (improved) quiet = 0;
    else if (++quiet === 2) {
      size++;
      quiet = 0;
    }
  }
  return solution;

  function walk(t0: number, size: number): { group: number[]; pool: number[] } {
    const group = [t0];
    const pool: number[] = [];
    add(t0, pool);
    // Follow orders already on the group to the other technicians they could go to: those are the exchanges a
    // repack can make. Unassigned orders would lead anywhere they are eligible, mostly to nothing useful.
    for (let tries = 0; group.length < size && tries < 4 * size; tries++) {
      const t1 = group[Math.floor(rng.next() * group.length)]!;
      const on = members[t1]!;
      const o = on.length > 0 && rng.chance(0.75) ? rng.pick(on) : pool.length > 0 ? rng.pick(pool) : -1;
      if (o < 0) break;
      // Options are sorted by cost: a technician among the order's cheapest few is one it could really go to.
      const t = pairTech[first[o]! + Math.floor(rng.next() * Math.min(CHEAP_OPTIONS, first[o + 1]! - first[o]!))]!;
      if (group.includes(t)) continue;
      group.push(t);
      add(t, pool);
    }
    for (const o of pool) inPool[o] = 0;
    return { group, pool };
  }

  /**
   * Adds t's orders and the unassigned orders t could take — only the UNASSIGNED_PER_TECH that save the most per
   * minute on t, since an overloaded batch can have dozens per technician and the repack's time grows with the pool.
   */
  function add(t: number, pool: number[]): void {
    for (const o of members[t]!) {
      if (inPool[o]) continue;
      inPool[o] = 1;
      pool.push(o);
    }
    candidates.length = 0;
    for (let k = techFirst[t]!; k < techFirst[t + 1]!; k++) {
      const p = techPairs[k]!;
      const o = pairOrder[p]!;
      if (solution[o]! < 0 && !inPool[o]) candidates.push({ o, saving: (penalty[o]! - pairCost[p]!) / Math.max(weight[o]!, EPS) });
    }
    candidates.sort((a, b) => b.saving - a.saving || a.o - b.o);
    for (const { o } of candidates.slice(0, UNASSIGNED_PER_TECH)) {
      inPool[o] = 1;
      pool.push(o);
    }
  }

  function repack({ group, pool }: { group: number[]; pool: number[] }): boolean {
    if (pool.length === 0) return false;
    let cost = 0;
    const pairs = new Int32Array(pool.length);
    pool.forEach((o, i) => {
      pairs[i] = solution[o]!;
      cost += solution[o]! < 0 ? penalty[o]! : pairCost[solution[o]!]!;
    });
    // Every order on these technicians is in the pool, so each has its whole capacity to give.
    for (const t of group) room[t] = capacity[t]!;
    const result = solvePart(gap, pool, group, room, price, { pairs, cost }, WORK_PER_TECH * group.length);
    if (result.cost >= cost - EPS) return false;
    for (const t of group) members[t]!.length = 0;
    pool.forEach((o, i) => {
      solution[o] = result.pairs[i]!;
      if (result.pairs[i]! >= 0) members[pairTech[result.pairs[i]!]!]!.push(o);
    });
    return true;
  }
}

/** Bigger groups make each repack cost more than the ejection chains and packing searches after it gain. */
const MAX_GROUP = 6;
const UNASSIGNED_PER_TECH = 12;
const CHEAP_OPTIONS = 4;
/** Options a repack may scan per technician in it (exact.ts counts work in options). */
const WORK_PER_TECH = 60_000;
