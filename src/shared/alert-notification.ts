import type { Role } from './roles';
import type { AlertEvent } from './schemas/alerts.schema';

/** What a system notification for an alert says; the same in the desktop's main process and in a browser. */
export interface AlertNotification {
  title: string;
  body: string;
  critical: boolean;
}

/** Whether someone signed in with `role` is notified (DOMAIN.md channel "desktop notification"), and with what. */
export function isNotifiedRole(event: AlertEvent, role: Role): boolean {
  return event.desktop && (event.alert.notifyRoles as readonly string[]).includes(role);
}

export function alertNotification(event: AlertEvent): AlertNotification {
  return {
    title: event.change === 'repeated' ? `Reminder: ${event.alert.title}` : event.alert.title,
    body: event.alert.message,
    critical: event.alert.severity === 'critical',
  };
}
