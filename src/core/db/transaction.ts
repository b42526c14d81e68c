import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { EventName, EventPayload } from '../../shared/contract';
import type { EventBus } from '../events/event-bus';
import type { Database } from './schema';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
type Work<T> = (trx: Transaction<Database>, emit: Emit) => Promise<T>;

interface Job {
  work: Work<unknown>;
  bus: EventBus;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** More than this many changes in one commit only delays the first caller's answer without saving more. */
const MAX_GROUP = 64;
const queues = new WeakMap<Kysely<Database>, GroupCommitQueue>();

/**
 * Runs `work` in one transaction and publishes the events it emitted only after the commit, so no window ever
 * sees a change that was rolled back.
 *
 * Group commit: changes that arrive while a transaction is running wait and then share the next commit, each in
 * its own savepoint. A change that fails rolls back to its savepoint alone; the others commit. Every caller gets
 * its answer only after the commit that made its change durable, so nothing is acknowledged and then lost. One
 * commit for many changes writes each hot page (index tails, counters, the audit chain's tail) once per group
 * instead of once per change, which is where most of the write cost under load goes.
 */
export function inTransaction<T>(db: Kysely<Database>, bus: EventBus, work: Work<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new GroupCommitQueue(db)));
  return queue.submit(bus, work);
}

class GroupCommitQueue {
  private readonly waiting: Job[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  submit<T>(bus: EventBus, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work: work as Work<unknown>, bus, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // Started in the loop's check phase, after every connection readable in this poll phase has had its
      // request parsed and submitted: those share the first commit. (A microtask would start the commit while
      // the first request is still alone, and better-sqlite3 keeps the loop from reading more until it ends.)
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.commitGroup(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown; events: [EventName, unknown][] } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of group) outcomes.push(await runInSavepoint(trx, job.work));
      });
    } catch (error) {
      // The commit itself failed: nothing in the group is durable, so every caller hears about it.
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) return job.reject(outcome.error);
      for (const [name, payload] of outcome.events) job.bus.publish(name, payload as never);
      job.resolve(outcome.value);
    });
  }
}

// Compiled once: these run for every change.
const SAVEPOINT = CompiledQuery.raw('savepoint change');
const RELEASE = CompiledQuery.raw('release change');
const ROLLBACK_TO = CompiledQuery.raw('rollback to change');

async function runInSavepoint(trx: Transaction<Database>, work: Work<unknown>) {
  const events: [EventName, unknown][] = [];
  const emit: Emit = (name, payload) => events.push([name, payload]);
  await trx.executeQuery(SAVEPOINT);
  try {
    const value = await work(trx, emit);
    await trx.executeQuery(RELEASE);
    return { ok: true as const, value, events };
  } catch (error) {
    await trx.executeQuery(ROLLBACK_TO);
    await trx.executeQuery(RELEASE);
    return { ok: false as const, error };
  }
}
