/** Median of a non-empty sample (sorts a copy). */
export function median(values: readonly number[]): number {
  return medianOfSorted(Float64Array.from(values).sort());
}

function medianOfSorted(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 1.4826 × MAD estimates the standard deviation of a normal sample. */
const MAD_TO_SD = 1.4826;
/** Points further than this many robust standard deviations from the median are treated as outliers. */
const OUTLIER_SDS = 3.5;

/**
 * Location and spread of a sample, sorted ascending, that a few outliers (an earlier anomaly, a bank holiday)
 * barely move: the median and MAD find the bulk, then the mean and sample standard deviation of the points within
 * 3.5 robust standard deviations of the median estimate it. The second step keeps nearly the efficiency of the
 * plain mean and standard deviation on clean data, which the MAD alone (37 %) lacks: a noisy spread estimate
 * would inflate the false-alarm rate of every chart built on it. Linear in the sample's size; null below two points.
 */
export function robustOfSorted(sorted: ArrayLike<number>): { location: number; scale: number } | null {
  const n = sorted.length;
  if (n < 2) return null;
  const center = medianOfSorted(sorted);
  const mad = medianDistance(sorted, center) * MAD_TO_SD;
  // A MAD of 0 (e.g. mostly zero counts) cannot say what an outlier is: keep every point.
  const [lo, hi] = mad > 0 ? [firstAtLeast(sorted, center - OUTLIER_SDS * mad), firstAbove(sorted, center + OUTLIER_SDS * mad)] : [0, n];
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += sorted[i]!;
  const mean = sum / (hi - lo);
  let squares = 0;
  for (let i = lo; i < hi; i++) squares += (sorted[i]! - mean) ** 2;
  return { location: mean, scale: hi - lo > 1 ? Math.sqrt(squares / (hi - lo - 1)) : 0 };
}

/** Median of |x − center| over a sorted sample: the distances come out sorted by walking outwards from the center. */
function medianDistance(sorted: ArrayLike<number>, center: number): number {
  const n = sorted.length;
  let right = firstAtLeast(sorted, center);
  let left = right - 1;
  const next = () => (right >= n || (left >= 0 && center - sorted[left]! <= sorted[right]! - center) ? center - sorted[left--]! : sorted[right++]! - center);
  // The ⌈n/2⌉-th smallest distance, and for even n the mean with the one after it.
  let d = 0;
  for (let taken = 0; taken < (n + 1) >> 1; taken++) d = next();
  return n % 2 === 1 ? d : (d + next()) / 2;
}

/** Index of the first element ≥ x (binary search). */
export function firstAtLeast(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAbove(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
