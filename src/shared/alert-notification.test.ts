import { describe, expect, it } from 'vitest';
import { alertNotification, isNotifiedRole } from './alert-notification';
import type { AlertEvent } from './schemas/alerts.schema';

const event = (over: { change?: AlertEvent['change']; desktop?: boolean; severity?: 'warning' | 'critical' } = {}): AlertEvent =>
  ({
    change: over.change ?? 'raised',
    desktop: over.desktop ?? true,
    alert: {
      id: 'alr_1',
      title: 'WO-2026-000042: response at 75 %',
      message: 'Harbour Foods · Water leak · due 10:30',
      severity: over.severity ?? 'warning',
      notifyRoles: ['dispatcher', 'manager'],
    },
  }) as AlertEvent;

describe('alert notifications', () => {
  it('notifies the roles the alert names, and only when it asks for a desktop notification', () => {
    expect(isNotifiedRole(event(), 'dispatcher')).toBe(true);
    expect(isNotifiedRole(event(), 'manager')).toBe(true);
    expect(isNotifiedRole(event(), 'admin')).toBe(false);
    expect(isNotifiedRole(event(), 'display')).toBe(false);
    expect(isNotifiedRole(event({ desktop: false }), 'dispatcher')).toBe(false);
  });

  it('words a repeat as a reminder and marks critical alerts', () => {
    expect(alertNotification(event())).toEqual({ title: 'WO-2026-000042: response at 75 %', body: 'Harbour Foods · Water leak · due 10:30', critical: false });
    expect(alertNotification(event({ change: 'repeated', severity: 'critical' }))).toEqual({
      title: 'Reminder: WO-2026-000042: response at 75 %',
      body: 'Harbour Foods · Water leak · due 10:30',
      critical: true,
    });
  });
});
