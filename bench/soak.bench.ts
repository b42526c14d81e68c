import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { startServerProcess } from './load';

/**
 * `npm run bench -- soak`: a busy hour of a 200-technician centre for BENCH_SECONDS (default 600) on loopback —
 * intake, GPS telemetry in NDJSON batches, dispatchers' board reads and wall displays on the event stream with
 * their periodic queries. Reports errors, p99 latency per kind and the server's memory: RSS after warm-up against
 * RSS at the end (target: under 10 % growth).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const WARM_UP_S = Math.min(60, SECONDS / 5);
const CATEGORIES = ['HVAC-FAIL', 'ELEC-OUTAGE', 'LEAK', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'NETWORK-DOWN', 'PREVENTIVE', 'FRIDGE-TEMP'];

interface Info {
  port: string;
  pid: number;
  intakeToken: string;
  telemetryToken: string;
  boardToken: string;
  displayToken: string;
  technicians: string[];
  sites: { customerId: string; siteId: string }[];
}

class Stats {
  readonly latencies = new Map<string, number[]>();
  errors = 0;
  requests = 0;
  record(kind: string, ms: number, ok: boolean): void {
    this.requests++;
    if (!ok) this.errors++;
    (this.latencies.get(kind) ?? this.latencies.set(kind, []).get(kind)!).push(ms);
  }
  p99(kind: string): number {
    const sorted = [...(this.latencies.get(kind) ?? [])].sort((a, b) => a - b);
    return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]! * 10) / 10 : 0;
  }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function run(): Promise<Record<string, number>> {
  const { info, child } = await startServerProcess<Info>('bench/servers/soak-server.ts');
  const base = `http://127.0.0.1:${info.port}/api/v1`;
  const stats = new Stats();
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, job: () => Promise<void>) => timers.push(setInterval(() => void job(), ms));
  const timed = async (kind: string, url: string, token: string, init: RequestInit = {}) => {
    const started = performance.now();
    try {
      const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
      await response.arrayBuffer();
      stats.record(kind, performance.now() - started, response.ok);
    } catch {
      stats.record(kind, performance.now() - started, false);
    }
  };

  let n = 0;
  let tick = 0;
  every(500, () => {
    const i = n++;
    const site = info.sites[i % info.sites.length]!;
    const body = JSON.stringify({ idempotencyKey: `soak-${i}`, categoryCode: CATEGORIES[i % CATEGORIES.length], description: `Soak request ${i}`, customer: { id: site.customerId }, site: { id: site.siteId } });
    return timed('intake', `${base}/service-requests`, info.intakeToken, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  });
  every(1000, () => {
    // Each technician's phone reports every 15 s: a fifteenth of them per second, one NDJSON batch.
    const t = tick++;
    const now = Date.now();
    const lines = info.technicians
      .filter((_, k) => k % 15 === t % 15)
      .map((id, k) => JSON.stringify({ eventId: `soak-${t}-${id}`, type: 'position', technicianId: id, at: new Date(now).toISOString(), lat: 52.3 + ((t + k) % 50) * 0.002, lon: 4.85 + ((t * 3 + k) % 50) * 0.002 }));
    return timed('telemetry', `${base}/telemetry`, info.telemetryToken, { method: 'POST', body: lines.join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  });
  for (let d = 0; d < 10; d++) {
    every(5000 + d * 37, () => timed('board', `${base}/work-orders?status=new,assigned,dispatched,accepted,en_route,on_site,on_hold&limit=200`, info.boardToken));
    every(10_000 + d * 53, () => timed('board', `${base}/technicians`, info.boardToken));
  }
  let eventsReceived = 0;
  const sockets = Array.from({ length: 4 }, () => {
    const socket = new WebSocket(`ws://127.0.0.1:${info.port}/api/v1/events`);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: info.displayToken })));
    socket.on('message', () => eventsReceived++);
    socket.on('error', () => stats.errors++);
    return socket;
  });
  for (let w = 0; w < 4; w++) {
    every(15_000 + w * 71, async () => {
      const to = new Date().toISOString();
      const from = new Date(Date.now() - 86_400_000).toISOString();
      await Promise.all([
        timed('wall', `${base}/sla/adherence?from=${from}&to=${to}`, info.displayToken),
        timed('wall', `${base}/sla/at-risk`, info.displayToken),
        timed('wall', `${base}/alerts?status=open`, info.displayToken),
      ]);
    });
  }

  const samples: { at: number; mb: number }[] = [];
  const started = Date.now();
  every(5000, async () => void samples.push({ at: (Date.now() - started) / 1000, mb: rssMb(info.pid) }));
  process.stderr.write(`soak: ${SECONDS} s of mixed load…\n`);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const socket of sockets) socket.close();
  child.kill();

  const afterWarmUp = mean(samples.filter((s) => s.at >= WARM_UP_S && s.at < WARM_UP_S + 60).map((s) => s.mb));
  const atEnd = mean(samples.filter((s) => s.at >= SECONDS - 60).map((s) => s.mb));
  return {
    seconds: SECONDS,
    requests: stats.requests,
    errors: stats.errors,
    events_received: eventsReceived,
    rss_after_warm_up_mb: Math.round(afterWarmUp),
    rss_end_mb: Math.round(atEnd),
    rss_growth_pct: Math.round(((atEnd - afterWarmUp) / afterWarmUp) * 1000) / 10,
    p99_ms_intake: stats.p99('intake'),
    p99_ms_telemetry: stats.p99('telemetry'),
    p99_ms_board: stats.p99('board'),
    p99_ms_wall: stats.p99('wall'),
  };
}
