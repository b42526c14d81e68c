import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A running clock keeps the calendar it started on: a holiday added afterwards reaches new orders at once, and
 * existing ones only through an audited SLA repair (DOMAIN.md "SLA repair", "history is never rewritten silently").
 * Monday 2026-03-02 09:00 Amsterdam (08:00Z); the holiday added is Wednesday 2026-03-04.
 */
const START = Date.parse('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const clock = new ManualClock(START);
let server: TestServer;
let site: { customer: { id: string }; site: { id: string } };

const dues = (order: any) => Object.fromEntries(order.sla.targets.map((t: any) => [t.metric, t.dueAt]));
const create = async (key: string) => {
  const res = await api(server.url, '/api/v1/service-requests', { body: { idempotencyKey: key, categoryCode: 'LEAK', priority: 'P4', description: 'Dripping tap in the staff kitchen', ...site } });
  expect(res.status).toBe(201);
  return res.body;
};

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  // A customer served by the plain P4 policy (business hours), not by a customer-specific one.
  const customers = (await api(server.url, '/api/v1/customers?limit=50')).body.items;
  for (const c of customers) {
    const probe = await api(server.url, '/api/v1/service-requests', { body: { idempotencyKey: `probe-${c.id}`, categoryCode: 'LEAK', priority: 'P4', description: 'probe', customer: { id: c.id }, site: { id: c.sites[0].id } } });
    if (probe.body.sla?.policyId === 'sla_p4') {
      site = { customer: { id: c.id }, site: { id: c.sites[0].id } };
      break;
    }
  }
  expect(site).toBeDefined();
});
afterAll(() => server.stop());

describe('SLA repair', () => {
  it('leaves running clocks on the calendar they started on until an admin repairs them, audited', async () => {
    const before = await create('repair-a');
    const original = dues(before);
    expect((await api(server.url, '/api/v1/calendars/cal_business/holidays', { body: { date: '2026-03-04', name: 'Storm day' } })).status).toBe(201);

    // A new order sees the holiday: arrival (3 business days, Thursday) moves a day; resolution (5 business
    // days) moves by one business day too, over the closed hours that follow.
    const fresh = dues(await create('repair-b'));
    expect(fresh.response).toBe(original.response);
    expect(fresh.arrival).toBe(original.arrival + DAY);
    expect(fresh.resolution).toBeGreaterThan(original.resolution + DAY - 1);

    // The old order's clocks are re-derived when their first warning fires: their due instants do not move.
    clock.set(START + 7 * 3_600_000);
    await server.core.runScheduledJobs();
    const untouched = (await api(server.url, `/api/v1/work-orders/${before.id}`)).body;
    expect(dues(untouched)).toEqual(original);

    // Only an admin may repair; bad input changes nothing.
    const dispatcher = (await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'dispatcher', password: 'demo-dispatcher' } })).body.token;
    expect((await api(server.url, '/api/v1/sla/repair', { token: dispatcher, body: { orderIds: [before.id], reason: 'storm day' } })).status).toBe(403);
    const empty = await api(server.url, '/api/v1/sla/repair', { body: { orderIds: [], reason: 'storm day' } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('orderIds');
    const unknown = await api(server.url, '/api/v1/sla/repair', { body: { orderIds: ['wo_nope'], reason: 'storm day' } });
    expect(unknown.status).toBe(404);

    const repaired = await api(server.url, '/api/v1/sla/repair', { body: { orderIds: [before.id], reason: 'Storm day declared a holiday' } });
    expect(repaired.status).toBe(200);
    const byMetric = Object.fromEntries(repaired.body.results[0].clocks.map((c: any) => [c.metric, c]));
    expect(byMetric.arrival.before.dueAt).toBe(original.arrival);
    expect(byMetric.arrival.after.dueAt).toBe(original.arrival + DAY);
    expect(byMetric.resolution.after.dueAt).toBe(fresh.resolution);
    expect(byMetric.response.after.dueAt).toBe(original.response);

    const after = (await api(server.url, `/api/v1/work-orders/${before.id}`)).body;
    expect(dues(after)).toEqual(fresh);
    expect(after.events.at(-1)).toMatchObject({ type: 'sla_repaired', data: { reason: 'Storm day declared a holiday' } });
    const audit = server.database.sqlite.prepare("select before_json, after_json from audit_log where action = 'sla.repair' and entity_id = ?").all(before.id) as { before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json).clocks.find((c: any) => c.metric === 'arrival').dueAt).toBe(original.arrival + DAY);
    expect(JSON.parse(audit[0]!.before_json).clocks.find((c: any) => c.metric === 'arrival').dueAt).toBe(original.arrival);
    const timeline = server.database.sqlite.prepare("select t.event, t.data_json from sla_clock_timeline t join sla_clocks c on c.id = t.clock_id where c.work_order_id = ? and t.event = 'repaired'").all(before.id);
    expect(timeline).toHaveLength(3);
  });
});
