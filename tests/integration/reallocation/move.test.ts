import { describe, expect, it } from 'vitest';
import { rowCounts } from '../helpers/test-server';
import { HOUR, MIN, north, T0, useReallocationCentre } from './reallocation-fixture';

const SITE = { lat: 52.0, lon: 5.0 };
const centre = useReallocationCentre([
  { id: 'tech_far', name: 'Fay Far', at: north(SITE, 40) }, // 78 min from the site
  { id: 'tech_mid', name: 'Mia Mid', at: north(SITE, 20) }, // 39 min
  { id: 'tech_near', name: 'Nico Near', at: north(SITE, 10) }, // 19.5 min
]);
const ids: Record<string, string> = {};

const proposalsFor = async (orderId: string) => {
  const response = await centre.api(`/api/v1/reallocation/proposals?orderId=${orderId}`);
  expect(response.status).toBe(200);
  return response.body;
};

describe('moving an at-risk order to a nearer technician', () => {
  it('proposes the near technician with the hand-computed arrival', async () => {
    // Intake proposes the nearest (Nico); a dispatcher sends Fay, 78 min away, to a P1 due on site within 60 min.
    ids.a = (await centre.createOrder(SITE, 'P1')).id;
    await centre.assign(ids.a, 'tech_far');
    centre.at(5);
    const { proposals, unresolved } = await proposalsFor(ids.a);
    expect(unresolved).toEqual([]);
    const order = await centre.order(ids.a);
    // Fay: 5 + 78 = 83 min. Nico: 5 + 19.5 = 24.5 min, 35.5 min before the due at 60. Mia: 5 + 39 = 44 min.
    expect(proposals.map((p: any) => [p.kind, p.rank, p.technicianId, (p.predictedArrivalAt - T0) / MIN, p.minutesSaved])).toEqual([
      ['move', 1, 'tech_near', 24.5, 58.5],
      ['move', 2, 'tech_mid', 44, 39],
    ]);
    expect(proposals[0]).toMatchObject({
      orderId: ids.a,
      orderNumber: order.number,
      priority: 'P1',
      status: 'dispatched',
      version: order.version,
      metric: 'arrival',
      dueAt: T0 + HOUR,
      currentTechnicianId: 'tech_far',
      currentTechnicianName: 'Fay Far',
      currentPredictedArrivalAt: T0 + 83 * MIN,
      technicianName: 'Nico Near',
      predictedStopAt: T0 + 24.5 * MIN,
      otherOrder: null,
      reasons: [
        `Fay Far, who holds ${order.number}, arrives in 1 h 18 min (a 1 h 18 min drive), 23 min after the arrival due.`,
        'Nico Near is eligible and arrives in 19.5 min (a 19.5 min drive), 35.5 min before the arrival due.',
        'That is 58.5 min earlier than Fay Far.',
      ],
    });
  });

  it('refuses a stale version with 409 and the current state, and writes nothing', async () => {
    const order = await centre.order(ids.a);
    const before = rowCounts(centre.server);
    const response = await centre.api('/api/v1/reallocation/apply', { body: { orderId: ids.a, version: order.version - 1, metric: 'arrival', technicianId: 'tech_near' } });
    expect(response.status).toBe(409);
    expect(response.body.current).toMatchObject({ version: order.version, status: 'dispatched', technicianId: 'tech_far' });
    expect(rowCounts(centre.server)).toEqual(before);
    expect((await centre.order(ids.a)).version).toBe(order.version);
  });

  it('applies it: the order goes to the near technician, dispatched, with the corrective action and one audit entry per change', async () => {
    const order = await centre.order(ids.a);
    const response = await centre.api('/api/v1/reallocation/apply', { body: { orderId: ids.a, version: order.version, metric: 'arrival', technicianId: 'tech_near' } });
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({ technicianId: 'tech_near', status: 'dispatched', version: order.version + 2 });
    expect(response.body.otherOrder).toBeNull();
    expect(response.body.correctiveAction).toMatchObject({
      orderId: ids.a,
      kind: 'move',
      metric: 'arrival',
      fromTechnicianId: 'tech_far',
      toTechnicianId: 'tech_near',
      otherOrderId: null,
      appliedAt: T0 + 5 * MIN,
      outcome: null,
      outcomeAt: null,
    });
    expect(response.body.correctiveAction.reason).toContain('That is 58.5 min earlier than Fay Far.');
    const events = (await centre.order(ids.a)).events.slice(-2);
    expect(events.map((e: any) => [e.type, e.toStatus, e.data.via ?? null, e.data.correctiveActionId ?? null])).toEqual([
      ['assign', 'assigned', 'reallocation', response.body.correctiveAction.id],
      ['dispatched', 'dispatched', null, null],
    ]);
    const audit = centre.server.database.sqlite.prepare("SELECT action, entity_id FROM audit_log WHERE at = ? ORDER BY seq").all(T0 + 5 * MIN);
    expect(audit).toEqual([{ action: 'workOrder.assign', entity_id: ids.a }]);
    expect((await centre.api('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('records the outcome met when the clock stops before its due instant: effectiveness 1', async () => {
    await centre.arrive(ids.a, 25);
    await centre.server.core.runScheduledJobs();
    const actions = (await centre.api(`/api/v1/corrective-actions?${centre.period(0, 60)}`)).body.items;
    expect(actions.map((a: any) => [a.orderId, a.outcome, a.outcomeAt])).toEqual([[ids.a, 'met', T0 + 25 * MIN]]);
    const effectiveness = (await centre.api(`/api/v1/reallocation/effectiveness?${centre.period(0, 60)}`)).body;
    expect(effectiveness).toEqual({ from: T0, to: T0 + HOUR, count: 1, met: 1, missed: 0, pending: 0, cancelled: 0, effectiveness: 1 });
  });

  it('refuses a proposal that no longer holds, and records a missed outcome: effectiveness 0.5', async () => {
    centre.at(30);
    ids.b = (await centre.createOrder(SITE, 'P1')).id;
    await centre.assign(ids.b, 'tech_far');
    // Nico is on site at the first order (60 min of work left by its estimate): 30 + 60 + 19.5 = 109.5 min, past
    // the due at 90. Mia is free: 30 + 39 = 69 min. Fay: 30 + 78 = 108 min.
    const { proposals } = await proposalsFor(ids.b);
    expect(proposals.map((p: any) => [p.technicianId, (p.predictedArrivalAt - T0) / MIN, (p.currentPredictedArrivalAt - T0) / MIN])).toEqual([['tech_mid', 69, 108]]);
    const version = proposals[0].version;
    const stale = await centre.api('/api/v1/reallocation/apply', { body: { orderId: ids.b, version, metric: 'arrival', technicianId: 'tech_near' } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('no longer brings its arrival within the SLA');

    expect((await centre.api('/api/v1/reallocation/apply', { body: { orderId: ids.b, version, metric: 'arrival', technicianId: 'tech_mid' } })).status).toBe(200);
    // Mia is held up and reaches the site at 95 min, 5 min after the due instant.
    await centre.arrive(ids.b, 95);
    await centre.server.core.runScheduledJobs();
    const actions = (await centre.api(`/api/v1/corrective-actions?${centre.period(0, 120)}`)).body.items;
    expect(actions.map((a: any) => [a.orderId, a.toTechnicianId, a.outcome, a.outcomeAt])).toEqual([
      [ids.a, 'tech_near', 'met', T0 + 25 * MIN],
      [ids.b, 'tech_mid', 'missed', T0 + 95 * MIN],
    ]);
    const effectiveness = (await centre.api(`/api/v1/reallocation/effectiveness?${centre.period(0, 120)}`)).body;
    expect(effectiveness).toMatchObject({ count: 2, met: 1, missed: 1, pending: 0, effectiveness: 0.5 });
    // Only actions applied inside the period count: the second was applied at 30 min.
    expect((await centre.api(`/api/v1/reallocation/effectiveness?${centre.period(20, 120)}`)).body).toMatchObject({ count: 1, met: 0, missed: 1, effectiveness: 0 });
  });
});
