import type { Transaction } from 'kysely';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { recomputeOrderClocks } from '../sla-clocks';

type Trx = Transaction<Database>;

/**
 * Clock effects of lifecycle changes. Every one is the same thing: the change has just appended its event to
 * the order's history, and the order's clocks are derived again from that history (sla-clocks), which applies
 * the stop, cancellation, pause, resume or reopen at the event's own time, also when it arrives late. The
 * narrower signatures remain for the call sites written before the clock engine.
 */
export { recomputeOrderClocks };

/** Response at first acceptance, arrival at first on site, resolution at completion: met by the due instant, else missed. */
export async function stopClock(trx: Trx, orderId: string, _metric: SlaMetric, _at: number, now: number): Promise<void> {
  await recomputeOrderClocks(trx, orderId, now);
}

/** Cancelling an order cancels its clocks that have not stopped. */
export async function cancelClocks(trx: Trx, orderId: string, _at: number, now: number): Promise<void> {
  await recomputeOrderClocks(trx, orderId, now);
}

/** Reopening within the window resumes the resolution clock; the completion → reopen gap does not count. */
export async function resumeResolutionClock(trx: Trx, clockId: string, _dueAt: number, now: number): Promise<void> {
  const clock = await trx.selectFrom('sla_clocks').select('work_order_id').where('id', '=', clockId).executeTakeFirstOrThrow();
  await recomputeOrderClocks(trx, clock.work_order_id, now);
}
