import type { BaselineOptions } from './baseline';
import { baselineParameters, standardise, type DetectorFinding, type Series } from './detector';

export interface EwmaOptions extends BaselineOptions {
  /** Weight of the newest point, 0 < λ ≤ 1 (small: remembers longer, sees small shifts sooner). */
  lambda: number;
  /** Width of the control limits in standard deviations of the EWMA statistic. */
  L: number;
}

/**
 * EWMA control chart (Roberts 1959; Lucas & Saccucci 1990) on the standardised series:
 * z_t = λ·u_t + (1 − λ)·z_{t−1}, z_0 = 0, alarm when |z_t| > L·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})) (the exact
 * limits, narrower for the first points after a start). After an alarm the chart restarts from 0, as run-length
 * figures assume, so a shift that persists alarms again rather than once forever.
 */
export function ewmaChart(series: Series, options: EwmaOptions): DetectorFinding[] {
  const { lambda, L } = options;
  if (!(lambda > 0 && lambda <= 1) || !(L > 0)) throw new RangeError('EWMA needs 0 < λ ≤ 1 and L > 0');
  const parameters = { lambda, L, ...baselineParameters(options) };
  const findings: DetectorFinding[] = [];
  let z = 0;
  let t = 0;
  for (const p of standardise(series, options)) {
    t += 1;
    z = lambda * p.u + (1 - lambda) * z;
    const limit = L * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * t)));
    if (Math.abs(z) <= limit) continue;
    findings.push({
      index: p.index, at: series.at[p.index]!, value: p.value, expected: p.expected, sd: p.sd,
      direction: z > 0 ? 'up' : 'down', method: 'ewma', parameters, score: Math.abs(z) / limit,
    });
    z = 0;
    t = 0;
  }
  return findings;
}
