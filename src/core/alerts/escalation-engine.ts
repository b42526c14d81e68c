import type { Calendar } from '../../shared/schemas/calendar.schema';
import { inTransaction } from '../db/transaction';
import type { EventBus } from '../events/event-bus';
import type { CoreDeps } from '../rpc/handlers';
import { ClockScheduler, deriveClock, LATE_AFTER_MS } from '../sla-clocks';
import { loadOrderClocks } from '../sla-clocks/clock-store';
import { inZone } from '../sla/in-zone';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { renotify, storeAndNotify } from './alert-writer';
import { progressFromRow, progressFromSnapshot } from './clock-progress';
import { outboxFor, type AlertOutbox } from './delivery/outbox';
import { escalationAlert, escalationKey } from './escalation-alert';
import { planEscalation, type EscalationState } from './escalation-plan';
import { escalationStates, liveEscalatingClocks, protocolsByPolicy, type LiveClockRow } from './escalation-store';

const NO_STATE: EscalationState = { fired: [], acknowledged: false };
/** Orders placed between two turns of the event loop: a few milliseconds of work each. */
const PLACE_CHUNK = 50;
/** Reference changes that can move any clock's escalation instants: everything is rescheduled. */
const RESCHEDULE_ALL_ON = new Set(['escalation_protocol', 'sla_policy', 'calendar']);

/**
 * Walks SLA clocks through their policy's escalation protocol (see escalation-plan.ts for the rules).
 *
 * Like the clock engine, it keeps one pending instant per clock in a min-heap, so a tick with nothing due costs
 * nothing. Instants are placed cheaply from the stored clock rows (on start-up, and for orders that changed);
 * a clock whose instant comes is derived exactly from its order's history, and the levels due are raised in one
 * transaction with the read of what fired before, so a level fires once per clock whatever the timing. Runs are
 * queued one after another: the scheduled jobs and the prompt reaction to `sla.warning` / `sla.breached` never
 * overlap. E-mail and webhook attempts then leave through the outbox, after the commit.
 */
