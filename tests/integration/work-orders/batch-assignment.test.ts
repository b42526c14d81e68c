import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

const clock = new ManualClock(Date.parse('2026-11-25T09:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
});
afterAll(async () => server.stop());

const CATEGORIES = ['LEAK', 'HVAC-FAIL', 'ELEC-OUTAGE', 'NETWORK-DOWN'];

describe('batch assignment', () => {
  it('proposes jointly (never worse than greedy) and applies order by order against current versions', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const created = await api(server.url, '/api/v1/service-requests', {
        body: {
          idempotencyKey: `batch-${i}`,
          channel: 'manual',
          categoryCode: CATEGORIES[i % 4],
          description: `Batch ${i}`,
          customer: { name: 'Batch BV' },
          site: { name: `Batch site ${i}`, address: `Batchweg ${i}`, lat: 52.34 + i * 0.006, lon: 4.85 + i * 0.008 },
        },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const plan = await api(server.url, '/api/v1/assignments/propose-batch', { body: { orderIds: ids } });
    expect(plan.status).toBe(200);
    expect(plan.body.proposals.length + plan.body.unassigned.length).toBe(12);
    expect(plan.body.totalCost).toBeLessThanOrEqual(plan.body.greedyCost);
    expect(plan.body.proposals[0].terms.map((t: any) => t.term)).toContain('Travel');

    // A dispatcher edits one order while the proposal is being reviewed: that proposal must not overwrite the edit.
    const edited = plan.body.proposals[0];
    const update = await api(server.url, `/api/v1/work-orders/${edited.orderId}/update`, { body: { version: edited.version, priority: 'P1' } });
    expect(update.status).toBe(200);

    const applied = await api(server.url, '/api/v1/assignments/apply-batch', {
      body: { proposals: plan.body.proposals.map((p: any) => ({ orderId: p.orderId, version: p.version, technicianId: p.technicianId })) },
    });
    expect(applied.status).toBe(200);
    const outcomes = Object.fromEntries(applied.body.results.map((r: any) => [r.orderId, r.outcome]));
    expect(outcomes[edited.orderId]).toBe('conflict');
    expect(applied.body.applied).toBe(plan.body.proposals.length - 1);
    const kept = (await api(server.url, `/api/v1/work-orders/${edited.orderId}`)).body;
    expect(kept.priority).toBe('P1');
    expect(kept.events.at(-1).type).toBe('update');
    const moved = (await api(server.url, `/api/v1/work-orders/${plan.body.proposals[1].orderId}`)).body;
    expect(moved).toMatchObject({ status: 'assigned', technicianId: plan.body.proposals[1].technicianId, assignment: { mode: 'batch' } });
  });
});
