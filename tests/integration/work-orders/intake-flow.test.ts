import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

// Friday 27 November 2026, 16:30 in Rivermouth (Europe/Amsterdam, UTC+1).
const clock = new ManualClock(Date.parse('2026-11-27T15:30:00Z'));
let server: TestServer;
let integrationKey: string;

/** A water leak (P3 here: the default is P2) at a new customer's new site in the city. */
const request = (key: string, overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  receivedAt: '2026-11-27T16:00:00+01:00',
  categoryCode: 'LEAK',
  priority: 'P3',
  description: 'Water dripping from the ceiling of the server room.',
  customer: { externalId: 'CRM-9001', name: 'Kade Data BV' },
  site: { externalId: 'CRM-9001-A', name: 'Kade Data centre', address: 'Kade 1, Rivermouth', lat: 52.372, lon: 4.893 },
  contact: { name: 'Noor Visser', phone: '+31 20 555 0199' },
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'auto', acceptTimeoutSeconds: 600 } });
  integrationKey = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'CRM', scopes: ['requests:write'] } })).body.secret;
});
afterAll(async () => server.stop());

async function deviceTokenFor(technicianId: string): Promise<string> {
  return (await api(server.url, '/api/v1/api-keys', { body: { kind: 'device', name: `Phone ${technicianId}`, technicianId } })).body.secret;
}

