import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../src/core';
import type { MethodOutput } from '../src/shared/contract';
import { SYSTEM_PRINCIPAL } from '../src/shared/roles';
import { startHeadless } from '../src/server/headless';

const BATCH = 10_000;
const BATCHES = 6;

/**
 * Telemetry ingestion over real HTTP: batches of 10,000 NDJSON GPS fixes for the demo centre's technicians, posted
 * one after another; events per second over all batches after one warm-up batch.
 */
export async function measureTelemetry(): Promise<{ events_per_s: number; batch_ms_median: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dcr-bench-telemetry-'));
  const server = await startHeadless({ dataDir, host: '127.0.0.1', port: 0, demo: true, seed: 1, clock: systemClock, logger: silentLogger, version: 'bench', scheduler: false });
  try {
    const { secret } = (await server.core.call('apiKeys.create', { kind: 'integration', name: 'bench', scopes: ['telemetry:write'] }, SYSTEM_PRINCIPAL)) as MethodOutput<'apiKeys.create'>;
    const technicians = (await server.core.call('technicians.list', {}, SYSTEM_PRINCIPAL)) as MethodOutput<'technicians.list'>;
    const start = Date.now() - 3_600_000;
    let n = 0;
    const batch = () =>
      Array.from({ length: BATCH }, () => {
        const i = n++;
        const t = technicians[i % technicians.length]!;
        return JSON.stringify({ eventId: `gps-${i}`, type: 'position', technicianId: t.id, at: new Date(start + i * 10).toISOString(), lat: t.home.lat + (i % 100) * 1e-5, lon: t.home.lon });
      }).join('\n');
    const post = async (body: string) => {
      const response = await fetch(`${server.url}/api/v1/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' }, body });
      const result = (await response.json()) as { succeeded: number };
      if (response.status !== 200 || result.succeeded !== BATCH) throw new Error(`telemetry batch failed: ${response.status}`);
    };
    await post(batch());
    const bodies = Array.from({ length: BATCHES }, batch);
    const times: number[] = [];
    const t0 = performance.now();
    for (const body of bodies) {
      const t = performance.now();
      await post(body);
      times.push(performance.now() - t);
    }
    const seconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    return { events_per_s: Math.round((BATCH * BATCHES) / seconds), batch_ms_median: Math.round(times[Math.floor(times.length / 2)]!) };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureTelemetry());
