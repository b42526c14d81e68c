/**
 * The next instant at which each clock needs attention (a warning threshold or its breach), in a binary min-heap,
 * so a tick costs O(1) when nothing is due and O(k log n) for k due clocks: never a scan of the running clocks.
 *
 * One pending instant per clock. Rescheduling or cancelling does not search the heap: the old entry stays and
 * is recognised as stale when it surfaces (its instant no longer matches the clock's pending one), and the heap
 * is rebuilt once stale entries outnumber live ones, so memory stays within twice the live count.
 */
export class ClockScheduler {
  private instants: number[] = [];
  private ids: string[] = [];
  private readonly pending = new Map<string, number>();
  /** Heap entries taken off so far, stale ones included: what a tick actually touched. */
  popped = 0;

  /** Clocks with a pending instant. */
  get size(): number {
    return this.pending.size;
  }

  /** Replaces whatever was pending for `id`. */
  schedule(id: string, at: number): void {
    if (this.pending.get(id) === at) return;
    this.pending.set(id, at);
    this.push(at, id);
    if (this.instants.length > 2 * this.pending.size + 1024) this.rebuild();
  }

  cancel(id: string): void {
    this.pending.delete(id);
  }

  /** Replaces the whole content in O(n) (start-up), rather than n pushes. */
  load(entries: Iterable<readonly [id: string, at: number]>): void {
    this.pending.clear();
    for (const [id, at] of entries) this.pending.set(id, at);
    this.rebuild();
  }

  /** The earliest pending instant, or null when nothing is pending. */
  nextAt(): number | null {
    this.dropStaleTop();
    return this.instants.length > 0 ? this.instants[0]! : null;
  }

  /** Removes and returns the clocks whose pending instant is at or before `now`, earliest first. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    while (this.instants.length > 0 && this.instants[0]! <= now) {
      const [at, id] = this.pop();
      if (this.pending.get(id) !== at) continue;
      this.pending.delete(id);
      due.push(id);
    }
    return due;
  }

  private dropStaleTop(): void {
    while (this.instants.length > 0 && this.pending.get(this.ids[0]!) !== this.instants[0]) this.pop();
  }

  private rebuild(): void {
    this.instants = [];
    this.ids = [];
    for (const [id, at] of this.pending) {
      this.instants.push(at);
      this.ids.push(id);
    }
    // Floyd's heap construction: sift down every inner node, O(n).
    for (let i = (this.instants.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private push(at: number, id: string): void {
    this.instants.push(at);
    this.ids.push(id);
    let i = this.instants.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.instants[parent]! <= at) break;
      this.move(parent, i);
      i = parent;
    }
    this.instants[i] = at;
    this.ids[i] = id;
  }

  private pop(): [number, string] {
    this.popped++;
    const top: [number, string] = [this.instants[0]!, this.ids[0]!];
    const lastAt = this.instants.pop()!;
    const lastId = this.ids.pop()!;
    if (this.instants.length > 0) {
      this.instants[0] = lastAt;
      this.ids[0] = lastId;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const n = this.instants.length;
    const at = this.instants[start]!;
    const id = this.ids[start]!;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.instants[child + 1]! < this.instants[child]!) child++;
      if (this.instants[child]! >= at) break;
      this.move(child, i);
      i = child;
    }
    this.instants[i] = at;
    this.ids[i] = id;
  }

  private move(from: number, to: number): void {
    this.instants[to] = this.instants[from]!;
    this.ids[to] = this.ids[from]!;
  }
}
