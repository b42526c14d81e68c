import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

// Wednesday 25 November 2026, 10:00 in Rivermouth: the day shift is on.
const T0 = Date.parse('2026-11-25T09:00:00Z');
const MIN = 60_000;
const clock = new ManualClock(T0);
let server: TestServer;
const ids: Record<string, string> = {};

const create = async (key: string) =>
  (
    await api(server.url, '/api/v1/service-requests', {
      body: {
        idempotencyKey: key,
        categoryCode: 'ELEC-OUTAGE',
        priority: 'P1',
        description: `Outage ${key}`,
        customer: { externalId: `ADH-${key}`, name: `Adherence ${key}` },
        site: { externalId: `ADH-${key}-1`, name: 'Main', address: 'Stroomweg 1', lat: 52.37, lon: 4.9 },
      },
    })
  ).body;

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'auto', acceptTimeoutSeconds: 86_400 } });
  // P1 on 24x7: response due 30 min after the call. A accepts after 10 min (met), B after 45 (missed),
  // C never (still running past due at the period's end), D is cancelled (never counted).
  for (const key of ['A', 'B', 'C', 'D']) ids[key] = (await create(key)).id;
  const accept = async (key: string, minutes: number) => {
    clock.set(T0 + minutes * MIN);
    const response = await api(server.url, `/api/v1/work-orders/${ids[key]}/accept`, { body: { at: new Date(T0 + minutes * MIN).toISOString() } });
    expect(response.status).toBe(200);
  };
  await accept('A', 10);
  const d = (await api(server.url, `/api/v1/work-orders/${ids.D}`)).body;
  expect((await api(server.url, `/api/v1/work-orders/${ids.D}/cancel`, { body: { version: d.version, reason: 'Duplicate call' } })).status).toBe(200);
  await accept('B', 45);
});
afterAll(async () => server.stop());

const period = (from: number, to: number, extra = '') =>
  api(server.url, `/api/v1/sla/adherence?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}${extra}`);

describe('SLA adherence', () => {
  it('is met / (met + missed + breached-and-still-running), counted by hand', async () => {
    const response = await period(T0, T0 + 120 * MIN, '&metric=response');
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([{ metric: 'response', overall: { met: 1, missed: 1, breached: 1, adherence: 0.3333 }, groups: [] }]);
  });

  it('counts only what stopped inside the period, and what is breached at its end', async () => {
    // [T0, T0 + 20 min): A met at 10 min; B and C are not yet due (30 min), nothing else counts.
    const early = await period(T0, T0 + 20 * MIN, '&metric=response');
    expect(early.body.results[0].overall).toEqual({ met: 1, missed: 0, breached: 0, adherence: 1 });
    // [T0 + 40, T0 + 50 min): B missed at 45; C is running past its 30-min due at the end.
    const later = await period(T0 + 40 * MIN, T0 + 50 * MIN, '&metric=response');
    expect(later.body.results[0].overall).toEqual({ met: 0, missed: 1, breached: 1, adherence: 0 });
  });

  it('reports every metric, grouped, with nothing to count as null', async () => {
    const response = await period(T0, T0 + 120 * MIN, '&groupBy=customer');
    const byMetric = Object.fromEntries(response.body.results.map((r: any) => [r.metric, r]));
    expect(byMetric.arrival.overall).toEqual({ met: 0, missed: 0, breached: 0, adherence: null });
    expect(byMetric.response.groups.map((g: any) => [g.label, g.met, g.missed, g.breached])).toEqual([
      ['Adherence A', 1, 0, 0],
      ['Adherence B', 0, 1, 0],
      ['Adherence C', 0, 0, 1],
    ]);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await period(T0, T0 - MIN);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'to', message: 'must be after from' }]);
  });
});

describe('at risk', () => {
  it('lists the running clocks past the first warning, with percent elapsed computed now', async () => {
    clock.set(T0 + 50 * MIN);
    const response = await api(server.url, '/api/v1/sla/at-risk');
    const c = response.body.items.filter((i: any) => i.orderId === ids.C);
    expect(c.map((i: any) => i.metric)).toContain('response');
    const responseClock = c.find((i: any) => i.metric === 'response');
    expect(responseClock.percentElapsed).toBeCloseTo(166.67, 1);
    expect(responseClock.reasons.join(' ')).toContain('warning at 75 %');
    expect(response.body.items.some((i: any) => i.orderId === ids.A && i.metric === 'response')).toBe(false);
    expect(response.body.items.some((i: any) => i.orderId === ids.D)).toBe(false);
  });
});
