import { assignBatch, greedyAssign, rankCandidates } from '../src/core/assignment/index';
import { solveBatchWithHighs } from '../src/core/assignment/testing/highs-mip';
import { randomInstance, type InstanceOptions } from '../src/core/assignment/testing/random-instance';

/**
 * `npm run bench -- assignment` (issue 3): single-order ranking p99 with 2,000 technicians, and a batch of 1,000
 * orders × 300 technicians against the exact optimum from HiGHS on the same instance in the same run.
 *
 * Instances (seeded, src/core/assignment/testing/random-instance.ts): technicians and sites within 15 km of a city
 * centre, 8–14 skills each from a catalogue of 20 at levels 1–5, some certificates expired, 2 % unavailable, shifts
 * mostly running now and some starting later, a few vehicles in the workshop; capacities 300–480 min; orders need one
 * or two skills and maybe a vehicle capability, take 30–240 min, have SLA arrival targets by priority.
 * About 60 of the 300 technicians are eligible for a typical order (60,000 candidate pairs).
 * - `batch_*` (the issue's target): a morning plan — days up to 10 % booked, jobs mostly an hour or less — where
 *   demand is 87 % of the usable technicians' free minutes, so every order can be placed but minutes are tight.
 * - `stress_*`: an overloaded centre — days up to half booked, longer jobs, demand 129 % of the free minutes — where
 *   a sixth of the orders cannot be placed and the batch is mostly a packing problem. HiGHS does not solve this one
 *   within minutes, so it is reported against lower bounds only.
 * When HiGHS proves optimality within its time limit, `optimal_cost` is the optimum (`optimal_kind: "mip"`);
 * otherwise it is HiGHS's proven lower bound (`"mip_bound"`, at least as strong as the LP bound), and `gap` overstates
 * the true gap — valid for "≤ 1.01 × optimum" because the optimum is at least the bound. `*_lower_bound` is the
 * engine's own bound (knapsack Lagrangian relaxation), reported for comparison, never used as the reference.
 */
const PRIMARY: InstanceOptions = { seed: 42, orders: 1000, technicians: 300, booked: [0, 0.1] };
const STRESS: InstanceOptions = { seed: 42, orders: 1000, technicians: 300, booked: [0, 0.5], durations: [30, 45, 60, 60, 60, 90, 90, 120, 120, 150, 180, 240] };
const HIGHS_SECONDS = 100;
const STRESS_HIGHS_SECONDS = 40;

export async function run(): Promise<Record<string, number | string>> {
  const single = rankingPercentiles();
  const primary = await batchAgainstHighs(PRIMARY, HIGHS_SECONDS);
  const stress = await batchAgainstHighs(STRESS, STRESS_HIGHS_SECONDS);
  return {
    single_p99_ms: round(single.p99),
    single_p50_ms: round(single.p50),
    single_eligible_avg: round(single.eligible),
    batch_ms: round(primary.ms),
    batch_cost: round(primary.cost),
    optimal_cost: round(primary.reference),
    gap: primary.gap,
    optimal_kind: primary.kind,
    greedy_cost: round(primary.greedy),
    batch_lower_bound: round(primary.lowerBound),
    lp_bound: round(primary.lp),
    highs_seconds: round(primary.highsSeconds),
    unassigned: primary.unassigned,
    stress_batch_ms: round(stress.ms),
    stress_batch_cost: round(stress.cost),
    stress_greedy_cost: round(stress.greedy),
    stress_highs_incumbent: round(stress.incumbent),
    stress_highs_bound: round(stress.reference),
    stress_highs_kind: stress.kind,
    stress_gap_vs_bound: stress.gap,
    stress_batch_lower_bound: round(stress.lowerBound),
    stress_unassigned: stress.unassigned,
  };
}

/** p50/p99 of `rankCandidates` over 1,000 orders against 2,000 technicians, after a warm-up. */
function rankingPercentiles() {
  const { orders, technicians, config } = randomInstance({ seed: 7, orders: 1100, technicians: 2000 });
  for (const order of orders.slice(1000)) rankCandidates(order, technicians, config);
  const times: number[] = [];
  let eligible = 0;
  for (const order of orders.slice(0, 1000)) {
    const started = performance.now();
    const result = rankCandidates(order, technicians, config);
    times.push(performance.now() - started);
    eligible += technicians.length - result.ineligible.length;
  }
  times.sort((a, b) => a - b);
  return { p50: times[499]!, p99: times[989]!, eligible: eligible / 1000 };
}

async function batchAgainstHighs(options: InstanceOptions, highsSeconds: number) {
  const { orders, technicians, config } = randomInstance(options);
  const started = performance.now();
  const batch = assignBatch(orders, technicians, config);
  const ms = performance.now() - started;
  const greedy = greedyAssign(orders, technicians, config).totalCost;
  if (batch.totalCost > greedy + 1e-9) throw new Error('batch worse than greedy');
  const lp = await solveBatchWithHighs(orders, technicians, config, { relaxation: true });
  const mip = await solveBatchWithHighs(orders, technicians, config, { timeLimitSeconds: highsSeconds });
  const reference = mip.status === 'optimal' ? mip.objective : Math.max(mip.bound, lp.objective);
  return {
    ms,
    cost: batch.totalCost,
    greedy,
    lowerBound: batch.lowerBound ?? NaN,
    unassigned: batch.unassigned.length,
    lp: lp.objective,
    incumbent: mip.objective,
    reference,
    kind: mip.status === 'optimal' ? 'mip' : 'mip_bound',
    gap: Number((batch.totalCost / reference - 1).toFixed(5)),
    highsSeconds: mip.seconds,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
