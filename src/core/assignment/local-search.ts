import { EPS, type Gap, type Solution } from './gap';

/**
 * Descent over a feasible solution: every accepted move keeps all capacities and lowers the total cost, so the result
 * is never worse than the start. Per order, the best of these moves is applied:
 * - assigned order: move it to a cheaper technician with room, or make room there by swapping with one of its
 *   orders or by moving that order on to a third technician (an ejection chain of length two);
 * - unassigned order: put it where it fits, or make room on a technician by sending one of its orders elsewhere,
 *   or by dropping one or two of its orders (worth it when they are of lower priority or shorter).
 * It is the quick polish every construction gets (lagrangian.ts, knapsack-lagrangian.ts): a construction decides
 * roughly who gets which order, these moves repair the packing of minutes. Deeper moves live in ejection-chains.ts.
 */
export function localSearch(gap: Gap, start: Solution, deadline: number): Solution {
  const s = new Search(gap, start);
  for (let improved = true; improved && performance.now() < deadline; ) {
    improved = false;
    for (let o = 0; o < gap.orderCount; o++) if (s.improve(o)) improved = true;
  }
  return s.solution;
}

class Search {
  readonly solution: Solution;
  private readonly load: Float64Array;
  private readonly members: number[][];
  // The best move found for the current order: its delta and up to three (order, new pair or -1) changes.
  private bestDelta = 0;
  private readonly moveOrder = [0, 0, 0];
  private readonly movePair = [0, 0, 0];
  private moveSize = 0;

  constructor(
    private readonly gap: Gap,
    start: Solution,
  ) {
    this.solution = Int32Array.from(start);
    this.load = new Float64Array(gap.techCount);
    this.members = Array.from({ length: gap.techCount }, () => []);
    for (let o = 0; o < gap.orderCount; o++) {
      const p = this.solution[o]!;
      if (p < 0) continue;
      this.load[gap.pairTech[p]!] += gap.weight[o]!;
      this.members[gap.pairTech[p]!]!.push(o);
    }
  }

  improve(o: number): boolean {
    this.bestDelta = -EPS;
    this.moveSize = 0;
    if (this.solution[o]! >= 0) this.assignedMoves(o);
    else this.unassignedMoves(o);
    if (this.moveSize === 0) return false;
    // Remove every moved order first, then add: a swap's capacities hold only as a whole.
    for (let k = 0; k < this.moveSize; k++) this.detach(this.moveOrder[k]!);
    for (let k = 0; k < this.moveSize; k++) this.attach(this.moveOrder[k]!, this.movePair[k]!);
    return true;
  }

  private room(t: number): number {
    return this.gap.capacity[t]! - this.load[t]! + EPS;
  }

  /** Keeps the move if it beats the best so far; positional so the scan allocates nothing. */
  private offer(delta: number, size: number, o0: number, p0: number, o1 = 0, p1 = 0, o2 = 0, p2 = 0): void {
    if (delta >= this.bestDelta) return;
    this.bestDelta = delta;
    this.moveSize = size;
    this.moveOrder[0] = o0;
    this.movePair[0] = p0;
    this.moveOrder[1] = o1;
    this.movePair[1] = p1;
    this.moveOrder[2] = o2;
    this.movePair[2] = p2;
  }

  private assignedMoves(o: number): void {
    const { gap, solution, members } = this;
    const current = solution[o]!;
    const t1 = gap.pairTech[current]!;
    const c1 = gap.pairCost[current]!;
    const w = gap.weight[o]!;
    // Options are sorted by cost, so only the cheaper ones can start an improving move from o: a move whose first
    // step is uphill has a downhill step for the other order, and is found when that order is scanned.
    for (let p = gap.first[o]!; p < gap.first[o + 1]! && gap.pairCost[p]! < c1 - EPS; p++) {
      const t2 = gap.pairTech[p]!;
      const step = gap.pairCost[p]! - c1;
      const room2 = this.room(t2);
      if (w <= room2) this.offer(step, 1, o, p);
      for (const o2 of members[t2]!) {
        const w2 = gap.weight[o2]!;
        if (w - w2 > room2) continue;
        const c2 = gap.pairCost[solution[o2]!]!;
        // o2 makes way: either swapping into o's place, or moving on to a third technician with room.
        const back = gap.pairAt[o2 * gap.techCount + t1]!;
        if (back >= 0 && w2 - w <= this.room(t1)) this.offer(step + gap.pairCost[back]! - c2, 2, o, p, o2, back);
        for (let q = gap.first[o2]!; q < gap.first[o2 + 1]! && step + gap.pairCost[q]! - c2 < this.bestDelta; q++) {
          const t3 = gap.pairTech[q]!;
          if (t3 === t1 || t3 === t2 || w2 > this.room(t3)) continue;
          this.offer(step + gap.pairCost[q]! - c2, 2, o, p, o2, q);
          break;
        }
      }
    }
  }

  private unassignedMoves(o: number): void {
    const { gap, solution, members } = this;
    const w = gap.weight[o]!;
    const penalty = gap.penalty[o]!;
    for (let p = gap.first[o]!; p < gap.first[o + 1]!; p++) {
      const t = gap.pairTech[p]!;
      const gain = gap.pairCost[p]! - penalty;
      const room = this.room(t);
      if (w <= room) {
        this.offer(gain, 1, o, p);
        continue;
      }
      const list = members[t]!;
      for (let i = 0; i < list.length; i++) {
        const a = list[i]!;
        const wa = gap.weight[a]!;
        if (w > room + wa) {
          for (let j = i + 1; j < list.length; j++) {
            const b = list[j]!;
            if (w > room + wa + gap.weight[b]!) continue;
            const freed = gap.penalty[a]! + gap.penalty[b]! - gap.pairCost[solution[a]!]! - gap.pairCost[solution[b]!]!;
            this.offer(gain + freed, 3, o, p, a, -1, b, -1);
          }
          continue;
        }
        const ca = gap.pairCost[solution[a]!]!;
        this.offer(gain + gap.penalty[a]! - ca, 2, o, p, a, -1);
        for (let q = gap.first[a]!; q < gap.first[a + 1]!; q++) {
          const ta = gap.pairTech[q]!;
          if (ta !== t && wa <= this.room(ta)) this.offer(gain + gap.pairCost[q]! - ca, 2, o, p, a, q);
        }
      }
    }
  }

  private detach(o: number): void {
    const p = this.solution[o]!;
    if (p < 0) return;
    const t = this.gap.pairTech[p]!;
    this.load[t] -= this.gap.weight[o]!;
    const list = this.members[t]!;
    list.splice(list.indexOf(o), 1);
    this.solution[o] = -1;
  }

  private attach(o: number, p: number): void {
    this.solution[o] = p;
    if (p < 0) return;
    const t = this.gap.pairTech[p]!;
    this.load[t] += this.gap.weight[o]!;
    this.members[t]!.push(o);
  }
}
