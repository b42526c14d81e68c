import type { Transaction } from 'kysely';
import type { Alert } from '../../shared/schemas/alerts.schema';
import { AlertChannelKind, NotifyRole } from '../../shared/schemas/escalation.schema';
import { newId } from '../db/ids';
import type { AlertSeverity, Database } from '../db/schema';
import type { Emit } from '../db/transaction';
import type { PolicyCalendars } from '../work-orders/policy-calendars';
import { readAlert, type LiveClock } from './alert-view';
import { recordNotification } from './delivery/notification';

/** Stores alerts and their notifications inside the caller's transaction; the events go out on its commit. */

export interface NewAlert {
  kind: string;
  severity: AlertSeverity;
  /** At most one alert per key, ever: a second raise with the same key does nothing. */
  dedupeKey: string;
  title: string;
  message: string;
  workOrderId?: string | null;
  clockId?: string | null;
  /** The escalation level that raised it; 0 outside a protocol. */
  level?: number;
  data?: Record<string, unknown>;
  notifyRoles: readonly NotifyRole[];
  channels: readonly AlertChannelKind[];
}

/** Stores the alert and its first notification; null when its dedupe key was raised before. `derived`: as in readAlerts. */
export async function storeAndNotify(
  trx: Transaction<Database>,
  emit: Emit,
  alert: NewAlert,
  now: number,
  calendars: PolicyCalendars,
  derived?: ReadonlyMap<string, LiveClock>,
): Promise<Alert | null> {
  const id = newId('alr', now);
  const data = { ...alert.data, notifyRoles: alert.notifyRoles, channels: alert.channels, lastNotifiedAt: now, notifications: 1 };
  const inserted = await trx
    .insertInto('alerts')
    .values({
      id,
      kind: alert.kind,
      severity: alert.severity,
      dedupe_key: alert.dedupeKey,
      work_order_id: alert.workOrderId ?? null,
      clock_id: alert.clockId ?? null,
      escalation_level: alert.level ?? 0,
      title: alert.title,
      message: alert.message,
      raised_at: now,
      acknowledged_at: null,
      acknowledged_by: null,
      data_json: JSON.stringify(data),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  const { desktop } = await recordNotification(trx, { alertId: id, notifyRoles: alert.notifyRoles, channels: alert.channels }, now);
  const view = (await readAlert(trx, id, now, calendars, derived))!;
  emit('alert.raised', { alert: view, change: 'raised', desktop });
  return view;
}

/** Notifies again over the alert's channels (a repeating level not yet acknowledged). */
export async function renotify(
  trx: Transaction<Database>,
  emit: Emit,
  alertId: string,
  now: number,
  calendars: PolicyCalendars,
  derived?: ReadonlyMap<string, LiveClock>,
): Promise<void> {
  const row = await trx.selectFrom('alerts').select('data_json').where('id', '=', alertId).executeTakeFirstOrThrow();
  const data = JSON.parse(row.data_json) as Record<string, unknown> & { notifications?: number };
  const next = { ...data, lastNotifiedAt: now, notifications: (data.notifications ?? 1) + 1 };
  await trx.updateTable('alerts').set({ data_json: JSON.stringify(next) }).where('id', '=', alertId).execute();
  const notifyRoles = NotifyRole.array().parse(data.notifyRoles);
  const channels = AlertChannelKind.array().parse(data.channels);
  const { desktop } = await recordNotification(trx, { alertId, notifyRoles, channels }, now);
  emit('alert.updated', { alert: (await readAlert(trx, alertId, now, calendars, derived))!, change: 'repeated', desktop });
}
