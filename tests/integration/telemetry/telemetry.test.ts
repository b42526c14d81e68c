import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';

const clock = new ManualClock(Date.parse('2026-11-25T10:00:00Z'));
let server: TestServer;
let key: string;

const ndjson = (events: unknown[]) => events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n');
const send = (events: unknown[], token = key) =>
  api(server.url, '/api/v1/telemetry', { token, rawBody: ndjson(events), headers: { 'content-type': 'application/x-ndjson' } });
const position = (eventId: string, technicianId: string, at: string, lat: number, lon: number) => ({ eventId, type: 'position', technicianId, at, lat, lon });

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'auto', acceptTimeoutSeconds: 900 } });
  key = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: 'Fleet', scopes: ['telemetry:write', 'requests:write'] } })).body.secret;
});
afterAll(async () => server.stop());

describe('GPS telemetry', () => {
  it('applies the newest fix per technician, keeps older ones as stale, and reports each line', async () => {
    const response = await send([
      position('gps-1', 'tech_0003', '2026-11-25T09:58:00Z', 52.37, 4.9),
      position('gps-2', 'tech_0003', '2026-11-25T09:59:00Z', 52.371, 4.901),
      position('gps-3', 'tech_0003', '2026-11-25T09:57:00Z', 52.36, 4.89),
      position('gps-4', 'tech_9999', '2026-11-25T09:59:00Z', 52.36, 4.89),
      '{"eventId": "broken"',
      { eventId: 'gps-6', type: 'position', technicianId: 'tech_0004', at: '2026-11-25T09:59:00Z', lat: 95, lon: 4.9 },
      position('gps-1', 'tech_0003', '2026-11-25T09:58:00Z', 52.37, 4.9),
    ]);
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: any) => [r.line, r.status, r.result?.outcome ?? r.error.code])).toEqual([
      [1, 200, 'stale'],
      [2, 200, 'applied'],
      [3, 200, 'stale'],
      [4, 404, 'refused'],
      [5, 400, 'bad_request'],
      [6, 400, 'validation'],
      [7, 200, 'duplicate'],
    ]);
    expect(response.body.results[5].error.errors[0].path).toBe('lat');
    const tech = (await api(server.url, '/api/v1/technicians')).body.find((t: any) => t.id === 'tech_0003');
    expect(tech.position).toEqual({ lat: 52.371, lon: 4.901, at: Date.parse('2026-11-25T09:59:00Z') });
  });

  it('is idempotent: the same batch again changes nothing', async () => {
    const batch = [position('gps-10', 'tech_0005', '2026-11-25T09:59:30Z', 52.35, 4.88), position('gps-11', 'tech_0006', '2026-11-25T09:59:30Z', 52.34, 4.87)];
    expect((await send(batch)).body).toMatchObject({ succeeded: 2, failed: 0 });
    const before = rowCounts(server);
    const again = await send(batch);
    expect(again.body.results.map((r: any) => r.result.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(rowCounts(server)).toEqual(before);
  });

  it('lets a technician report only their own position', async () => {
    const device = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'device', name: 'Phone 7', technicianId: 'tech_0007' } })).body.secret;
    const refused = await api(server.url, '/api/v1/telemetry', { token: device, body: { events: [position('gps-20', 'tech_0008', '2026-11-25T09:59:00Z', 52.3, 4.8)] } });
    expect(refused.status).toBe(403);
    const own = await api(server.url, '/api/v1/telemetry', { token: device, body: { events: [position('gps-21', 'tech_0007', '2026-11-25T09:59:00Z', 52.3, 4.8)] } });
    expect(own.body.results[0]).toMatchObject({ outcome: 'applied', status: 200 });
  });
});

describe('status telemetry', () => {
  it('drives the order with event times, in event-time order, and stops the SLA clocks at those times', async () => {
    const order = (
      await api(server.url, '/api/v1/service-requests', {
        token: key,
        body: {
          idempotencyKey: 'tele-1',
          categoryCode: 'NETWORK-DOWN',
          priority: 'P2',
          description: 'Switch down on floor 3',
          customer: { name: 'Telemetry BV' },
          site: { name: 'Floor 3', address: 'Dataweg 3', lat: 52.365, lon: 4.9 },
        },
      })
    ).body;
    expect(order.status).toBe('dispatched');
    clock.set(Date.parse('2026-11-25T11:30:00Z'));
    // Uploaded late and out of order after a dead zone.
    const response = await send([
      { eventId: 'st-3', type: 'status', workOrderId: order.id, at: '2026-11-25T10:40:00Z', status: 'on_site', compliance: {} },
      { eventId: 'st-1', type: 'status', workOrderId: order.id, at: '2026-11-25T10:05:00Z', status: 'accepted' },
      { eventId: 'st-2', type: 'status', workOrderId: order.id, at: '2026-11-25T10:10:00Z', status: 'en_route' },
    ]);
    expect(response.body.results.map((r: any) => r.result.outcome)).toEqual(['applied', 'applied', 'applied']);
    const after = (await api(server.url, `/api/v1/work-orders/${order.id}`)).body;
    expect(after.status).toBe('on_site');
    expect(after.events.slice(-3).map((e: any) => [e.type, new Date(e.at).toISOString()])).toEqual([
      ['accept', '2026-11-25T10:05:00.000Z'],
      ['en_route', '2026-11-25T10:10:00.000Z'],
      ['on_site', '2026-11-25T10:40:00.000Z'],
    ]);
    const clocks = Object.fromEntries(after.sla.targets.map((t: any) => [t.metric, [t.state, t.stoppedAt && new Date(t.stoppedAt).toISOString()]]));
    expect(clocks.response).toEqual(['met', '2026-11-25T10:05:00.000Z']);
    expect(clocks.arrival).toEqual(['met', '2026-11-25T10:40:00.000Z']);
    expect(clocks.resolution[0]).toBe('running');
    // A status the lifecycle does not allow is refused for that line only, and can be retried.
    const refused = await send([{ eventId: 'st-4', type: 'status', workOrderId: order.id, at: '2026-11-25T11:00:00Z', status: 'accepted' }]);
    expect(refused.body.results[0]).toMatchObject({ status: 409, result: { outcome: 'refused' } });
  });
});
