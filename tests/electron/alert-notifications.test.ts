import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { EventBus } from '../../src/core/events/event-bus';
import { notifyAlerts } from '../../src/main/alert-notifications';
import type { EventPayload } from '../../src/shared/contract';
import type { Principal, Role } from '../../src/shared/roles';
import { BrowserWindow, resetFakes } from './electron-fakes';

/** Electron's Notification, recorded: what was shown, and a click like the user's. */
const notifications = vi.hoisted(() => ({ shown: [] as any[], supported: true }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Notification extends EventEmitter {
    static isSupported = () => notifications.supported;
    constructor(readonly options: { title: string; body: string; urgency?: string }) {
      super();
    }
    show(): void {
      notifications.shown.push(this);
    }
  }
  return { ...(await import('./electron-fakes')), Notification };
});

const principal = (role: Role): Principal => ({ kind: 'user', id: `usr_${role}`, name: role, role, scopes: [] });

function alertEvent(overrides: { notifyRoles?: ('dispatcher' | 'manager' | 'admin')[]; desktop?: boolean; change?: 'raised' | 'repeated' | 'acknowledged' } = {}): EventPayload<'alert.raised'> {
  return {
    change: overrides.change ?? 'raised',
    desktop: overrides.desktop ?? true,
    alert: {
      id: 'alr_1', kind: 'sla_escalation', severity: 'critical', title: 'WO-2026-000001 response: due', message: 'Level 3 of "Standard escalation"…',
      orderId: 'wo_1', orderNumber: 'WO-2026-000001', clockId: 'clk_1', metric: 'response', level: 3, raisedAt: 1, acknowledgedAt: null, acknowledgedBy: null,
      late: false, notifyRoles: overrides.notifyRoles ?? ['manager'], channels: ['in_app', 'desktop'], percentElapsed: 100, clockState: 'running', dueAt: 1,
      data: {}, deliveries: { total: 1, pending: 0, sent: 1, failed: 0, dead: 0 },
    },
  };
}

describe('desktop notifications for alerts', () => {
  let bus: EventBus;
  let windows: Record<'dispatcher' | 'manager' | 'display', BrowserWindow>;
  let signedIn: Map<number, Principal>;
  let stop: () => void;

  beforeEach(() => {
    resetFakes();
    notifications.shown.length = 0;
    notifications.supported = true;
    bus = new EventBus();
    windows = { dispatcher: new BrowserWindow({}), manager: new BrowserWindow({}), display: new BrowserWindow({}) };
    signedIn = new Map([
      [windows.dispatcher.webContents.id, principal('dispatcher')],
      [windows.manager.webContents.id, principal('manager')],
      [windows.display.webContents.id, principal('display')],
    ]);
    stop = notifyAlerts(bus, () => BrowserWindow.getAllWindows(), { principalOf: async (id) => signedIn.get(id) ?? null }, silentLogger);
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('shows one notification when a window is signed in with a notified role, and a click brings that window forward', async () => {
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['manager'] }));
    await settle();
    expect(notifications.shown.map((n) => n.options)).toEqual([{ title: 'WO-2026-000001 response: due', body: 'Level 3 of "Standard escalation"…', urgency: 'critical' }]);
    windows.manager.minimized = true;
    notifications.shown[0].emit('click');
    expect(windows.manager.restore).toHaveBeenCalledTimes(1);
    expect(windows.manager.focus).toHaveBeenCalledTimes(1);
    expect(windows.dispatcher.focus).not.toHaveBeenCalled();
  });

  it('hands a click to the reveal callback with the notified user’s window, which main routes to the alerts page', async () => {
    stop();
    const reveal = vi.fn();
    stop = notifyAlerts(bus, () => BrowserWindow.getAllWindows(), { principalOf: async (id) => signedIn.get(id) ?? null }, silentLogger, reveal);
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['manager'] }));
    await settle();
    expect(reveal).not.toHaveBeenCalled();
    notifications.shown[0].emit('click');
    expect(reveal).toHaveBeenCalledTimes(1);
    expect(reveal).toHaveBeenCalledWith(windows.manager);
    // The window closed before the click: nothing to reveal.
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['manager'] }));
    await settle();
    windows.manager.webContents.destroy();
    notifications.shown[1].emit('click');
    expect(reveal).toHaveBeenCalledTimes(1);
  });

  it('says so when it is a repeat', async () => {
    bus.publish('alert.updated', alertEvent({ change: 'repeated', notifyRoles: ['dispatcher', 'manager'] }));
    await settle();
    expect(notifications.shown.map((n) => n.options.title)).toEqual(['Reminder: WO-2026-000001 response: due']);
    notifications.shown[0].emit('click');
    expect(windows.dispatcher.focus).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when no window belongs to a notified role, when the event does not ask for it, or when signed out', async () => {
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['admin'] }));
    bus.publish('alert.raised', alertEvent({ desktop: false }));
    bus.publish('alert.updated', alertEvent({ change: 'acknowledged', desktop: false }));
    signedIn.delete(windows.manager.webContents.id);
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['manager'] }));
    await settle();
    expect(notifications.shown).toEqual([]);
  });

  it('skips closed windows, respects an OS without notifications, and stops when unsubscribed', async () => {
    windows.manager.webContents.destroy();
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['manager'] }));
    notifications.supported = false;
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['dispatcher'] }));
    await settle();
    expect(notifications.shown).toEqual([]);
    notifications.supported = true;
    stop();
    bus.publish('alert.raised', alertEvent({ notifyRoles: ['dispatcher'] }));
    await settle();
    expect(notifications.shown).toEqual([]);
  });
});
