import type { Kysely, Transaction } from 'kysely';
import type { EventName, EventPayload } from '../../shared/contract';
import type { EventBus } from '../events/event-bus';
import type { Database } from './schema';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/**
 * Runs `work` in one transaction and publishes the events it emitted only after the commit, so no window ever
 * sees a change that was rolled back.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  bus: EventBus,
  work: (trx: Transaction<Database>, emit: Emit) => Promise<T>,
): Promise<T> {
  const pending: [EventName, unknown][] = [];
  const emit: Emit = (name, payload) => pending.push([name, payload]);
  const result = await db.transaction().execute((trx) => work(trx, emit));
  for (const [name, payload] of pending) bus.publish(name, payload as never);
  return result;
}
