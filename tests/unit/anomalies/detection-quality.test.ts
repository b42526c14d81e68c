import { describe, expect, it } from 'vitest';
import { CUSUM_TUNING, cusumChart, EWMA_TUNING, ewmaChart, HOURLY_BASELINE, type BaselineOptions, type DetectorFinding, type Series } from '../../../src/core/anomalies';
import { Prng } from '../../../src/core/demo/prng';
import { syntheticSeries, type Noise } from './synthetic-series';

/**
 * Detection quality of the two charts with the tuning the scan uses, measured on synthetic series whose truth is
 * known: detection delay after level shifts of 1σ, 2σ, 3σ (points from the first shifted point to the first alarm
 * at or after it: 0 = the first shifted point already alarmed; average run length = delay + 1), and false alarms
 * per 1,000 judged points of shift-free series. Baselines are estimated from each series' own history, as in the
 * scan, so estimation error is part of what is measured.
 */

interface Scenario {
  name: string;
  noise: Noise;
  season: number;
  baseline: BaselineOptions;
}

const TRAILING: BaselineOptions = { window: 168, warmUp: 72 };
const SCENARIOS: Scenario[] = [
  { name: 'gaussian, stationary', noise: 'gaussian', season: 0, baseline: TRAILING },
  { name: 'poisson λ=20, stationary', noise: 'poisson', season: 0, baseline: TRAILING },
  { name: 'gaussian, daily swing ±3σ', noise: 'gaussian', season: 3, baseline: HOURLY_BASELINE },
];

const METHODS = {
  ewma: (s: Series, baseline: BaselineOptions) => ewmaChart(s, { ...EWMA_TUNING, ...baseline }),
  cusum: (s: Series, baseline: BaselineOptions) => cusumChart(s, { ...CUSUM_TUNING, ...baseline }),
} satisfies Record<string, (s: Series, b: BaselineOptions) => DetectorFinding[]>;
type Method = keyof typeof METHODS;

/** Where charts are fully warmed up: the seasonal baseline needs 7 days of levels plus its window. */
const SHIFT_AT = 24 * 7 + 168;
const HORIZON = 100;
const REPLICATIONS = 200;
const FREE_SERIES = 20;
const FREE_LENGTH = SHIFT_AT + 5000;

function meanDelay(method: Method, scenario: Scenario, sigmas: number, seed: number): { mean: number; missed: number } {
  const rng = new Prng(seed);
  let total = 0;
  let missed = 0;
  for (let r = 0; r < REPLICATIONS; r++) {
    const sign = r % 2 === 0 ? 1 : -1;
    const series = syntheticSeries(rng, { length: SHIFT_AT + HORIZON, noise: scenario.noise, season: scenario.season, shift: { at: SHIFT_AT, sigmas: sign * sigmas } });
    const first = METHODS[method](series, scenario.baseline).find((f) => f.index >= SHIFT_AT);
    if (!first) missed += 1;
    total += first ? first.index - SHIFT_AT : HORIZON;
  }
  return { mean: total / REPLICATIONS, missed };
}

function falseAlarmsPer1000(method: Method, scenario: Scenario, seed: number): number {
  const rng = new Prng(seed);
  let alarms = 0;
  let judged = 0;
  for (let r = 0; r < FREE_SERIES; r++) {
    const series = syntheticSeries(rng, { length: FREE_LENGTH, noise: scenario.noise, season: scenario.season });
    // Judged points: those after the warm-up of the slowest baseline, counted the same way for every method.
    alarms += METHODS[method](series, scenario.baseline).filter((f) => f.index >= SHIFT_AT).length;
    judged += FREE_LENGTH - SHIFT_AT;
  }
  return (alarms / judged) * 1000;
}

describe('anomaly detection quality on synthetic series', () => {
  it('finds 2σ and 3σ level shifts within a few points, with few false alarms', () => {
    const rows: Record<string, string | number>[] = [];
    SCENARIOS.forEach((scenario, s) => {
      for (const method of Object.keys(METHODS) as Method[]) {
        const seed = 1000 * (s + 1) + (method === 'ewma' ? 0 : 500);
        const [d1, d2, d3] = [1, 2, 3].map((sigmas) => meanDelay(method, scenario, sigmas, seed + sigmas));
        const falseAlarms = falseAlarmsPer1000(method, scenario, seed);
        rows.push({
          scenario: scenario.name, method,
          'delay 1σ': d1!.mean.toFixed(2), 'delay 2σ': d2!.mean.toFixed(2), 'delay 3σ': d3!.mean.toFixed(2),
          'missed 1σ/2σ/3σ': `${d1!.missed}/${d2!.missed}/${d3!.missed}`, 'false alarms /1000': falseAlarms.toFixed(2),
        });
        expect(d3!.mean, `${method}, ${scenario.name}, 3σ`).toBeLessThanOrEqual(3);
        expect(d2!.mean, `${method}, ${scenario.name}, 2σ`).toBeLessThanOrEqual(6);
        expect(falseAlarms, `${method}, ${scenario.name}, false alarms`).toBeLessThanOrEqual(5);
        expect(d2!.missed + d3!.missed).toBe(0);
      }
    });
    console.log(`Detection delay (points after the shift, ${REPLICATIONS} shifts each) and false alarms (${FREE_SERIES} × 5,000 points)`);
    console.table(rows);
  }, 120_000);
});
