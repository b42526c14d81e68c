import type { BaselineOptions } from './baseline';
import type { CusumOptions } from './cusum';
import type { EwmaOptions } from './ewma';

/**
 * The charts' tuning, shared by the scan and the detection-quality test that measures it
 * (tests/unit/anomalies/detection-quality.test.ts). With known parameters these give an in-control average run
 * length of about 560 points (EWMA λ = 0.2, L = 3) and 465 points (two-sided CUSUM k = 0.5, h = 5): roughly two
 * false alarms per 1,000 points, and a 2σ shift seen after about 4 points (Lucas & Saccucci 1990; Montgomery,
 * Introduction to Statistical Quality Control, ch. 9).
 */
export const EWMA_TUNING = { lambda: 0.2, L: 3 } as const satisfies Pick<EwmaOptions, 'lambda' | 'L'>;
export const CUSUM_TUNING = { k: 0.5, h: 5 } as const satisfies Pick<CusumOptions, 'k' | 'h'>;

/**
 * Baseline of the hourly operational series: the hour-of-day level from the last 7 days (arrivals, queue and
 * adherence all follow the working day), and the spread around it from the last 7 days of points, judged once
 * 3 days of them are known.
 */
export const HOURLY_BASELINE: BaselineOptions = { window: 168, warmUp: 72, season: { period: 24, cycles: 7 } };
