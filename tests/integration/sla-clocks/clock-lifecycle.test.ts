import { describe, expect, it } from 'vitest';
import { createCore, ManualClock, silentLogger } from '../../../src/core';
import { SYSTEM_PRINCIPAL } from '../../../src/shared/roles';
import { engineFor, iso, t, useClockStore } from './clock-fixture';

/**
 * The engine behind the real lifecycle services, following `workOrder.changed` on the core's bus as a host
 * would wire it. A P2 water leak (demo policy "P2 high", 24x7): response 1 h, arrival 4 h, resolution 8 h,
 * from Monday 2026-03-02 12:00 UTC (13:00 in Rivermouth, when the demo shifts have technicians for it).
 */
const store = useClockStore();

describe('clocks driven by the work-order lifecycle', () => {
  it('stop at acceptance, pause on hold for parts, resume with due instants moved, and warn at the moved instant', async () => {
    const clock = new ManualClock(t('2026-03-02T12:00:00Z'));
    const core = createCore({ db: store.db, clock, logger: silentLogger });
    const { engine, fired } = engineFor(store.db);
    engine.watch(core.bus);
    await engine.catchUp(clock.now());
    const call = (method: string, input: Record<string, unknown>) => core.call(method, input, SYSTEM_PRINCIPAL) as Promise<any>;
    const dues = async (id: string) => {
      const order = await call('workOrders.get', { id });
      return Object.fromEntries(order.sla.targets.map((c: any) => [c.metric, [c.state, iso(c.dueAt)]]));
    };

    const created = await call('serviceRequests.create', {
      idempotencyKey: 'clock-lifecycle-1',
      categoryCode: 'LEAK',
      priority: 'P2',
      description: 'Burst pipe in the plant room.',
      customer: { name: 'Clockwork Foods' },
      site: { name: 'Plant room', address: 'Kade 9, Rivermouth', lat: 52.371, lon: 4.894 },
    });
    expect(created.sla.policyName).toBe('P2 high (24x7)');
    const id: string = created.id;
    let order = created.status === 'assigned' ? await call('workOrders.approve', { id, version: created.version }) : created;
    expect(order.status).toBe('dispatched');

    clock.set(t('2026-03-02T12:20:00Z'));
    await call('workOrders.accept', { id });
    expect(await engine.tick(clock.now())).toEqual([]);

    clock.set(t('2026-03-02T12:30:00Z'));
    await call('workOrders.hold', { id, reason: 'waiting_parts' });
    await engine.tick(clock.now());
    expect(await dues(id)).toEqual({
      response: ['met', '2026-03-02T13:00:00.000Z'],
      arrival: ['paused', '2026-03-02T16:00:00.000Z'],
      resolution: ['paused', '2026-03-02T20:00:00.000Z'],
    });

    // Two hours on hold (24x7: two business hours) move arrival and resolution by two hours.
    clock.set(t('2026-03-02T14:30:00Z'));
    order = await call('workOrders.resume', { id });
    expect(await engine.tick(clock.now())).toEqual([]);
    expect(await dues(id)).toEqual({
      response: ['met', '2026-03-02T13:00:00.000Z'],
      arrival: ['running', '2026-03-02T18:00:00.000Z'],
      resolution: ['running', '2026-03-02T22:00:00.000Z'],
    });

    // Arrival 75 % = 3 h: 30 min before the hold and 2 h 30 min after it, so 17:00 rather than the unpaused 15:00.
    expect(await engine.tick(t('2026-03-02T16:59:59Z'))).toEqual([]);
    const warnings = await engine.tick(t('2026-03-02T17:00:00Z'));
    expect(warnings.map((e) => [e.name, e.payload.metric, e.payload.threshold, iso(e.payload.reachedAt), e.payload.number])).toEqual([
      ['sla.warning', 'arrival', 75, '2026-03-02T17:00:00.000Z', order.number],
    ]);
    expect(fired).toEqual(warnings);
  });
});
