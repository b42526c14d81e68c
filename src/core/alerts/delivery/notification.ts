import type { Transaction } from 'kysely';
import type { AlertChannelKind, NotifyRole } from '../../../shared/schemas/escalation.schema';
import { newId } from '../../db/ids';
import type { Database } from '../../db/schema';
import { channelsServing } from './channel-store';

export interface Notification {
  alertId: string;
  notifyRoles: readonly NotifyRole[];
  channels: readonly AlertChannelKind[];
}

/**
 * Records one notification of an alert, in the transaction that raised or repeated it. In-app and desktop are
 * delivered by the alert event itself (published on commit), so they are recorded as sent; each e-mail and
 * webhook channel serving a notified role gets a pending attempt that the outbox sends after the commit, outside
 * any transaction. Returns whether the event should ask for a desktop notification.
 */
export async function recordNotification(trx: Transaction<Database>, notification: Notification, now: number): Promise<{ desktop: boolean }> {
  const { alertId, notifyRoles, channels } = notification;
  const attempt = { alert_id: alertId, attempt: 1, attempted_at: now, response: null, error: null };
  const rows = [];
  for (const channel of channels) {
    if (channel === 'in_app' || channel === 'desktop') {
      rows.push({ ...attempt, id: newId('dlv', now), channel, target: `roles:${notifyRoles.join(',')}`, status: 'sent' as const, channel_id: null });
      continue;
    }
    for (const serving of await channelsServing(trx, channel, notifyRoles)) {
      rows.push({ ...attempt, id: newId('dlv', now), channel, target: serving.target, status: 'pending' as const, channel_id: serving.id });
    }
  }
  if (rows.length > 0) await trx.insertInto('alert_deliveries').values(rows).execute();
  return { desktop: channels.includes('desktop') };
}
