import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince } from './admin-fixture';

// Monday 1 March 2027, 10:00 UTC; the policies here run on the demo's 24x7 calendar, so due = start + target.
const clock = new ManualClock(Date.parse('2027-03-01T10:00:00Z'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
});
afterAll(async () => server.stop());

const leak = (key: string) =>
  api(server.url, '/api/v1/service-requests', {
    body: {
      idempotencyKey: key,
      categoryCode: 'LEAK',
      priority: 'P3',
      description: 'Leak under the sink.',
      customer: { externalId: 'POL-1', name: 'Policy Test BV' },
      site: { externalId: 'POL-1-A', name: 'Office', address: 'Gracht 1, Rivermouth', lat: 52.37, lon: 4.9 },
    },
  });

const targetsOf = (order: any) => order.sla.targets.map((t: any) => [t.metric, t.targetSeconds, new Date(t.dueAt).toISOString()]);

describe('SLA policy administration', () => {
  let policy: any;
  let firstOrder: any;

  it('creates a policy with every setting, which the list then shows', async () => {
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/sla-policies', {
      body: {
        name: 'P3 leaks',
        rank: 20,
        match: { priority: 'P3', categoryId: 'cat_leak' },
        calendarId: 'cal_24x7',
        zoneMode: 'site',
        targets: [
          { metric: 'response', targetSeconds: 3600 },
          { metric: 'resolution', targetSeconds: 6 * 3600 },
        ],
        warningThresholds: [90, 50],
        pausingReasons: ['waiting_parts'],
        reopenWindowSeconds: 2 * 86_400,
        escalationProtocolId: 'esc_standard',
      },
    });
    expect(created.status).toBe(201);
    policy = created.body;
    expect(policy).toEqual({
      id: policy.id,
      name: 'P3 leaks',
      rank: 20,
      match: { priority: 'P3', categoryId: 'cat_leak', customerId: null, contractCode: null },
      calendarId: 'cal_24x7',
      zoneMode: 'site',
      targets: [
        { metric: 'response', targetSeconds: 3600 },
        { metric: 'resolution', targetSeconds: 21_600 },
      ],
      warningThresholds: [50, 90],
      pausingReasons: ['waiting_parts'],
      reopenWindowSeconds: 172_800,
      escalationProtocolId: 'esc_standard',
      active: true,
    });
    expect((await api(server.url, '/api/v1/sla-policies')).body.find((p: any) => p.id === policy.id)).toEqual(policy);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'slaPolicy.created', entityType: 'sla_policy', entityId: policy.id, after: policy }]);
  });

  it('gives a new matching order its targets', async () => {
    firstOrder = (await leak('pol-1')).body;
    expect(firstOrder.sla.policyName).toBe('P3 leaks');
    expect(targetsOf(firstOrder)).toEqual([
      ['response', 3600, '2027-03-01T11:00:00.000Z'],
      ['resolution', 21_600, '2027-03-01T16:00:00.000Z'],
    ]);
  });

  it('changes targets for new orders only: the order created before keeps what it was given', async () => {
    const seq = auditHead(server);
    const updated = await api(server.url, `/api/v1/sla-policies/${policy.id}`, {
      method: 'PATCH',
      body: { targets: [{ metric: 'response', targetSeconds: 7200 }, { metric: 'arrival', targetSeconds: 3 * 3600 }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.targets).toEqual([
      { metric: 'response', targetSeconds: 7200 },
      { metric: 'arrival', targetSeconds: 10_800 },
    ]);
    const [entry] = auditSince(server, seq);
    expect(entry).toMatchObject({ action: 'slaPolicy.updated', before: { targets: policy.targets }, after: { targets: updated.body.targets } });
    const earlier = (await api(server.url, `/api/v1/work-orders/${firstOrder.id}`)).body;
    expect(targetsOf(earlier)).toEqual(targetsOf(firstOrder));
    const later = (await leak('pol-2')).body;
    expect(targetsOf(later)).toEqual([
      ['response', 7200, '2027-03-01T12:00:00.000Z'],
      ['arrival', 10_800, '2027-03-01T13:00:00.000Z'],
    ]);
  });

  it('records nothing for an update that changes nothing', async () => {
    const seq = auditHead(server);
    const same = await api(server.url, `/api/v1/sla-policies/${policy.id}`, { method: 'PATCH', body: { rank: 20 } });
    expect(same.status).toBe(200);
    expect(auditSince(server, seq)).toEqual([]);
  });

  it('refuses invalid settings with a 400 naming the field, writing nothing', async () => {
    const counts = rowCounts(server);
    const base = { name: 'Broken', calendarId: 'cal_24x7', targets: [{ metric: 'response', targetSeconds: 60 }] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ calendarId: 'cal_nope' }, 'calendarId', 'unknown calendar'],
      [{ match: { categoryId: 'cat_nope' } }, 'match.categoryId', 'unknown category'],
      [{ escalationProtocolId: 'esc_nope' }, 'escalationProtocolId', 'unknown escalation protocol'],
      [{ targets: [{ metric: 'response', targetSeconds: 60 }, { metric: 'response', targetSeconds: 90 }] }, 'targets.1.metric', 'metric "response" is listed twice'],
      [{ targets: [{ metric: 'response', targetSeconds: -1 }] }, 'targets.0.targetSeconds', 'must not be negative'],
      [{ warningThresholds: [100] }, 'warningThresholds.0', 'must be below 100 % (the breach itself is 100 %)'],
      [{ pausingReasons: ['Waiting Customer'] }, 'pausingReasons.0', 'lower-case letters, digits and underscore, starting with a letter'],
      [{ zoneMode: 'customer' }, 'zoneMode', 'Invalid option: expected one of "calendar"|"site"'],
    ];
    for (const [change, path, message] of cases) {
      const response = await api(server.url, '/api/v1/sla-policies', { body: { ...base, ...change } });
      expect([response.status, response.body.errors]).toEqual([400, [{ path, message }]]);
    }
    expect(rowCounts(server)).toEqual(counts);
  });

  it('answers 404 for an unknown policy and 409 for a taken name', async () => {
    const missing = await api(server.url, '/api/v1/sla-policies/sla_nope', { method: 'PATCH', body: { active: false } });
    expect(missing.status).toBe(404);
    const taken = await api(server.url, `/api/v1/sla-policies/${policy.id}`, { method: 'PATCH', body: { name: 'P1 critical (24x7)' } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'name', message: 'already taken' }]]);
  });

  it('refuses to delete a policy orders were measured by, and deletes an unused one', async () => {
    const used = await api(server.url, `/api/v1/sla-policies/${policy.id}`, { method: 'DELETE' });
    expect(used.status).toBe(409);
    expect(used.body.detail).toBe(
      'The SLA policy "P3 leaks" is still used by 2 work orders, 4 SLA clocks; it cannot be deleted. Retire it with active: false instead, so the orders it measured keep their history.',
    );
    const spare = await api(server.url, '/api/v1/sla-policies', { body: { name: 'Spare', calendarId: 'cal_24x7', active: false } });
    const seq = auditHead(server);
    expect((await api(server.url, `/api/v1/sla-policies/${spare.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'slaPolicy.deleted', entityId: spare.body.id, before: { name: 'Spare' }, after: undefined }]);
  });
});
