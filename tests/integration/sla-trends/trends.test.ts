import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';
import { at, HOUR, seeder } from './seed-rows';

// Thursday 5 November 2026, 13:30 in Rivermouth (CET, UTC+1; summer time ended on 25 October).
const NOW = at('2026-11-05T12:30:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
  const seed = seeder(server);
  // North Bank, response (P1 targets, 24x7): A met, B missed at 11:15, C still running past 11:40, D cancelled,
  // E met exactly at its due instant.
  seed.clock({ region: 'NTH', state: 'met', startedAt: at('2026-11-05T10:00:00Z'), dueAt: at('2026-11-05T10:30:00Z'), stoppedAt: at('2026-11-05T10:20:00Z') });
  seed.clock({ region: 'NTH', state: 'missed', startedAt: at('2026-11-05T09:00:00Z'), dueAt: at('2026-11-05T09:30:00Z'), stoppedAt: at('2026-11-05T11:15:00Z') });
  seed.clock({ region: 'NTH', state: 'breached', startedAt: at('2026-11-05T11:00:00Z'), dueAt: at('2026-11-05T11:40:00Z') });
  seed.clock({ region: 'NTH', state: 'cancelled', startedAt: at('2026-11-05T08:00:00Z'), dueAt: at('2026-11-05T08:30:00Z'), stoppedAt: at('2026-11-05T09:10:00Z') });
  seed.clock({ region: 'NTH', state: 'met', startedAt: at('2026-11-05T11:00:00Z'), dueAt: at('2026-11-05T11:30:00Z'), stoppedAt: at('2026-11-05T11:30:00Z') });
  // Old Town: F (arrival) missed at 01:10 after its 22:00 due; G met on 1 November; H paused past its 05:00 due.
  seed.clock({ region: 'OLD', metric: 'arrival', state: 'missed', startedAt: at('2026-11-04T20:00:00Z'), dueAt: at('2026-11-04T22:00:00Z'), stoppedAt: at('2026-11-05T01:10:00Z') });
  seed.clock({ region: 'OLD', state: 'met', startedAt: at('2026-11-01T10:00:00Z'), dueAt: at('2026-11-01T10:30:00Z'), stoppedAt: at('2026-11-01T10:10:00Z') });
  seed.clock({ region: 'OLD', state: 'paused', startedAt: at('2026-11-05T04:00:00Z'), dueAt: at('2026-11-05T05:00:00Z') });
  // J (resolution, North Bank) missed on 20 October, in summer time: due 06:15 UTC is 08:15 local.
  seed.clock({ region: 'NTH', metric: 'resolution', state: 'missed', startedAt: at('2026-10-20T02:15:00Z'), dueAt: at('2026-10-20T06:15:00Z'), stoppedAt: at('2026-10-20T09:00:00Z') });
});
afterAll(async () => server.stop());

const zeros = (n: number) => Array.from({ length: n }, () => [0, 0, 0]);
const counts = (buckets: any[]) => buckets.map((b) => [b.met, b.missed, b.breached]);

