/**
 * Zone rules (UTC offsets and their transitions) read from `Intl`, which in Node ships the full ICU/tzdata set.
 *
 * `Intl` only answers "what is the offset at instant t", so the transitions are found by sampling once a day and
 * bisecting to the second where two samples differ. The result is cached per zone in blocks of 364 days, so every
 * later question is an array lookup. Daily sampling assumes a zone never has two transitions less than a day apart
 * that cancel each other out; tzdata has no such pair in modern times (the shortest real gap, Morocco's Ramadan
 * suspension of DST, lasts weeks).
 */

export const DAY_MS = 86_400_000;
/** Offsets in tzdata stay within ±16 h (LMT included); 26 h is a safe bound for "which local dates can touch t". */
export const MAX_OFFSET_MS = 26 * 3_600_000;

const BLOCK_DAYS = 364;
const BLOCK_MS = BLOCK_DAYS * DAY_MS;

interface BlockRules {
  /** Offset in force at the block's first instant. */
  readonly startOffset: number;
  /** Transition instants inside (start, end], ascending, and the offset from each on. */
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

const OFFSET_RE = /GMT(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

export class Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly blocks = new Map<number, BlockRules>();

  private constructor(readonly timeZone: string) {
    // `longOffset` yields e.g. "GMT+05:45", "GMT-03:30" or "GMT+00:53:28" (LMT): one short string per sample.
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  private static readonly zones = new Map<string, Zone>();

  /** Zones are immutable rules, so one instance per name serves every calendar. Throws RangeError if unknown. */
  static of(timeZone: string): Zone {
    let zone = Zone.zones.get(timeZone);
    if (!zone) {
      zone = new Zone(timeZone);
      Zone.zones.set(timeZone, zone);
    }
    return zone;
  }

  /** Offset (local minus UTC, in ms) at instant `t`. */
  offsetAt(t: number): number {
    const block = this.block(Math.floor(t / BLOCK_MS));
    let offset = block.startOffset;
    for (let i = 0; i < block.at.length && block.at[i] <= t; i++) offset = block.offsets[i];
    return offset;
  }

  /**
   * The pieces of constant offset covering [lo, hi), flat as `[start, end, offset, start, end, offset, …]`.
   * Callers ask for ranges of a few days, so at most two blocks are read.
   */
  segments(lo: number, hi: number): number[] {
    const out: number[] = [];
    let start = lo;
    let offset = this.offsetAt(lo);
    for (let b = Math.floor(lo / BLOCK_MS); b * BLOCK_MS < hi; b++) {
      const block = this.block(b);
      for (let i = 0; i < block.at.length; i++) {
        const at = block.at[i];
        if (at <= lo) continue;
        if (at >= hi) break;
        out.push(start, at, offset);
        start = at;
        offset = block.offsets[i];
      }
    }
    out.push(start, hi, offset);
    return out;
  }

  /** First transition strictly after `t`, or `limit` if there is none before it. */
  nextTransitionAfter(t: number, limit: number): number {
    for (let b = Math.floor(t / BLOCK_MS); b * BLOCK_MS < limit; b++) {
      const block = this.block(b);
      for (const at of block.at) if (at > t) return Math.min(at, limit);
    }
    return limit;
  }

  private block(index: number): BlockRules {
    let rules = this.blocks.get(index);
    if (!rules) {
      rules = this.scanBlock(index * BLOCK_MS);
      this.blocks.set(index, rules);
    }
    return rules;
  }

  private scanBlock(start: number): BlockRules {
    const at: number[] = [];
    const offsets: number[] = [];
    const startOffset = this.sample(start);
    let prevT = start;
    let prevOffset = startOffset;
    for (let day = 1; day <= BLOCK_DAYS; day++) {
      const t = start + day * DAY_MS;
      const offset = this.sample(t);
      if (offset !== prevOffset) {
        // Bisect on whole seconds: tzdata transitions happen on whole seconds.
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.sample(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        // A transition exactly at the block end is kept here (so `nextTransitionAfter` sees it); the next block's
        // `startOffset` already includes it.
        at.push(hi);
        offsets.push(this.sample(hi));
      }
      prevT = t;
      prevOffset = offset;
    }
    return { startOffset, at, offsets };
  }

  private sample(t: number): number {
    const text = this.format.format(t);
    const m = OFFSET_RE.exec(text);
    if (!m) throw new RangeError(`cannot read the UTC offset of ${this.timeZone} from "${text}"`);
    if (!m[1]) return 0;
    const sign = m[1] === '+' ? 1 : -1;
    return sign * ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  }
}
