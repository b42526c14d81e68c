import { Notification } from 'electron';
import type { EventBus } from '../core/events/event-bus';
import type { Logger } from '../core/logger';
import { alertNotification, isNotifiedRole } from '../shared/alert-notification';
import type { EventPayload } from '../shared/contract';
import type { WindowSessions } from './sessions';
import { bringForward } from './windows';

/** The part of a BrowserWindow the notifications need: whose session it is, and bringing it forward. */
export interface NotifiableWindow {
  readonly webContents: { readonly id: number };
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

type AlertEvent = EventPayload<'alert.raised'>;

/**
 * Desktop notifications for alerts (DOMAIN.md channels: "desktop notification"). An `alert.raised` or
 * `alert.updated` event with `desktop: true` shows one system notification when at least one open window is
 * signed in with a role the alert notifies; the OS shows notifications per app, not per window, so one is enough.
 * Clicking it calls `reveal` with that window: main brings it forward on the alerts page; by default it is only
 * brought forward. Returns the unsubscribe function.
 */
export function notifyAlerts<W extends NotifiableWindow>(
  bus: Pick<EventBus, 'subscribe'>,
  windows: () => readonly W[],
  sessions: Pick<WindowSessions, 'principalOf'>,
  logger: Logger,
  reveal: (window: W) => void = bringForward,
): () => void {
  // Electron drops the click handler of a notification nothing references any more, so shown ones are kept.
  const showing = new Set<Notification>();

  async function windowOfNotifiedUser(event: AlertEvent): Promise<W | null> {
    for (const window of windows()) {
      if (window.isDestroyed()) continue;
      const principal = await sessions.principalOf(window.webContents.id);
      if (principal && isNotifiedRole(event, principal.role)) return window;
    }
    return null;
  }

  async function show(event: AlertEvent): Promise<void> {
    if (!Notification.isSupported()) return;
    const target = await windowOfNotifiedUser(event);
    if (!target) return;
    const { title, body, critical } = alertNotification(event);
    const notification = new Notification({ title, body, urgency: critical ? 'critical' : 'normal' });
    const forget = () => showing.delete(notification);
    notification.on('click', () => {
      forget();
      if (!target.isDestroyed()) reveal(target);
    });
    notification.on('close', forget);
    showing.add(notification);
    notification.show();
  }

  return bus.subscribe((name, payload) => {
    if (name !== 'alert.raised' && name !== 'alert.updated') return;
    const event = payload as AlertEvent;
    if (!event.desktop) return;
    show(event).catch((error: unknown) => logger.error('desktop notification failed', { alertId: event.alert.id, error: String((error as Error)?.stack ?? error) }));
  });
}
