import { firstAtLeast, median, robustOfSorted } from './robust-stats';

/** How a chart learns what a series normally does: from the series' own recent history, robustly. */
export interface BaselineOptions {
  /** Trailing points (before the current one) that estimate its expected value and spread. */
  window: number;
  /** Warm-up: the fewest usable points in the window before the chart judges a point. */
  warmUp: number;
  /**
   * A repeating pattern taken out first, e.g. `{ period: 24, cycles: 7 }` for hourly data: the level expected at a
   * point is the median of the same hour on the previous 7 days (at least half of them present), and the window
   * then estimates the spread of what is left. Without it the level is the window's own robust mean.
   */
  season?: { period: number; cycles: number };
  /** The least spread assumed, in the series' unit (a count that never varied still has counting noise). */
  sdFloor?: number;
}

export interface Expectation {
  expected: number;
  sd: number;
}

/** The seasonal level of each point, or 0 everywhere without a season; null where too few cycles are known. */
function seasonalLevels(values: readonly (number | null)[], season: BaselineOptions['season']): (number | null)[] {
  if (!season) return values.map(() => 0);
  const needed = Math.ceil(season.cycles / 2);
  return values.map((_, t) => {
    const same: number[] = [];
    for (let j = 1; j <= season.cycles; j++) {
      const v = values[t - j * season.period];
      if (v != null) same.push(v);
    }
    return same.length >= needed ? median(same) : null;
  });
}

/** The last `size` values pushed (nulls skipped), kept sorted so each point's robust fit costs O(window). */
class SortedWindow {
  private readonly sorted: number[] = [];
  add(v: number | null): void {
    if (v != null) this.sorted.splice(firstAtLeast(this.sorted, v), 0, v);
  }
  remove(v: number | null): void {
    if (v != null) this.sorted.splice(firstAtLeast(this.sorted, v), 1);
  }
  get values(): readonly number[] {
    return this.sorted;
  }
}

/**
 * What each point was expected to be, judged only from the points before it (so an anomaly never hides itself),
 * or null while the history is too short to say.
 */
export function expectations(values: readonly (number | null)[], options: BaselineOptions): (Expectation | null)[] {
  const levels = seasonalLevels(values, options.season);
  const residuals = values.map((v, t) => (v == null || levels[t] == null ? null : v - levels[t]!));
  const window = new SortedWindow();
  return values.map((_, i) => {
    if (i > 0) window.add(residuals[i - 1]!);
    if (i > options.window) window.remove(residuals[i - 1 - options.window]!);
    const level = levels[i];
    if (level == null || window.values.length < Math.max(2, options.warmUp)) return null;
    const fit = robustOfSorted(window.values)!;
    const sd = Math.max(fit.scale, options.sdFloor ?? 0);
    // With no spread at all and no floor, any departure would be infinitely unusual: say nothing instead.
    return sd > 0 ? { expected: level + fit.location, sd } : null;
  });
}
