import type { Transaction } from 'kysely';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';

type Trx = Transaction<Database>;
const LIVE_STATES = ['running', 'paused', 'breached'] as const;

/**
 * Stops the clock of `metric` at event time `at` (DOMAIN.md: response at first acceptance, arrival at first on
 * site, resolution at completion): met if it stopped by its due instant, missed after it. A clock already
 * stopped stays as it is, so a second acceptance after a rejection does not move the response clock.
 */
export async function stopClock(trx: Trx, orderId: string, metric: SlaMetric, at: number, now: number): Promise<void> {
  const clock = await trx
    .selectFrom('sla_clocks')
    .select(['id', 'due_at', 'started_at'])
    .where('work_order_id', '=', orderId)
    .where('metric', '=', metric)
    .where('state', 'in', LIVE_STATES)
    .executeTakeFirst();
  if (!clock) return;
  const met = clock.due_at === null || at <= clock.due_at;
  await trx
    .updateTable('sla_clocks')
    .set({ state: met ? 'met' : 'missed', stopped_at: at, updated_at: now })
    .where('id', '=', clock.id)
    .execute();
}

/** Cancelling an order cancels its clocks that have not stopped. */
export async function cancelClocks(trx: Trx, orderId: string, at: number, now: number): Promise<void> {
  await trx
    .updateTable('sla_clocks')
    .set({ state: 'cancelled', stopped_at: at, updated_at: now })
    .where('work_order_id', '=', orderId)
    .where('state', 'in', LIVE_STATES)
    .execute();
}

/**
 * Reopening within the window resumes the resolution clock: the business time between completion and reopening
 * does not count, so its due instant moves by that much (the caller computes `dueAt` on the policy calendar).
 */
export async function resumeResolutionClock(trx: Trx, clockId: string, dueAt: number, now: number): Promise<void> {
  await trx.updateTable('sla_clocks').set({ state: 'running', stopped_at: null, due_at: dueAt, updated_at: now }).where('id', '=', clockId).execute();
}