describe('sla.trends', () => {
  it('buckets 24 local hours, the last one up to now, each counted by the adherence rule', async () => {
    const response = await api(server.url, '/api/v1/sla/trends?range=24h&metric=response');
    expect(response.status).toBe(200);
    const { bucket, timeZone, from, to, results } = response.body;
    expect([bucket, timeZone, from, to]).toEqual(['hour', 'Europe/Amsterdam', at('2026-11-04T13:00:00Z'), NOW]);
    const buckets = results[0].buckets;
    expect(buckets.map((b: any) => b.start)).toEqual(Array.from({ length: 24 }, (_, i) => from + i * HOUR));
    expect(buckets[23]).toMatchObject({ start: at('2026-11-05T12:00:00Z'), end: NOW });
    // Bucket i starts at 13:00 UTC on the 4th + i hours: 16 is 05:00–06:00 UTC on the 5th.
    // H is breached at every end after 05:00; B at 10:00 and 11:00, then missed in 11–12; A met in 10–11; C
    // breached at 12:00 and at now; E met in 11–12 (at its due instant: met, not breached); D never counts.
    expect(counts(buckets)).toEqual([...zeros(16), [0, 0, 1], [0, 0, 1], [0, 0, 1], [0, 0, 1], [0, 0, 2], [1, 0, 2], [1, 1, 2], [0, 0, 2]]);
    expect(buckets.slice(19).map((b: any) => b.adherence)).toEqual([0, 0, 0.3333, 0.25, 0]);
    expect(buckets[0].adherence).toBeNull();
  });

  it('gives every metric, and per group the same counts split', async () => {
    const all = await api(server.url, '/api/v1/sla/trends?range=24h');
    const arrival = all.body.results.find((r: any) => r.metric === 'arrival');
    // F: breached at 23:00, 00:00 and 01:00 UTC (buckets 9–11), missed at 01:10 (bucket 12).
    expect(counts(arrival.buckets)).toEqual([...zeros(9), [0, 0, 1], [0, 0, 1], [0, 0, 1], [0, 1, 0], ...zeros(11)]);
    expect(counts(all.body.results.find((r: any) => r.metric === 'resolution').buckets)).toEqual(zeros(24));

    const grouped = await api(server.url, '/api/v1/sla/trends?range=24h&metric=response&groupBy=region');
    const groups = grouped.body.results[0].groups;
    expect(groups.map((g: any) => [g.key, g.label])).toEqual([['reg_nth', 'North Bank'], ['reg_old', 'Old Town']]);
    expect(counts(groups[0].buckets)).toEqual([...zeros(20), [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]);
    expect(counts(groups[1].buckets)).toEqual([...zeros(16), ...Array.from({ length: 8 }, () => [0, 0, 1])]);
  });

  it('agrees with sla.adherence asked for each bucket on its own', async () => {
    const { buckets } = (await api(server.url, '/api/v1/sla/trends?range=24h&metric=response')).body.results[0];
    for (const b of buckets) {
      const period = `from=${new Date(b.start).toISOString()}&to=${new Date(b.end).toISOString()}`;
      const single = (await api(server.url, `/api/v1/sla/adherence?${period}&metric=response`)).body.results[0].overall;
      expect(single, new Date(b.start).toISOString()).toEqual({ met: b.met, missed: b.missed, breached: b.breached, adherence: b.adherence });
    }
  });

  it('buckets 7 local days from local midnight', async () => {
    const response = await api(server.url, '/api/v1/sla/trends?range=7d');
    const { bucket, from, results } = response.body;
    expect(bucket).toBe('day');
    const starts = ['10-29', '10-30', '10-31', '11-01', '11-02', '11-03', '11-04'].map((d) => at(`2026-${d}T23:00:00Z`));
    expect(results[0].buckets.map((b: any) => b.start)).toEqual(starts);
    expect(from).toBe(starts[0]);
    const byMetric = Object.fromEntries(results.map((r: any) => [r.metric, r.buckets]));
    // 1 Nov: G met. 5 Nov (up to now): A and E met, B missed, C and H breached at now.
    expect(counts(byMetric.response)).toEqual([[0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [2, 1, 2]]);
    expect(byMetric.response.map((b: any) => b.adherence)).toEqual([null, null, 1, null, null, null, 0.4]);
    // F: breached at the end of 4 Nov (23:00 UTC), missed on 5 Nov.
    expect(counts(byMetric.arrival)).toEqual([...zeros(5), [0, 0, 1], [0, 1, 0]]);
  });

  it('refuses a range it does not know', async () => {
    const response = await api(server.url, '/api/v1/sla/trends?range=2h');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('range');
  });
});

describe('sla.breachHeatmap', () => {
  const cells = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.label, r.hours.flatMap((n: number, h: number) => (n > 0 ? [`${h}:${n}`] : []))]));

  it('counts breaches by region and local hour of their due instant', async () => {
    const response = await api(server.url, '/api/v1/sla/breach-heatmap?range=7d');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ range: '7d', timeZone: 'Europe/Amsterdam', from: at('2026-10-29T23:00:00Z'), to: NOW, total: 4, max: 1 });
    // B due 09:30 UTC = 10:30 local, C 11:40 = 12:40, H 05:00 = 06:00, F 22:00 = 23:00. Every region has a row.
    expect(cells(response.body.rows)).toEqual({ Eastgate: [], Harbour: [], 'North Bank': ['10:1', '12:1'], 'Old Town': ['6:1', '23:1'], Southmead: [], Westfield: [] });
    expect(response.body.rows.find((r: any) => r.label === 'Old Town')).toMatchObject({ key: 'reg_old', total: 2 });
  });

  it('reads summer-time hours in summer time, and filters by metric', async () => {
    const month = await api(server.url, '/api/v1/sla/breach-heatmap?range=30d');
    // J: due 06:15 UTC on 20 October, 08:15 in summer time.
    expect(month.body).toMatchObject({ from: at('2026-10-06T22:00:00Z'), total: 5 });
    expect(cells(month.body.rows)['North Bank']).toEqual(['8:1', '10:1', '12:1']);
    const arrival = await api(server.url, '/api/v1/sla/breach-heatmap?range=7d&metric=arrival');
    expect(arrival.body.total).toBe(1);
    expect(cells(arrival.body.rows)['Old Town']).toEqual(['23:1']);
  });
});
