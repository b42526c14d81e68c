import { describe, expect, it } from 'vitest';
import { rowCounts } from '../helpers/test-server';
import { HOUR, MIN, north, T0, useReallocationCentre } from './reallocation-fixture';

const SITE = { lat: 51.0, lon: 4.0 };
const P4_SITE = north(SITE, 40);
const centre = useReallocationCentre([
  { id: 'tech_far', name: 'Fay Far', at: P4_SITE }, // 78 min from the P1's site, 0 from the P4's
  // 100 min a day: with the P4's 60 booked, the P1's 60 do not fit.
  { id: 'tech_near', name: 'Nico Near', at: north(SITE, 10), capacityMinutes: 100 }, // 19.5 min from the P1's site
]);
const ids: Record<string, string> = {};

describe('swapping lower-priority work', () => {
  it('proposes the near technician, freed from his P4, which goes to the far one', async () => {
    ids.p4 = (await centre.createOrder(P4_SITE, 'P4')).id;
    await centre.assign(ids.p4, 'tech_near');
    ids.p1 = (await centre.createOrder(SITE, 'P1')).id;
    expect((await centre.order(ids.p1)).technicianId).toBe('tech_far');
    centre.at(5);
    const { proposals } = (await centre.api(`/api/v1/reallocation/proposals?orderId=${ids.p1}`)).body;
    const p4 = await centre.order(ids.p4);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      kind: 'swap',
      technicianId: 'tech_near',
      currentTechnicianId: 'tech_far',
      currentPredictedArrivalAt: T0 + 83 * MIN,
      predictedArrivalAt: T0 + 24.5 * MIN,
      minutesSaved: 58.5,
      dueAt: T0 + HOUR,
      otherOrder: {
        orderId: ids.p4,
        orderNumber: p4.number,
        priority: 'P4',
        version: p4.version,
        fromTechnicianId: 'tech_near',
        toTechnicianId: 'tech_far',
        toTechnicianName: 'Fay Far',
        predictedArrivalAt: T0 + 5 * MIN,
        dueAt: T0 + 8 * HOUR,
      },
    });
    expect(proposals[0].reasons.slice(1)).toEqual([
      `Nico Near holds ${p4.number} (P4, next due in 7 h 55 min); freed from it, he arrives in 19.5 min (a 19.5 min drive), 35.5 min before the arrival due.`,
      `${p4.number} goes to Fay Far, who arrives there in 0 min, still 7 h 55 min within its SLA.`,
      'That is 58.5 min earlier than Fay Far.',
    ]);
  });

  it('changes neither order when the other order’s version is stale', async () => {
    const [p1, p4] = [await centre.order(ids.p1), await centre.order(ids.p4)];
    const before = rowCounts(centre.server);
    const response = await centre.api('/api/v1/reallocation/apply', {
      body: { orderId: ids.p1, version: p1.version, metric: 'arrival', technicianId: 'tech_near', otherOrderId: ids.p4, otherVersion: p4.version - 1 },
    });
    expect(response.status).toBe(409);
    expect(response.body.current).toMatchObject({ version: p4.version, technicianId: 'tech_near' });
    expect(rowCounts(centre.server)).toEqual(before);
    expect([(await centre.order(ids.p1)).version, (await centre.order(ids.p4)).version]).toEqual([p1.version, p4.version]);
  });

  it('applies both changes in one transaction and announces them after the commit', async () => {
    const [p1, p4] = [await centre.order(ids.p1), await centre.order(ids.p4)];
    const heard: [string, string][] = [];
    const unsubscribe = centre.server.core.bus.subscribe((name, payload: any) => heard.push([name, payload.order?.id ?? payload.correctiveAction?.orderId]));
    const response = await centre.api('/api/v1/reallocation/apply', {
      body: { orderId: ids.p1, version: p1.version, metric: 'arrival', technicianId: 'tech_near', otherOrderId: ids.p4, otherVersion: p4.version },
    });
    unsubscribe();
    expect(response.status).toBe(200);
    expect(response.body.order).toMatchObject({ id: ids.p1, technicianId: 'tech_near', status: 'dispatched' });
    expect(response.body.otherOrder).toMatchObject({ id: ids.p4, technicianId: 'tech_far', status: 'dispatched' });
    expect(response.body.correctiveAction).toMatchObject({ kind: 'swap', orderId: ids.p1, fromTechnicianId: 'tech_far', toTechnicianId: 'tech_near', otherOrderId: ids.p4 });
    expect(heard).toEqual([
      ['workOrder.changed', ids.p1],
      ['workOrder.changed', ids.p4],
      ['reallocation.applied', ids.p1],
    ]);
    // One audit entry per order change, next to each other in the chain: both were written by the same commit.
    const audit = centre.server.database.sqlite.prepare('SELECT seq, action, entity_id FROM audit_log WHERE at = ? ORDER BY seq').all(T0 + 5 * MIN) as any[];
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['workOrder.assign', ids.p1],
      ['workOrder.assign', ids.p4],
    ]);
    expect(audit[1].seq - audit[0].seq).toBe(1);
    const p4Events = (await centre.order(ids.p4)).events.slice(-2);
    expect(p4Events.map((e: any) => [e.type, e.data.technicianId, e.data.previousTechnicianId ?? null, e.data.swappedFor ?? null])).toEqual([
      ['assign', 'tech_far', 'tech_near', ids.p1],
      ['dispatched', 'tech_far', null, null],
    ]);
  });
});