describe('a service request becomes a dispatched work order', () => {
  let order: any;

  it('creates, assigns and (in auto mode) dispatches, with due times in business hours', async () => {
    const response = await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-1') });
    expect(response.status).toBe(201);
    order = response.body;
    expect(order.number).toMatch(/^WO-2026-\d{6}$/);
    expect(order).toMatchObject({ status: 'dispatched', priority: 'P3', categoryCode: 'LEAK', customerName: 'Kade Data BV', siteName: 'Kade Data centre' });
    // P3 on "Business hours" (Mon–Fri 08–18, Sat 09–13, Amsterdam), clocks from the call at Fri 16:00:
    // response 4 h: Fri 16–18 (2 h) + Sat 09–11 → Sat 11:00 local; arrival 10 h: 2 + 4 (Sat) + Mon 08–12 → Mon 12:00;
    // resolution 30 h: 2 + 4 + 10 (Mon) + 10 (Tue) + Wed 08–12 → Wed 12:00.
    expect(order.sla.policyName).toBe('P3 normal (business hours)');
    expect(order.sla.targets.map((t: any) => [t.metric, new Date(t.dueAt).toISOString()])).toEqual([
      ['response', '2026-11-28T10:00:00.000Z'],
      ['arrival', '2026-11-30T11:00:00.000Z'],
      ['resolution', '2026-12-02T11:00:00.000Z'],
    ]);
    expect(order.sla.targets.every((t: any) => t.startedAt === Date.parse('2026-11-27T15:00:00Z') && t.state === 'running')).toBe(true);
    expect(order.compliance.missing.map((m: any) => m.key)).toEqual(['water_shut_off', 'photo_taken', 'customer_signature_name']);
    expect(order.assignment.technicianId).toBe(order.technicianId);
    expect(order.assignment.terms.map((t: any) => t.term)).toEqual(['Travel', 'SLA slack', 'Workload', 'Over-qualification', 'Preferred technician']);
    expect(order.assignment.reasons.length).toBeGreaterThan(0);
  });

  it('lets the assigned technician accept through the technician API, stopping the response clock', async () => {
    const token = await deviceTokenFor(order.technicianId);
    clock.advance(5 * 60_000);
    const accepted = await api(server.url, `/api/v1/work-orders/${order.id}/accept`, { token, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.sla.targets[0]).toMatchObject({ metric: 'response', state: 'met', stoppedAt: Date.parse('2026-11-27T15:35:00Z') });
    const history = await api(server.url, `/api/v1/work-orders/${order.id}`);
    expect(history.body.events.map((e: any) => [e.seq, e.type, e.toStatus])).toEqual([
      [1, 'created', 'new'],
      [2, 'assigned', 'assigned'],
      [3, 'dispatched', 'dispatched'],
      [4, 'accept', 'accepted'],
    ]);
  });

  it('refuses another technician, and a transition the lifecycle does not list', async () => {
    const other = await deviceTokenFor(order.technicianId === 'tech_0002' ? 'tech_0003' : 'tech_0002');
    expect((await api(server.url, `/api/v1/work-orders/${order.id}/progress`, { token: other, body: { status: 'en_route' } })).status).toBe(403);
    const current = (await api(server.url, `/api/v1/work-orders/${order.id}`)).body;
    const wrong = await api(server.url, `/api/v1/work-orders/${order.id}/close`, { body: { version: current.version } });
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toContain('allowed from: completed');
  });

  it('blocks on site until the compliance field it requires is given, and says which', async () => {
    const token = await deviceTokenFor(order.technicianId);
    const blocked = await api(server.url, `/api/v1/work-orders/${order.id}/progress`, { token, body: { status: 'on_site' } });
    expect(blocked.status).toBe(400);
    expect(blocked.body.errors).toEqual([{ path: 'compliance.water_shut_off', message: 'required before on site' }]);
    const onSite = await api(server.url, `/api/v1/work-orders/${order.id}/progress`, { token, body: { status: 'on_site', compliance: { water_shut_off: true } } });
    expect(onSite.body.status).toBe('on_site');
    expect(onSite.body.sla.targets[1]).toMatchObject({ metric: 'arrival', state: 'met' });
    const statusOf = async () => (await api(server.url, '/api/v1/technicians')).body.find((t: any) => t.id === order.technicianId).status;
    expect(await statusOf()).toBe('busy');
    const completed = await api(server.url, `/api/v1/work-orders/${order.id}/progress`, {
      token,
      body: { status: 'completed', compliance: { photo_taken: true } },
    });
    expect(completed.body.status).toBe('completed');
    expect(completed.body.sla.targets[2]).toMatchObject({ metric: 'resolution', state: 'met' });
    expect(await statusOf()).toBe('available');
  });
});

describe('idempotency', () => {
  it('returns the same order for a replay and refuses the same key with another body', async () => {
    const first = await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-2') });
    const replay = await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-2') });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body.number).toBe(first.body.number);
    const conflict = await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-2', { description: 'Something else entirely.' }) });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors).toEqual([{ path: 'idempotencyKey', message: 'already used with a different body' }]);
    const viaHeader = await api(server.url, '/api/v1/service-requests', {
      token: integrationKey,
      headers: { 'idempotency-key': 'crm-2' },
      body: (({ idempotencyKey: _k, ...rest }) => rest)(request('crm-2')),
    });
    expect(viaHeader.body.id).toBe(first.body.id);
  });
});

describe('requeue', () => {
  it('returns a rejected order to the queue and proposes someone else', async () => {
    const created = (await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-3') })).body;
    const first = created.technicianId as string;
    const rejected = await api(server.url, `/api/v1/work-orders/${created.id}/reject`, { token: await deviceTokenFor(first), body: { reason: 'Van broke down' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.excludedTechnicianIds).toEqual([first]);
    expect(rejected.body.technicianId).not.toBe(first);
    expect(rejected.body.status).toBe('dispatched');
    const types = (await api(server.url, `/api/v1/work-orders/${created.id}`)).body.events.map((e: any) => e.type);
    expect(types).toEqual(['created', 'assigned', 'dispatched', 'reject', 'assigned', 'dispatched']);
  });

  it('requeues an order not accepted within the timeout, excluding the silent technician', async () => {
    const created = (await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('crm-4') })).body;
    clock.advance(599_000);
    await server.core.runScheduledJobs();
    expect((await api(server.url, `/api/v1/work-orders/${created.id}`)).body.status).toBe('dispatched');
    clock.advance(2_000);
    await server.core.runScheduledJobs();
    const after = (await api(server.url, `/api/v1/work-orders/${created.id}`)).body;
    expect(after.excludedTechnicianIds).toEqual([created.technicianId]);
    expect(after.events.map((e: any) => e.type)).toEqual(['created', 'assigned', 'dispatched', 'accept_timeout', 'assigned', 'dispatched']);
    expect(after.events[3]).toMatchObject({ actor: { kind: 'system', name: 'Acceptance timeout' }, data: { timeoutSeconds: 600 } });
  });
});

describe('NDJSON batches', () => {
  it('creates exactly the good lines and reports each bad one', async () => {
    const before = (server.database.sqlite.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n;
    const lines = [
      JSON.stringify(request('batch-1')),
      '{ not json',
      JSON.stringify(request('batch-3', { categoryCode: 'TELEPORTER' })),
      JSON.stringify(request('batch-4', { site: { id: 'site_nope' } })),
      JSON.stringify(request('batch-5', { priority: 'P1' })),
    ];
    const response = await api(server.url, '/api/v1/service-requests', { token: integrationKey, rawBody: lines.join('\n') + '\n', headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: any) => r.status)).toEqual([201, 400, 400, 400, 201]);
    expect(response.body.results[2].error.errors).toEqual([{ path: 'categoryCode', message: 'not a configured category code' }]);
    expect(response.body.results[3].error.errors[0].path).toBe('site.id');
    expect(response.body).toMatchObject({ succeeded: 2, failed: 3 });
    expect((server.database.sqlite.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n).toBe(before + 2);
  });

  it('refuses more than 1,000 lines as a whole', async () => {
    const body = Array.from({ length: 1001 }, (_, i) => JSON.stringify(request(`big-${i}`))).join('\n');
    const response = await api(server.url, '/api/v1/service-requests', { token: integrationKey, rawBody: body, headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });
});

describe('orders nobody could take', () => {
  it('stay new with the reason recorded once, and are proposed when a technician comes on shift', async () => {
    // Sunday 04:00 in Rivermouth: the demo has no shift then.
    clock.set(Date.parse('2026-11-29T03:00:00Z'));
    const created = (await api(server.url, '/api/v1/service-requests', { token: integrationKey, body: request('night-1', { receivedAt: undefined, priority: 'P1' }) })).body;
    expect(created.status).toBe('new');
    await server.core.runScheduledJobs();
    await server.core.runScheduledJobs();
    const waiting = (await api(server.url, `/api/v1/work-orders/${created.id}`)).body;
    expect(waiting.events.map((e: any) => e.type)).toEqual(['created', 'no_candidate']);
    expect(waiting.events[1].data.excludedBy.shift).toBeGreaterThan(0);
    // Monday 08:30: the day shift has started.
    clock.set(Date.parse('2026-11-30T07:30:00Z'));
    await server.core.runScheduledJobs();
    const proposed = (await api(server.url, `/api/v1/work-orders/${created.id}`)).body;
    expect(proposed.status).toBe('dispatched');
    expect(proposed.events.map((e: any) => e.type)).toEqual(['created', 'no_candidate', 'assigned', 'dispatched']);
  });
});
