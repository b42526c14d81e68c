import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { rankForOrder } from '../../../src/core/work-orders/assignment-flow';
import type { MethodOutput } from '../../../src/shared/contract';
import { SYSTEM_PRINCIPAL } from '../../../src/shared/roles';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A Tuesday morning in the demo centre: technicians on shift, so most requests get a proposal.
const clock = new ManualClock(Date.parse('2026-11-24T09:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
});
afterAll(async () => server.stop());

/**
 * Intake ranks technicians from the facts it has just written instead of reading them back: the proposal must be
 * the one the engine makes from the order as stored (same technician, same score and terms).
 */
describe('the proposal intake makes', () => {
  it('is the one ranked from the order read back from the store', async () => {
    const { items } = (await server.core.call('customers.list', { limit: 50 }, SYSTEM_PRINCIPAL)) as MethodOutput<'customers.list'>;
    const categories = ['HVAC-FAIL', 'ELEC-OUTAGE', 'LEAK', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'NETWORK-DOWN', 'PREVENTIVE', 'FRIDGE-TEMP'];
    let proposals = 0;
    for (let n = 0; n < 24; n++) {
      const customer = items[n % items.length]!;
      const order = (await server.core.call(
        'serviceRequests.create',
        {
          idempotencyKey: `proposal-${n}`,
          categoryCode: categories[n % categories.length],
          description: `Request ${n}`,
          customer: { id: customer.id },
          site: { id: customer.sites[0]!.id },
        },
        SYSTEM_PRINCIPAL,
      )) as MethodOutput<'serviceRequests.create'>;
      if (!order.assignment) continue;
      proposals++;
      const { result } = await rankForOrder(server.core.deps.db, order.id, clock.now(), 1);
      const best = result.ranked[0]!;
      expect({ technicianId: best.technicianId, score: Math.round(best.score * 100) / 100 }).toEqual({
        technicianId: order.assignment.technicianId,
        score: order.assignment.score,
      });
    }
    expect(proposals).toBeGreaterThan(10);
  });
});
