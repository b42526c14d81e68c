import type { BaselineOptions } from './baseline';
import { baselineParameters, standardise, type DetectorFinding, type Series } from './detector';

export interface CusumOptions extends BaselineOptions {
  /** Reference value (allowance) in standard deviations: half the shift the chart is tuned to see fastest. */
  k: number;
  /** Decision interval in standard deviations. */
  h: number;
}

/**
 * Two-sided tabular CUSUM (Page 1954) on the standardised series: S⁺_t = max(0, S⁺_{t−1} + u_t − k),
 * S⁻_t = max(0, S⁻_{t−1} − u_t − k), alarm when either exceeds h; both sums restart from 0 after an alarm.
 */
export function cusumChart(series: Series, options: CusumOptions): DetectorFinding[] {
  const { k, h } = options;
  if (!(k >= 0) || !(h > 0)) throw new RangeError('CUSUM needs k ≥ 0 and h > 0');
  const parameters = { k, h, ...baselineParameters(options) };
  const findings: DetectorFinding[] = [];
  let up = 0;
  let down = 0;
  for (const p of standardise(series, options)) {
    up = Math.max(0, up + p.u - k);
    down = Math.max(0, down - p.u - k);
    if (up <= h && down <= h) continue;
    const direction = up >= down ? 'up' : 'down';
    findings.push({
      index: p.index, at: series.at[p.index]!, value: p.value, expected: p.expected, sd: p.sd,
      direction, method: 'cusum', parameters, score: Math.max(up, down) / h,
    });
    up = 0;
    down = 0;
  }
  return findings;
}
