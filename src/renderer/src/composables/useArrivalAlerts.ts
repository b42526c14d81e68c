import { useMessage } from 'naive-ui';
import { onBeforeUnmount, shallowRef } from 'vue';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { useTechStore } from '../stores/tech.store';

type AlertPermission = NotificationPermission | 'unsupported';

/** Some browsers (iOS Safari outside a home-screen app, old WebViews) have no Notification API at all. */
const supported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Tells the technician when an order is dispatched to them: always in the page, and as a system notification once
 * they allowed it. Permission can only be asked on a tap (`enable`), and nothing here may throw where the API is
 * missing or refuses (Android Chrome allows notifications only through a service worker).
 */
export function useArrivalAlerts(describe: (order: WorkOrderSummary) => string) {
  const tech = useTechStore();
  const message = useMessage();
  const permission = shallowRef<AlertPermission>(supported() ? Notification.permission : 'unsupported');

  async function enable(): Promise<void> {
    if (!supported()) return;
    try {
      permission.value = await Notification.requestPermission();
    } catch {
      permission.value = Notification.permission;
    }
  }

  function notify(order: WorkOrderSummary): void {
    message.info(`New work order ${order.number}: ${describe(order)}`, { duration: 6000, closable: true });
    if (!supported() || Notification.permission !== 'granted') return;
    try {
      new Notification(`New work order ${order.number}`, { body: describe(order), tag: order.id });
    } catch {
      // The in-page message above already told them.
    }
  }

  onBeforeUnmount(tech.onArrival(notify));
  return { permission, enable };
}
