import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { EventBus } from '../../src/core/events/event-bus';
import { forwardEvents } from '../../src/main/event-forwarding';
import { IPC_EVENT_CHANNEL } from '../../src/shared/bridge';
import type { EventPayload } from '../../src/shared/contract';
import type { Principal, Role } from '../../src/shared/roles';
import { FakeWebContents } from './electron-fakes';

const principal = (role: Role): Principal => ({ kind: 'user', id: `usr_${role}`, name: role, role, scopes: [], technicianId: role === 'technician' ? 'tech_0007' : null });
const moved: EventPayload<'technician.moved'> = { technicianId: 'tech_1', lat: 52.37, lon: 4.89, at: 1_767_600_000_000 };
const refChanged: EventPayload<'reference.changed'> = { entity: 'technician', id: 'tech_1' };

describe('forwardEvents', () => {
  let bus: EventBus;
  let principals: Map<number, Principal>;
  let windows: Record<'admin' | 'display' | 'technician' | 'signedOut' | 'closed', FakeWebContents>;
  let stop: () => void;
  let lookupDelayMs: () => number;

  beforeEach(() => {
    bus = new EventBus();
    windows = {
      admin: new FakeWebContents(),
      display: new FakeWebContents(),
      technician: new FakeWebContents(),
      signedOut: new FakeWebContents(),
      closed: new FakeWebContents(),
    };
    windows.closed.destroyed = true;
    principals = new Map([
      [windows.admin.id, principal('admin')],
      [windows.display.id, principal('display')],
      [windows.technician.id, principal('technician')],
      [windows.closed.id, principal('admin')],
    ]);
    lookupDelayMs = () => 0;
    const sessions = {
      principalOf: async (id: number) => {
        const delay = lookupDelayMs();
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        return principals.get(id) ?? null;
      },
    };
    stop = forwardEvents(bus, () => Object.values(windows), sessions, silentLogger);
  });

  /** Every window's received event names. */
  const received = () => Object.fromEntries(Object.entries(windows).map(([k, w]) => [k, w.sent.map((s) => s[1])]));
  /** Deliveries are asynchronous but ordered: once a later event for everyone arrived, earlier ones were decided. */
  const settle = async () => {
    bus.publish('technician.moved', moved);
    await vi.waitFor(() => expect(windows.technician.sent.at(-1)?.[1]).toBe('technician.moved'));
  };

  it('sends each event on the event channel to the windows whose role may see it', async () => {
    bus.publish('reference.changed', refChanged);
    await settle();
    expect(received()).toEqual({
      admin: ['reference.changed', 'technician.moved'],
      display: ['reference.changed', 'technician.moved'],
      technician: ['technician.moved'],
      signedOut: [],
      closed: [],
    });
    expect(windows.admin.sent[0]).toEqual([IPC_EVENT_CHANNEL, 'reference.changed', refChanged]);
  });

  it("tells a technician about their own orders only (the event's audience filter)", async () => {
    const order = (technicianId: string | null) => ({
      order: { id: 'wo_1', number: 'WO-2026-000001', status: 'dispatched' as const, priority: 'P2' as const, categoryCode: 'LEAK', customerName: 'C', siteName: 'S', regionId: null, technicianId, receivedAt: 1, updatedAt: 1, updatedBy: 'D', version: 2, estimatedMinutes: 60, site: { lat: 52.3, lon: 4.9 }, nextDue: null },
      change: 'dispatched',
    });
    bus.publish('workOrder.changed', order('tech_other'));
    bus.publish('workOrder.changed', order(principals.get(windows.technician.id)!.technicianId ?? null));
    await settle();
    expect(received().technician).toEqual(['workOrder.changed', 'technician.moved']);
    expect(received().admin).toEqual(['workOrder.changed', 'workOrder.changed', 'technician.moved']);
  });

  it('keeps the publishing order although principals are looked up asynchronously', async () => {
    // Earlier lookups take longer, so unchained deliveries would arrive in reverse.
    let lookups = 0;
    lookupDelayMs = () => Math.max(0, 30 - 2 * lookups++);
    for (let i = 0; i < 5; i++) bus.publish('reference.changed', { entity: 'region', id: `reg_${i}` });
    await settle();
    expect(windows.admin.sent.slice(0, 5).map((s) => (s[2] as { id: string }).id)).toEqual(['reg_0', 'reg_1', 'reg_2', 'reg_3', 'reg_4']);
  });

  it('stops sending to a window as soon as its session ends', async () => {
    principals.delete(windows.admin.id);
    bus.publish('reference.changed', refChanged);
    await settle();
    expect(received().admin).toEqual([]);
  });

  it('keeps delivering to the others when one window fails', async () => {
    windows.display.send = () => {
      throw new Error('render process gone');
    };
    await settle();
    expect(received().admin).toEqual(['technician.moved']);
  });

  it('sends nothing after unsubscribing', async () => {
    stop();
    bus.publish('technician.moved', moved);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(windows.admin.sent).toEqual([]);
  });
});
