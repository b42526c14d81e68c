import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { ClockScheduler } from './clock-scheduler';
import { syncOrderClocks, type FireMode, type SlaClockEvent, type SyncedClock } from './clock-sync';

const LIVE_STATES = ['running', 'paused', 'breached'] as const;
/**
 * A crossing fired more than this after its instant is marked late also outside start-up: the clock learned of it
 * after the fact (a request logged late by a partner, a late event). Well above the hosts' 5 s tick interval.
 */
export const LATE_AFTER_MS = 60_000;
/**
 * Orders re-derived per transaction. A tick after busy intake re-derives thousands of new orders; one commit each
 * cost more than the derivations. Small enough that requests waiting for the connection wait a few ms at most.
 */
const SYNC_BATCH = 25;
/** Orders whose stored instants one query reads (well under SQLite's bound-parameter limit). */
const RESCHEDULE_BATCH = 500;

export interface ClockEngineOptions {
  db: Kysely<Database>;
  /** Called after commit with each fired warning or breach, in firing order; the host publishes it. */
  onEvent: (event: SlaClockEvent) => void;
  logger: Logger;
}

/**
 * Fires warning thresholds and breaches exactly once per clock, at their instant (DOMAIN.md "SLA clocks").
 *
 * The store holds the truth (each clock's `next_fire_at`, `thresholds_fired_json`, `breach_fired_at`); the
 * scheduler is an in-memory index over it: one pending instant per clock in a min-heap, so a tick with nothing
 * due costs the same with ten clocks or a million. A clock popped from the heap is re-derived from its order's
 * history in a transaction before anything fires, so a stale heap entry can never fire twice or early.
 *
 * Changed orders reach the engine in two ways. `clocksStored` (wired to `workOrder.changed` by `watch`): the
 * change already re-derived the order's clocks in its own transaction, so the next tick only reads their stored
 * `next_fire_at` into the heap (one query per few hundred orders) — re-deriving every new order again cost intake
 * half its throughput. `orderChanged`: the history changed behind the engine's back, so the next tick re-derives.
 * Either way an instant already due is popped at once and re-derived before it fires.
 */
export class ClockEngine {
  readonly scheduler = new ClockScheduler();
  /** Orders re-derived by ticks so far: what ticks touched in the store. */
  ordersSynced = 0;
  private readonly dirty = new Set<string>();
  private readonly stored = new Set<string>();
  private readonly calendars: PolicyCalendars;
  private readonly clockOrder = new Map<string, string>();
  private loaded = false;

  constructor(private readonly options: ClockEngineOptions) {
    this.calendars = new PolicyCalendars(options.db);
  }

  /** Marks an order for re-derivation at the next tick (its history or its clocks changed). */
  orderChanged(orderId: string): void {
    this.dirty.add(orderId);
  }

  /** Marks an order whose clocks its change re-derived and stored: the next tick reschedules them from the store. */
  clocksStored(orderId: string): void {
    this.stored.add(orderId);
  }

  /** Follows order changes on the bus; returns the unsubscribe function. */
  watch(bus: EventBus): () => void {
    return bus.subscribe((name, payload) => {
      // Every lifecycle change re-derives the order's clocks inside its transaction (recomputeOrderClocks).
      if (name === 'workOrder.changed') this.clocksStored((payload as { order: { id: string } }).order.id);
    });
  }

