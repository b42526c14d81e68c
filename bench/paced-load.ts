import { Agent, request } from 'node:http';

export interface PacedResult {
  /** Latency percentiles in ms, measured from each request's scheduled instant (no coordinated omission). */
  p50: number;
  p99: number;
  max: number;
  achievedRps: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/**
 * An open-loop load at a constant rate, as "p99 at N requests/s" means: request i is due at start + i/rate,
 * whatever happened to the ones before it, and its latency runs from that instant to the end of its answer, so a
 * slow server is charged for the requests it made wait (the wrk2 method). autocannon's rate option instead sends
 * each connection's whole second of requests back to back at the top of every second, which measures a burst of
 * `rate` requests, not a steady rate. Keep-alive connections are reused; a request waits for a free one if all
 * are busy, and that wait counts.
 */
export async function pacedLoad(opts: {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  connections?: number;
}): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections ?? 64 });
  const target = new URL(opts.url);
  const total = Math.round(opts.rate * opts.seconds);
  const intervalMs = 1000 / opts.rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const start = performance.now();

  const send = (due: number): Promise<void> =>
    new Promise((resolve) => {
      const body = opts.body();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...opts.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });

  const inFlight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    // A 1 ms tick sends every request whose instant has come; timers drift, the schedule does not.
    const timer = setInterval(() => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) inFlight.push(send(start + sent++ * intervalMs));
      if (sent >= total) {
        clearInterval(timer);
        done();
      }
    }, 1);
  });
  await Promise.all(inFlight);
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1), achievedRps: Math.round(sorted.length / elapsed), requests: sorted.length, errors, non2xx };
}
