import type { Alert } from '../../shared/schemas/alerts.schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps } from '../rpc/handlers';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { storeAndNotify, type NewAlert } from './alert-writer';
import { outboxFor } from './delivery/outbox';

export type RaiseAlertInput = Omit<NewAlert, 'level'>;

/**
 * Stores an alert that no escalation protocol raised (an anomaly, say) and delivers it: the `alert.raised` event
 * (in-app, and desktop when asked), and an attempt per active e-mail or webhook channel serving a notified role.
 * Returns the alert, or null when one with the same `dedupeKey` was raised before. Call it outside a transaction:
 * it opens its own, and the outbox sends after the commit.
 */
export async function raiseAlert(deps: CoreDeps, input: RaiseAlertInput): Promise<Alert | null> {
  const now = deps.clock.now();
  const calendars = new PolicyCalendars(deps.db);
  const alert = await inTransaction(deps.db, deps.bus, (trx, emit) => storeAndNotify(trx, emit, { ...input, level: 0 }, now, calendars));
  if (alert) await outboxFor(deps).dispatchDue(now);
  return alert;
}
