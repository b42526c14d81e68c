import type { Prng } from '../../../src/core/demo/prng';

/** Standard normal variate by Box–Muller (one of the pair; the generator is cheap). */
export function gaussian(rng: Prng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Poisson variate by Knuth's product of uniforms (fine for means up to a few dozen). */
export function poisson(rng: Prng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

export type Noise = 'gaussian' | 'poisson';

export interface SeriesSpec {
  length: number;
  noise: Noise;
  /** Daily swing of the level (hourly points, period 24), in standard deviations of the noise; 0 for none. */
  season: number;
  /** A level shift of `sigmas` standard deviations from point `at` on (negative: downwards). */
  shift?: { at: number; sigmas: number };
}

const POISSON_MEAN = 20;

/**
 * A noisy series with known truth: Gaussian noise around 100 with σ = 1, or Poisson counts around 20 (σ = √20),
 * an optional daily pattern, and an optional level shift at a known point.
 */
export function syntheticSeries(rng: Prng, spec: SeriesSpec): { at: number[]; values: number[] } {
  const at = Array.from({ length: spec.length }, (_, i) => i * 3_600_000);
  const values = at.map((_, i) => {
    const sigma = spec.noise === 'gaussian' ? 1 : Math.sqrt(POISSON_MEAN);
    const daily = spec.season * sigma * Math.sin((2 * Math.PI * i) / 24);
    const shift = spec.shift && i >= spec.shift.at ? spec.shift.sigmas * sigma : 0;
    return spec.noise === 'gaussian' ? 100 + daily + shift + gaussian(rng) : poisson(rng, Math.max(0, POISSON_MEAN + daily + shift));
  });
  return { at, values };
}
