import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { scanForAnomalies } from '../../../src/core/anomalies';
import { anomalyAlertJob } from '../../../src/core/anomalies/anomaly-alerts';
import { api, startTestServer, type TestServer } from '../helpers/test-server';
import { at, HOUR, MIN, seeder } from './seed-rows';

// Wednesday 25 November 2026, 10:20 in Rivermouth (UTC+1): the latest complete hour is 08:00–09:00 UTC.
const NOW = at('2026-11-25T09:20:00Z');
const HOURS = 14 * 24;
const FIRST_HOUR = at('2026-11-25T09:00:00Z') - HOURS * HOUR;
const LATEST = HOURS - 1;
let server: TestServer;

/** North Bank's usual arrivals: 3, 4, 5 orders in turn, so the same hour of day always has the same count. */
const usual = (hour: number) => 3 + (hour % 3);

beforeAll(async () => {
  server = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
  const seed = seeder(server);
  seed.bulk(() => {
    for (let h = 0; h < HOURS; h++) {
      // The latest hour brings 20 instead of 5 (335 % 3 = 2).
      const count = h === LATEST ? 20 : usual(h);
      for (let k = 0; k < count; k++) seed.order({ region: 'NTH', receivedAt: FIRST_HOUR + h * HOUR + k * MIN });
    }
    // Eastgate had one burst 30 hours ago (assigned to a technician, so its team is not "Unassigned"):
    // an alarm then, history now.
    for (let k = 0; k < 20; k++) seed.order({ region: 'EST', receivedAt: FIRST_HOUR + (LATEST - 30) * HOUR + k * MIN, technicianId: 'tech_0002' });
  });
});
afterAll(async () => server.stop());

describe('anomaly scan', () => {
  it('flags the latest hour of a series that left its own recent behaviour, naming method and parameters', async () => {
    const response = await api(server.url, '/api/v1/anomalies');
    expect(response.status).toBe(200);
    expect(response.body.now).toBe(NOW);
    const findings = response.body.findings;
    // Seasonal level at 08:00 UTC: 5 on each of the last 7 days; no spread around it, so the floor of 1 order.
    // EWMA: z = 0.2 × (20 − 5) / 1 = 3 against a limit of 3·√(0.2/1.8) = 1 (score 3); CUSUM: S⁺ = 15 − 0.5 = 14.5 > 5.
    expect(findings.map((f: any) => f.message)).toEqual([
      'Arrivals per hour in region North Bank: 20 vs expected 5 ± 1 (EWMA λ=0.2, L=3σ)',
      'Arrivals per hour in team Unassigned: 20 vs expected 5 ± 1 (EWMA λ=0.2, L=3σ)',
      'Arrivals per hour in region North Bank: 20 vs expected 5 ± 1 (CUSUM k=0.5σ, h=5σ)',
      'Arrivals per hour in team Unassigned: 20 vs expected 5 ± 1 (CUSUM k=0.5σ, h=5σ)',
    ]);
    expect(findings[0]).toMatchObject({
      series: 'arrivals_per_hour', groupBy: 'region', key: 'reg_nth', label: 'North Bank', at: at('2026-11-25T08:00:00Z'),
      value: 20, expected: 5, sd: 1, direction: 'up', method: 'ewma',
      parameters: { lambda: 0.2, L: 3, window: 168, warmUp: 72, period: 24, cycles: 7, sdFloor: 1 },
    });
    expect(findings[0].score).toBeCloseTo(3, 6);
    expect(findings[2]).toMatchObject({ method: 'cusum', parameters: { k: 0.5, h: 5, window: 168, warmUp: 72, period: 24, cycles: 7, sdFloor: 1 } });
    expect(findings[2].score).toBeCloseTo(2.9, 6);
  });

  it('raises one alert per series, group and hour that names its method, once however often the jobs run', async () => {
    // The core runs this job with the others; its first run was at start-up, before this test seeded the orders.
    const job = anomalyAlertJob(server.core.deps);
    expect(await job()).toBe(2);
    expect(await job()).toBe(0);
    const alerts = (await api(server.url, '/api/v1/alerts')).body.items.filter((a: any) => a.kind === 'anomaly');
    // Both charts agree on each departure: one alert each for the region and the team, the stronger method's message.
    expect(alerts.map((a: any) => a.message).sort()).toEqual([
      'Arrivals per hour in region North Bank: 20 vs expected 5 ± 1 (EWMA λ=0.2, L=3σ)',
      'Arrivals per hour in team Unassigned: 20 vs expected 5 ± 1 (EWMA λ=0.2, L=3σ)',
    ]);
    expect(alerts[0]).toMatchObject({ severity: 'critical', title: expect.stringMatching(/^Anomaly in (region North Bank|team Unassigned)$/) });
  });

  it('reports nothing once the series is back to normal', async () => {
    // An hour later the 09:00 hour (usual count 3) has had no orders at all. The burst, now in the window, widens
    // the spread (all other residuals are 0, so nothing marks it as an outlier): expected 3.09 ± 1.16, u = −2.67.
    // Both charts restarted after their alarm: EWMA z = −0.53 within its first-point limit of 0.6, CUSUM
    // S⁻ = 2.17 < 5. And the burst itself is no longer the latest point.
    const later = await scanForAnomalies(server.core.deps, NOW + HOUR);
    expect(later).toEqual([]);
  });

  it('is read-only and closed to technicians', async () => {
    const login = await api(server.url, '/api/v1/auth/login', { body: { username: 'tech', password: 'demo-tech' } });
    expect(login.status).toBe(200);
    const response = await api(server.url, '/api/v1/anomalies', { token: login.body.token });
    expect(response.status).toBe(403);
  });
});
