import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';
import { at, HOUR, seeder } from './seed-rows';

// Thursday 5 November 2026, 13:30 in Rivermouth (UTC+1): the latest complete hour is 11:00–12:00 UTC.
const NOW = at('2026-11-05T12:30:00Z');
const FIRST_HOUR = at('2026-11-04T12:00:00Z');
let server: TestServer;
let team = '';

beforeAll(async () => {
  server = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
  team = (server.database.sqlite.prepare(`SELECT team FROM technicians WHERE id = 'tech_0001'`).get() as { team: string }).team;
  const seed = seeder(server);
  const t = (hhmm: string) => at(`2026-11-05T${hhmm}:00Z`);
  // Eastgate: Q1 and Q2 accepted 30 and 10 minutes after dispatch; Q3 waiting since 10:05; Q4 dispatched at
  // 11:15 and back in the queue at 11:45 (acceptance timeout).
  const q1 = seed.order({ region: 'EST', receivedAt: t('09:10'), status: 'accepted', technicianId: 'tech_0001' });
  seed.history(q1, [['created', null, 'new', t('09:10')], ['assigned', 'new', 'assigned', t('09:20')], ['dispatched', 'assigned', 'dispatched', t('09:20')], ['accept', 'dispatched', 'accepted', t('09:50')]]);
  const q2 = seed.order({ region: 'EST', receivedAt: t('09:40'), status: 'accepted', technicianId: 'tech_0001' });
  seed.history(q2, [['created', null, 'new', t('09:40')], ['assigned', 'new', 'assigned', t('10:30')], ['dispatched', 'assigned', 'dispatched', t('10:30')], ['accept', 'dispatched', 'accepted', t('10:40')]]);
  const q3 = seed.order({ region: 'EST', receivedAt: t('10:05'), status: 'new' });
  seed.history(q3, [['created', null, 'new', t('10:05')]]);
  const q4 = seed.order({ region: 'EST', receivedAt: t('11:10'), status: 'new' });
  seed.history(q4, [['created', null, 'new', t('11:10')], ['assigned', 'new', 'assigned', t('11:15')], ['dispatched', 'assigned', 'dispatched', t('11:15')], ['acceptance_timeout', 'dispatched', 'new', t('11:45')]]);
  // Harbour clocks for hourly adherence: K met at 10:20; L due 09:30, missed at 11:15.
  seed.clock({ region: 'HBR', state: 'met', startedAt: t('10:00'), dueAt: t('10:30'), stoppedAt: t('10:20') });
  seed.clock({ region: 'HBR', metric: 'arrival', state: 'missed', startedAt: t('09:00'), dueAt: t('09:30'), stoppedAt: t('11:15') });
});
afterAll(async () => server.stop());

const series = async (query: string) => {
  const response = await api(server.url, `/api/v1/sla/series?${query}`);
  expect(response.status).toBe(200);
  return response.body;
};
const valuesOf = (body: any, label: string) => body.series.find((s: any) => s.label === label).points.map((p: any) => p.value);
/** 24 hourly values, all `fill` but the last four (hours 08–09, 09–10, 10–11 and 11–12 UTC). */
const lastFour = (fill: number | null, tail: (number | null)[]) => [...new Array(20).fill(fill), ...tail];

describe('sla.series', () => {
  it('counts arrivals per complete local hour by received instant', async () => {
    const body = await series('name=arrivals_per_hour&range=24h&groupBy=region');
    expect(body).toMatchObject({ unit: 'orders', timeZone: 'Europe/Amsterdam', from: FIRST_HOUR, to: at('2026-11-05T12:00:00Z'), groupBy: 'region' });
    const eastgate = body.series.find((s: any) => s.label === 'Eastgate');
    expect(eastgate.points.map((p: any) => p.at)).toEqual(Array.from({ length: 24 }, (_, i) => FIRST_HOUR + i * HOUR));
    expect(valuesOf(body, 'Eastgate')).toEqual(lastFour(0, [0, 2, 1, 1]));
    expect(valuesOf(body, 'Harbour')).toEqual(lastFour(0, [0, 1, 1, 0]));
    expect(body.series.map((s: any) => s.label)).toEqual(['Eastgate', 'Harbour']);
  });

  it('replays the queue of unassigned orders at the end of each hour from the order history', async () => {
    // End of 09–10: Q2 waiting (Q1 assigned at 09:20). 10–11: Q3 (Q2 assigned at 10:30). 11–12: Q3 and Q4.
    const body = await series('name=queue_length&range=24h');
    expect(body.series.map((s: any) => s.label)).toEqual(['All']);
    expect(valuesOf(body, 'All')).toEqual(lastFour(0, [0, 1, 1, 2]));
  });

  it('averages the minutes from dispatch to acceptance, by team', async () => {
    const body = await series('name=mean_time_to_accept&range=24h&groupBy=team');
    expect(body.unit).toBe('minutes');
    expect(body.series.map((s: any) => s.label)).toEqual([team]);
    expect(valuesOf(body, team)).toEqual(lastFour(null, [null, 30, 10, null]));
  });

  it('gives hourly adherence, the metrics pooled', async () => {
    // 09–10: L breached at 10:00. 10–11: K met, L breached at 11:00. 11–12: L missed.
    const body = await series('name=adherence&range=24h&groupBy=region');
    expect(valuesOf(body, 'Harbour')).toEqual(lastFour(null, [null, 0, 0.5, 0]));
    const arrivalOnly = await series('name=adherence&range=24h&metric=arrival');
    expect(valuesOf(arrivalOnly, 'All')).toEqual(lastFour(null, [null, 0, 0, 0]));
  });

  it('refuses a metric for a series that has none', async () => {
    const response = await api(server.url, '/api/v1/sla/series?name=queue_length&metric=response');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'metric', message: 'only applies to name=adherence' }]);
  });

  it('spans 7 and 30 days of hours', async () => {
    expect((await series('name=arrivals_per_hour&range=7d')).series[0].points).toHaveLength(168);
    expect((await series('name=arrivals_per_hour&range=30d')).series[0].points).toHaveLength(720);
  });
});
