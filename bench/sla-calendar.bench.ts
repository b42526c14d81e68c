import { createRequire } from 'node:module';
import moment from 'moment';
import type { Calendar } from '../src/shared/schemas/calendar.schema';
import { addBusinessSeconds } from '../src/core/sla';

/**
 * Due-time computations per second: `addBusinessSeconds` against `moment-business-time` on the same 100,000
 * inputs. Both get Mon–Fri 09:00–17:00 with the same holidays, read in UTC (moment-business-time works in the
 * moment's own zone, so moments are created with `moment.utc`). Targets are 1 s … 5 working days in whole seconds
 * and starts whole seconds: on those inputs both libraries define the same due instant (moment-business-time moves
 * a start outside hours to the next opening even for a zero target, hence no zero targets).
 */

const require = createRequire(import.meta.url);
// Untyped CommonJS plugin: it patches the `moment` prototype on load.
require('moment-business-time');
type WorkingMoment = moment.Moment & { addWorkingTime(amount: number, unit: string): WorkingMoment };

const N = 100_000;
const HOLIDAYS = ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20', '2024-10-03',
  '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-31', '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01',
  '2025-05-29', '2025-06-09', '2025-10-03', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31'];
const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];
const calendar: Calendar = {
  timeZone: 'UTC',
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  holidays: HOLIDAYS,
};

/** Deterministic inputs (mulberry32), so every run measures the same work. */
function inputs(): { starts: Float64Array; targets: Float64Array } {
  let seed = 0x5_1a_c0_de;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const from = Date.UTC(2024, 0, 1) / 1000;
  const span = Date.UTC(2025, 11, 1) / 1000 - from;
  const starts = new Float64Array(N);
  const targets = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    starts[i] = (from + Math.floor(random() * span)) * 1000;
    targets[i] = 1 + Math.floor(random() * 5 * 8 * 3600);
  }
  return { starts, targets };
}

function ours(start: number, seconds: number): number {
  return addBusinessSeconds(calendar, new Date(start), seconds).getTime();
}

function peer(start: number, seconds: number): number {
  return (moment.utc(start) as WorkingMoment).addWorkingTime(seconds, 'seconds').valueOf();
}

function timed(fn: (start: number, seconds: number) => number, starts: Float64Array, targets: Float64Array, out?: Float64Array) {
  const t0 = performance.now();
  for (let i = 0; i < starts.length; i++) {
    const due = fn(starts[i], targets[i]);
    if (out) out[i] = due;
  }
  return starts.length / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<Record<string, number>> {
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: ['09:00:00', '17:00:00'], 2: ['09:00:00', '17:00:00'], 3: ['09:00:00', '17:00:00'],
      4: ['09:00:00', '17:00:00'], 5: ['09:00:00', '17:00:00'], 6: null },
    holidays: HOLIDAYS,
  } as moment.LocaleSpecification);
  const { starts, targets } = inputs();
  const warm = (n: number) => [starts.subarray(0, n), targets.subarray(0, n)] as const;

  console.error('sla-calendar: warming up');
  timed(ours, ...warm(20_000));
  timed(peer, ...warm(2_000));

  console.error(`sla-calendar: moment-business-time on ${N} inputs`);
  const expected = new Float64Array(N);
  const peerOps = timed(peer, starts, targets, expected);

  console.error(`sla-calendar: addBusinessSeconds on ${N} inputs, 5 passes`);
  const actual = new Float64Array(N);
  const rates = [timed(ours, starts, targets, actual)];
  for (let pass = 1; pass < 5; pass++) rates.push(timed(ours, starts, targets));
  const opsPerS = rates.sort((a, b) => a - b)[2];

  let mismatches = 0;
  for (let i = 0; i < N; i++) {
    if (actual[i] !== expected[i]) {
      if (mismatches < 5) {
        console.error(`mismatch: start ${new Date(starts[i]).toISOString()} + ${targets[i]} s → ours ` +
          `${new Date(actual[i]).toISOString()}, moment-business-time ${new Date(expected[i]).toISOString()}`);
      }
      mismatches++;
    }
  }
  return {
    ops_per_s: Math.round(opsPerS),
    peer_ops_per_s: Math.round(peerOps),
    ratio: Math.round((opsPerS / peerOps) * 10) / 10,
    mismatches,
  };
}