export class EscalationEngine {
  readonly scheduler = new ClockScheduler();
  readonly outbox: AlertOutbox;
  private readonly clockOrder = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly calendars: PolicyCalendars;
  private loaded = false;
  private rescheduleAll = false;
  private promptQueued = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CoreDeps) {
    this.calendars = new PolicyCalendars(deps.db);
    this.outbox = outboxFor(deps);
  }

  /** Follows order changes, SLA crossings (evaluated at once) and protocol edits; returns the unsubscribe function. */
  watch(bus: EventBus): () => void {
    return bus.subscribe((name, payload) => {
      if (name === 'workOrder.changed') this.dirty.add((payload as { order: { id: string } }).order.id);
      if (name === 'sla.warning' || name === 'sla.breached') {
        this.dirty.add((payload as { orderId: string }).orderId);
        if (this.loaded) this.runSoon();
      }
      if (name === 'reference.changed' && RESCHEDULE_ALL_ON.has((payload as { entity: string }).entity)) this.rescheduleAll = true;
    });
  }

  /**
   * Raises the levels and repeats due at `now` and starts sending what is pending. The first run catches up:
   * levels whose instant passed while the app was not running fire then, marked late. Failures are logged and
   * the order is tried again next run; they never reach the caller.
   */
  tick(now: number): Promise<void> {
    return this.enqueue(() => now);
  }

  /** Resolves when no run is queued and nothing is being sent. */
  async settled(): Promise<void> {
    await this.queue;
    await this.outbox.settled();
  }

  private enqueue(now: () => number): Promise<void> {
    this.queue = this.queue
      .then(() => this.run(now()))
      .catch((error: unknown) => this.deps.logger.error('escalation run failed', { error: String((error as Error)?.stack ?? error) }));
    return this.queue;
  }

  /** One prompt run however many crossings arrive together (a catch-up fires many at once), at the time it starts. */
  private runSoon(): void {
    if (this.promptQueued) return;
    this.promptQueued = true;
    void this.enqueue(() => {
      this.promptQueued = false;
      return this.deps.clock.now();
    });
  }

  private async run(now: number): Promise<void> {
    const catchingUp = !this.loaded;
    // What a run takes on is given back if it fails, so the next run tries again.
    if (catchingUp || this.rescheduleAll) {
      this.rescheduleAll = false;
      this.dirty.clear();
      try {
        const rows = await liveEscalatingClocks(this.deps.db, null);
        this.clockOrder.clear();
        this.scheduler.load([]);
        await this.place(rows, now);
        this.loaded = true;
      } catch (error) {
        this.rescheduleAll = true;
        throw error;
      }
    } else if (this.dirty.size > 0) {
      const orderIds = [...this.dirty];
      this.dirty.clear();
      // In chunks with the event loop served between them: a busy intake leaves thousands of new orders per run,
      // and placing them in one go held every request for 200 ms (measured with bench/intake at 500 requests/s).
      for (let i = 0; i < orderIds.length; i += PLACE_CHUNK) {
        if (i > 0) await yieldToEventLoop();
        try {
          await this.place(await liveEscalatingClocks(this.deps.db, orderIds.slice(i, i + PLACE_CHUNK)), now);
        } catch (error) {
          for (const orderId of orderIds.slice(i)) this.dirty.add(orderId);
          throw error;
        }
      }
    }
    const orders = new Set(this.scheduler.takeDue(now).map((clockId) => this.clockOrder.get(clockId)!));
    for (const orderId of orders) await this.evaluateOrder(orderId, now, catchingUp);
    await this.outbox.dispatchDue(now);
  }

  /** Schedules each clock from its stored row; a level or repeat already due puts it at `now` for exact evaluation. */
  private async place(rows: readonly LiveClockRow[], now: number): Promise<void> {
    const { db, logger } = this.deps;
    const protocols = await protocolsByPolicy(db, rows.map((r) => r.policyId), logger);
    const states = await escalationStates(db, rows.map((r) => r.id));
    const calendars = new Map<string, Calendar>();
    for (const row of rows) {
      const protocol = protocols.get(row.policyId);
      if (!protocol) {
        this.reschedule(row.id, row.orderId, null);
        continue;
      }
      let calendar = calendars.get(row.calendarId);
      if (!calendar) calendars.set(row.calendarId, (calendar = await this.calendars.get(db, row.calendarId)));
      // The policy may read its calendar in the site's zone, as the clock itself does (clock-store.ts).
      if (row.zoneMode === 'site' && row.siteZone) calendar = inZone(calendar, row.siteZone);
      const plan = planEscalation(protocol.levels, progressFromRow(row, calendar), states.get(row.id) ?? NO_STATE, now);
      this.reschedule(row.id, row.orderId, plan.fire.length > 0 || plan.repeat ? now : plan.nextAt);
    }
  }

  private async evaluateOrder(orderId: string, now: number, catchingUp: boolean): Promise<void> {
    const { db, bus, logger } = this.deps;
    try {
      const wakes = await inTransaction(db, bus, async (trx, emit) => {
        const order = await loadOrderClocks(trx, orderId, this.calendars);
        if (!order) return [];
        const protocols = await protocolsByPolicy(trx, order.clocks.map((c) => c.row.policy_id), logger);
        const states = await escalationStates(trx, order.clocks.map((c) => c.row.id));
        const next: [clockId: string, at: number | null][] = [];
        for (const { row, def } of order.clocks) {
          const protocol = protocols.get(row.policy_id);
          if (!protocol) {
            next.push([row.id, null]);
            continue;
          }
          const snapshot = deriveClock(def, order.events, now);
          const progress = progressFromSnapshot(snapshot, def.calendar);
          const plan = planEscalation(protocol.levels, progress, states.get(row.id) ?? NO_STATE, now);
          const clock = { orderId, orderNumber: order.number, clockId: row.id, metric: row.metric, targetSeconds: progress.targetSeconds, dueAt: snapshot.dueAt };
          const derived = new Map([[row.id, { percentElapsed: snapshot.percentElapsed, state: snapshot.state, dueAt: snapshot.dueAt }]]);
          for (const firing of plan.fire) {
            // On start-up everything already passed was missed while down; later, as the clock engine judges it.
            const late = catchingUp ? firing.reachedAt < now : now - firing.reachedAt > LATE_AFTER_MS;
            await storeAndNotify(trx, emit, escalationAlert(clock, protocol, firing, late), now, this.calendars, derived);
          }
          if (plan.repeat) {
            const alert = await trx.selectFrom('alerts').select('id').where('dedupe_key', '=', escalationKey(row.id, plan.repeat.level)).executeTakeFirst();
            if (alert) await renotify(trx, emit, alert.id, now, this.calendars, derived);
          }
          next.push([row.id, plan.nextAt]);
        }
        return next;
      });
      for (const [clockId, at] of wakes) this.reschedule(clockId, orderId, at);
    } catch (error) {
      logger.error('escalation failed', { orderId, error: String((error as Error)?.stack ?? error) });
      this.dirty.add(orderId);
    }
  }

  private reschedule(clockId: string, orderId: string, at: number | null): void {
    if (at === null) {
      this.scheduler.cancel(clockId);
      this.clockOrder.delete(clockId);
    } else {
      this.clockOrder.set(clockId, orderId);
      this.scheduler.schedule(clockId, at);
    }
  }
}
