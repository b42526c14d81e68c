import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

const clock = new ManualClock(Date.parse('2026-11-25T09:00:00Z'));
let server: TestServer;
let dispatcherA: string;
let dispatcherB: string;

const login = async (username: string, password: string) =>
  (await api(server.url, '/api/v1/auth/login', { token: null, body: { username, password } })).body.token as string;

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  await api(server.url, '/api/v1/users', { body: { username: 'second', displayName: 'Second Dispatcher', role: 'dispatcher', password: 'second-dispatcher' } });
  dispatcherA = await login('dispatcher', 'demo-dispatcher');
  dispatcherB = await login('second', 'second-dispatcher');
});
afterAll(async () => server.stop());

type Action = 'approve' | 'assign' | 'cancel';
const EXPECTED_STATUS: Record<Action, string> = { approve: 'dispatched', assign: 'dispatched', cancel: 'cancelled' };

async function act(token: string, action: Action, order: { id: string; version: number }, otherTechnicianId: string) {
  const body =
    action === 'approve'
      ? { version: order.version }
      : action === 'assign'
        ? { version: order.version, technicianId: otherTechnicianId }
        : { version: order.version, reason: 'Customer fixed it themselves' };
  return api(server.url, `/api/v1/work-orders/${order.id}/${action}`, { token, body });
}

describe('two dispatchers racing on the same orders', () => {
  it('lets exactly one change win per version, refuses the other with 409 and the current state, and keeps history gapless', async () => {
    const actions: Action[] = ['approve', 'assign', 'cancel'];
    const orders = [];
    for (let i = 0; i < 18; i++) {
      const created = await api(server.url, '/api/v1/service-requests', {
        token: dispatcherA,
        body: {
          idempotencyKey: `race-${i}`,
          channel: 'manual',
          categoryCode: i % 2 ? 'HVAC-FAIL' : 'LEAK',
          description: `Race ${i}`,
          customer: { name: 'Race Holdings' },
          site: { name: `Race site ${i}`, address: `Racebaan ${i}`, lat: 52.36 + i * 0.002, lon: 4.88 + i * 0.001 },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('assigned');
      const candidates = await api(server.url, `/api/v1/work-orders/${created.body.id}/candidates?limit=3`, { token: dispatcherA });
      const other = candidates.body.ranked.find((c: any) => c.technicianId !== created.body.technicianId).technicianId;
      orders.push({ order: created.body, other, a: actions[i % 3]!, b: actions[Math.floor(i / 3) % 3]! });
    }

    const outcomes = await Promise.all(
      orders.map(async ({ order, other, a, b }) => {
        const [ra, rb] = await Promise.all([act(dispatcherA, a, order, other), act(dispatcherB, b, order, other)]);
        return { order, a, b, ra, rb };
      }),
    );

    for (const { order, a, b, ra, rb } of outcomes) {
      const statuses = [ra.status, rb.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = ra.status === 409 ? ra : rb;
      expect(loser.contentType).toContain('application/problem+json');
      expect(loser.body.current).toMatchObject({ version: order.version + (ra.status === 200 ? (a === 'assign' ? 2 : 1) : b === 'assign' ? 2 : 1) });
      expect(loser.body.current.updatedBy).toMatch(/Demo Dispatcher|Second Dispatcher/);
      const winner = ra.status === 200 ? a : b;
      const final = (await api(server.url, `/api/v1/work-orders/${order.id}`, { token: dispatcherA })).body;
      expect(final.status).toBe(EXPECTED_STATUS[winner]);
      expect(final.version).toBe(loser.body.current.version);
      const seqs = final.events.map((e: any) => e.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
      // Created, proposed, then exactly the winner's change (assign also dispatches): nothing from the loser.
      expect(final.events.slice(2).map((e: any) => e.type)).toEqual(winner === 'assign' ? ['assign', 'dispatched'] : [winner]);
    }
  });

  it('a second approval of the same proposal fails: exactly one succeeds', async () => {
    const created = (
      await api(server.url, '/api/v1/service-requests', {
        token: dispatcherA,
        body: { idempotencyKey: 'double-approve', channel: 'manual', categoryCode: 'LEAK', description: 'Double', customer: { name: 'Race Holdings' }, site: { name: 'Race site 1', address: 'Racebaan 1', lat: 52.362, lon: 4.881 } },
      })
    ).body;
    const results = await Promise.all([dispatcherA, dispatcherB, dispatcherA].map((token) => api(server.url, `/api/v1/work-orders/${created.id}/approve`, { token, body: { version: created.version } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });
});