  /**
   * Start-up: loads every clock's pending instant from the store and fires, marked late, every instant that
   * passed while the app was not running. Live clocks never derived (created by a crash-interrupted intake)
   * are derived too.
   */
  async catchUp(now: number): Promise<SlaClockEvent[]> {
    const { db } = this.options;
    this.loaded = true;
    const pending = await db.selectFrom('sla_clocks').select(['id', 'work_order_id', 'next_fire_at']).where('next_fire_at', 'is not', null).execute();
    this.clockOrder.clear();
    for (const p of pending) this.clockOrder.set(p.id, p.work_order_id);
    this.scheduler.load(pending.map((p) => [p.id, p.next_fire_at!] as const));
    const underived = await db
      .selectFrom('sla_clocks as c')
      .select('c.work_order_id')
      .distinct()
      .where('c.state', 'in', LIVE_STATES)
      .where('c.next_fire_at', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sla_clock_timeline as t').select('t.id').whereRef('t.clock_id', '=', 'c.id'))))
      .execute();
    for (const u of underived) this.dirty.add(u.work_order_id);
    return this.run(now, { isLate: () => true });
  }

  /**
   * Fires what is due at `now`. With nothing due and no changed order it touches neither the heap nor the store.
   * The first tick of an engine that has not caught up does so, so a host only ever needs to call `tick`.
   */
  async tick(now: number): Promise<SlaClockEvent[]> {
    if (!this.loaded) return this.catchUp(now);
    if (this.dirty.size === 0 && this.stored.size === 0) {
      const next = this.scheduler.nextAt();
      if (next === null || next > now) return [];
    }
    return this.run(now, { isLate: (reachedAt) => now - reachedAt > LATE_AFTER_MS });
  }

  private async run(now: number, mode: FireMode): Promise<SlaClockEvent[]> {
    await this.rescheduleStored();
    const orders = new Set(this.dirty);
    this.dirty.clear();
    for (const clockId of this.scheduler.takeDue(now)) orders.add(this.clockOrder.get(clockId)!);
    const ids = [...orders];
    const fired: SlaClockEvent[] = [];
    for (let i = 0; i < ids.length; i += SYNC_BATCH) {
      const batch = ids.slice(i, i + SYNC_BATCH);
      const done = await this.options.db.transaction().execute(async (trx) => {
        const synced: [string, Awaited<ReturnType<typeof syncOrderClocks>>][] = [];
        for (const orderId of batch) {
          this.ordersSynced++;
          // A savepoint per order: one broken order (e.g. its calendar deleted) rolls back only its own writes.
          await sql`SAVEPOINT clock_sync`.execute(trx);
          try {
            synced.push([orderId, await syncOrderClocks(trx, orderId, now, this.calendars, mode)]);
          } catch (error) {
            await sql`ROLLBACK TO clock_sync`.execute(trx);
            // It is tried again next tick; the others in the batch go on.
            this.options.logger.error('SLA clock sync failed', { orderId, error: String((error as Error)?.stack ?? error) });
            this.dirty.add(orderId);
          }
          await sql`RELEASE clock_sync`.execute(trx);
        }
        return synced;
      }).catch((error: unknown) => {
        // The batch itself failed (the commit, or a rollback to its savepoint): all of it is tried again next tick.
        this.options.logger.error('SLA clock sync failed', { orders: batch.length, error: String((error as Error)?.stack ?? error) });
        for (const orderId of batch) this.dirty.add(orderId);
        return [];
      });
      for (const [orderId, { clocks, events }] of done) {
        for (const clock of clocks) this.reschedule(orderId, clock);
        // After commit only, so no listener hears of a firing that was rolled back.
        for (const event of events) this.options.onEvent(event);
        fired.push(...events);
      }
    }
    return fired;
  }

  private async rescheduleStored(): Promise<void> {
    const ids = [...this.stored].filter((id) => !this.dirty.has(id));
    this.stored.clear();
    for (let i = 0; i < ids.length; i += RESCHEDULE_BATCH) {
      // Requests are served between batches: a busy intake stores thousands of orders' clocks between two ticks.
      if (i > 0) await yieldToEventLoop();
      const rows = await this.options.db
        .selectFrom('sla_clocks')
        .select(['id', 'work_order_id', 'next_fire_at'])
        .where('work_order_id', 'in', ids.slice(i, i + RESCHEDULE_BATCH))
        .execute();
      for (const row of rows) this.reschedule(row.work_order_id, { clockId: row.id, nextFireAt: row.next_fire_at });
    }
  }

  private reschedule(orderId: string, { clockId, nextFireAt }: SyncedClock): void {
    if (nextFireAt === null) {
      this.scheduler.cancel(clockId);
      this.clockOrder.delete(clockId);
    } else {
      this.clockOrder.set(clockId, orderId);
      this.scheduler.schedule(clockId, nextFireAt);
    }
  }
}
