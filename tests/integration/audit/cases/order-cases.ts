import { expect } from 'vitest';
import { changed, created, orderChange, type AuditCase } from './case';
import { MIN, north, SITE, type World } from './world';

const SOUTH_SITE = { lat: 50.0, lon: 6.0 };

/** An order proposed to a technician (status `assigned`, approve mode). */
async function proposed(w: World): Promise<any> {
  const order = await w.newOrder();
  expect(order.status).toBe('assigned');
  return order;
}

/** An order taken from `new` through the given steps, done by the admin on the technician's behalf. */
async function orderAt(w: World, steps: readonly ('approve' | 'accept' | 'on_site' | 'completed' | 'hold')[]): Promise<any> {
  const order = await proposed(w);
  for (const step of steps) {
    const id = order.id;
    if (step === 'approve') await w.ok('workOrders.approve', { id, version: await w.version(id) });
    if (step === 'accept') await w.ok('workOrders.accept', { id });
    if (step === 'on_site' || step === 'completed') await w.ok('workOrders.progress', { id, status: step });
    if (step === 'hold') await w.ok('workOrders.hold', { id, reason: 'waiting_parts' });
  }
  return { ...order, version: await w.version(order.id) };
}

const versioned = (extra: Record<string, unknown> = {}) => (_w: World, order: any) => ({ id: order.id, version: order.version, ...extra });
const orderEntry = (action: string) => (_r: unknown, _w: World, order: any) => [orderChange(action, order.id)];

/** Sample calls of intake, the work-order lifecycle, assignment, telemetry, reallocation and alerts. */
export const orderCases: Record<string, AuditCase> = {
  'serviceRequests.create': {
    input: () => ({
      idempotencyKey: 'audit-intake',
      categoryCode: 'FIX',
      priority: 'P1',
      description: 'Boiler pressure drops.',
      customer: { externalId: 'C-intake', name: 'Intake customer' },
      site: { externalId: 'S-intake', name: 'Site', address: 'Noordweg 2', ...SITE },
    }),
    // The order, with its proposal and clocks, is one new entity (the customer and site it may add are not audited).
    entries: (r) => [created('workOrder.created', 'work_order', r.id)],
  },
  'workOrders.approve': { prepare: proposed, input: versioned(), entries: orderEntry('approve') },
  'workOrders.assign': { prepare: proposed, input: (w, o) => ({ id: o.id, version: o.version, technicianId: w.ids.far }), entries: orderEntry('assign') },
  'workOrders.update': { prepare: proposed, input: versioned({ description: 'Boiler pressure drops twice a day.' }), entries: orderEntry('update') },
  // One entry per repaired order, with its clocks before and after.
  'sla.repair': {
    prepare: proposed,
    input: (_w, o) => ({ orderIds: [o.id], reason: 'Calendar corrected' }),
    entries: (_r, _w, o) => [changed('sla.repair', 'work_order', o.id)],
  },
  'workOrders.cancel': { prepare: proposed, input: versioned({ reason: 'Customer fixed it' }), entries: orderEntry('cancel') },
  'workOrders.accept': { prepare: (w) => orderAt(w, ['approve']), input: (_w, o) => ({ id: o.id }), entries: orderEntry('accept') },
  'workOrders.reject': { prepare: (w) => orderAt(w, ['approve']), input: (_w, o) => ({ id: o.id, reason: 'Van broke down' }), entries: orderEntry('reject') },
  'workOrders.progress': {
    prepare: (w) => orderAt(w, ['approve', 'accept']),
    input: (_w, o) => ({ id: o.id, status: 'en_route' }),
    // The lifecycle step reported is the action recorded.
    entries: orderEntry('en_route'),
  },
  'workOrders.hold': { prepare: (w) => orderAt(w, ['approve', 'accept']), input: (_w, o) => ({ id: o.id, reason: 'waiting_parts' }), entries: orderEntry('hold') },
  'workOrders.resume': { prepare: (w) => orderAt(w, ['approve', 'accept', 'hold']), input: (_w, o) => ({ id: o.id }), entries: orderEntry('resume') },
  'workOrders.close': { prepare: (w) => orderAt(w, ['approve', 'accept', 'on_site', 'completed']), input: versioned(), entries: orderEntry('close') },
  'workOrders.reopen': {
    prepare: (w) => orderAt(w, ['approve', 'accept', 'on_site', 'completed']),
    input: versioned({ reason: 'Pressure drops again' }),
    entries: orderEntry('reopen'),
  },
  'assignments.applyBatch': {
    prepare: async (w) => {
      const order = await proposed(w);
      const { proposals } = await w.ok('assignments.proposeBatch', { orderIds: [order.id] });
      expect(proposals).toHaveLength(1);
      return proposals[0];
    },
    input: (_w, p) => ({ proposals: [{ orderId: p.orderId, version: p.version, technicianId: p.technicianId }] }),
    entries: (_r, _w, p) => [orderChange('assign', p.orderId)],
  },
  'telemetry.ingest': {
    prepare: (w) => orderAt(w, ['approve']),
    input: (w, o) => ({ events: [{ eventId: `accept-${o.id}`, type: 'status', workOrderId: o.id, at: new Date(w.clock.now()).toISOString(), status: 'accepted' }] }),
    entries: orderEntry('accept'),
  },
  // A GPS fix moves the technician on the map; positions are telemetry, not an audited change (DOMAIN.md "Audit").
  'technicians.reportPosition': {
    input: (w) => ({ technicianId: w.ids.near, lat: SITE.lat + 0.05, lon: SITE.lon, at: w.clock.now() }),
    entries: () => [],
  },
  'reallocation.apply': {
    // At a site of its own with two technicians of its own, so the orders of the cases before keep nobody busy:
    // given to the far one (78 min away, arrival due in 60), the near one (19.5 min) is proposed instead.
    prepare: async (w) => {
      const near = await w.newTechnician('Tech south near', north(10, SOUTH_SITE));
      const far = await w.newTechnician('Tech south far', north(40, SOUTH_SITE));
      const order = await w.newOrder(SOUTH_SITE);
      await w.ok('workOrders.assign', { id: order.id, version: order.version, technicianId: far });
      const { proposals } = await w.ok('reallocation.proposals', { orderId: order.id });
      expect(proposals[0]).toMatchObject({ orderId: order.id, technicianId: near });
      return proposals[0];
    },
    input: (_w, p) => ({ orderId: p.orderId, version: p.version, metric: p.metric, technicianId: p.technicianId }),
    entries: (_r, _w, p) => [orderChange('assign', p.orderId)],
  },
  'alerts.acknowledge': {
    // 46 minutes on, the arrival clock (60 min) is past the protocol's 75 % level: an alert for the dispatchers.
    prepare: async (w) => {
      const order = await proposed(w);
      w.clock.advance(46 * MIN);
      await w.server.core.runScheduledJobs();
      await w.server.core.alerts.settled();
      const { items } = await w.ok('alerts.list', { orderId: order.id });
      expect(items.length).toBeGreaterThan(0);
      return items[0];
    },
    input: (_w, alert) => ({ id: alert.id, note: 'On it' }),
    entries: (_r, _w, alert) => [changed('alert.acknowledged', 'alert', alert.id)],
  },
};
