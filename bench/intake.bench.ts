import { load, startServerProcess } from './load';
import { pacedLoad } from './paced-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CATEGORIES = ['HVAC-FAIL', 'ELEC-OUTAGE', 'LEAK', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'NETWORK-DOWN', 'PREVENTIVE', 'FRIDGE-TEMP'];

/**
 * `npm run bench -- intake`: (a) a bare baseline (fastify + one prepared INSERT into SQLite WAL) and (b) the real
 * intake endpoint with the demo centre (validation, idempotency, generation, SLA, assignment, audit), loaded by
 * the same generator (autocannon, as fast as each allows) for the same time. Then both at a steady 500 requests/s
 * from an open-loop generator (./paced-load: latency from each request's scheduled instant) for the p99.
 */
export async function run(): Promise<Record<string, number>> {
  let counter = 0;
  const request = (sites: { customerId: string; siteId: string }[]) => () => {
    const n = counter++;
    const site = sites[n % sites.length]!;
    return JSON.stringify({
      idempotencyKey: `bench-${process.pid}-${n}`,
      categoryCode: CATEGORIES[n % CATEGORIES.length],
      description: `Benchmark request ${n}: unit reports a fault code and the customer asks for a visit.`,
      customer: { id: site.customerId },
      site: { id: site.siteId },
      errorCodes: ['E42'],
    });
  };

  const baseline = await startServerProcess<{ port: number }>('bench/servers/baseline-server.ts');
  let baselineResult;
  let baselinePaced;
  try {
    process.stderr.write(`baseline: ${SECONDS} s…\n`);
    const url = `http://127.0.0.1:${baseline.info.port}/ingest`;
    baselineResult = await load({ url, headers: {}, body: request([{ customerId: 'c', siteId: 's' }]), seconds: SECONDS, connections: 20 });
    process.stderr.write(`baseline at 500 requests/s: ${SECONDS} s…\n`);
    baselinePaced = await pacedLoad({ url, headers: {}, body: request([{ customerId: 'c', siteId: 's' }]), rate: 500, seconds: SECONDS });
  } finally {
    baseline.child.kill();
  }

  const real = await startServerProcess<{ port: number; token: string; sites: { customerId: string; siteId: string }[] }>('bench/servers/intake-server.ts');
  try {
    const url = `http://127.0.0.1:${real.info.port}/api/v1/service-requests`;
    const headers = { authorization: `Bearer ${real.info.token}` };
    process.stderr.write(`real intake: ${SECONDS} s…\n`);
    const realResult = await load({ url, headers, body: request(real.info.sites), seconds: SECONDS, connections: 20 });
    process.stderr.write(`real intake at 500 requests/s: ${SECONDS} s…\n`);
    const paced = await pacedLoad({ url, headers, body: request(real.info.sites), rate: 500, seconds: SECONDS });
    return {
      baseline_rps: baselineResult.rps,
      rps: realResult.rps,
      ratio: Math.round((realResult.rps / baselineResult.rps) * 1000) / 1000,
      p99_ms_at_500: paced.p99,
      p50_ms_at_500: paced.p50,
      max_ms_at_500: paced.max,
      achieved_rps_at_500: paced.achievedRps,
      baseline_p99_ms_at_500: baselinePaced.p99,
      errors: baselineResult.errors + realResult.errors + paced.errors + baselinePaced.errors,
      non2xx: baselineResult.non2xx + realResult.non2xx + paced.non2xx + baselinePaced.non2xx,
    };
  } finally {
    real.child.kill();
  }
}
