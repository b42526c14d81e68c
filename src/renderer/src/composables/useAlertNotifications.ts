import { onBeforeUnmount } from 'vue';
import { useRouter } from 'vue-router';
import type { AlertEvent } from '@shared/schemas/alerts.schema';
import { alertNotification, isNotifiedRole } from '@shared/alert-notification';
import { api } from '../api';
import { useSessionStore } from '../stores/session.store';

const supported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/**
 * System notifications for alerts on a workstation that talks to its centre over the network (a browser, or the
 * desktop app connected to a remote centre). Inside the desktop app on its own centre, main shows them instead, so
 * this does nothing there. Permission is asked on the first click (browsers ignore a request without a gesture);
 * clicking a notification brings the window forward on the SLA risk view, where the alert is acknowledged.
 */
export function useAlertNotifications(): void {
  if (!api.needsToken || !supported()) return;
  const session = useSessionStore();
  const router = useRouter();

  const askOnce = () => {
    if (Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
  };
  window.addEventListener('pointerdown', askOnce, { once: true });

  function show(event: AlertEvent): void {
    const role = session.role;
    if (!role || !isNotifiedRole(event, role) || Notification.permission !== 'granted') return;
    const { title, body, critical } = alertNotification(event);
    try {
      // One notification per alert and change, however many windows of this workstation receive the event.
      const notification = new Notification(title, { body, tag: `${event.alert.id}:${event.change}`, requireInteraction: critical });
      notification.onclick = () => {
        window.focus();
        void router.push('/risk');
        notification.close();
      };
    } catch {
      // The alert is on the risk view and the wall either way.
    }
  }

  const stops = [api.on('alert.raised', show), api.on('alert.updated', show)];
  onBeforeUnmount(() => {
    stops.forEach((stop) => stop());
    window.removeEventListener('pointerdown', askOnce);
  });
}
