import type { Calendar } from '../../shared/schemas/calendar.schema';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import type { ClockState } from '../db/schema';
import { addBusinessSeconds, businessSecondsBetween } from '../sla';

/**
 * The SLA clock of DOMAIN.md as a pure function of its definition and its order's event history: no store, no
 * wall clock. Everything the engine persists (state, due, elapsed, timeline, threshold instants) is derived here,
 * so a late event, a restart or an SLA repair simply derives again and gets the same answer.
 */

/** The order events a clock reacts to (lifecycle actions of `work_order_events.type`, normalised). */
export type ClockEventKind = 'accepted' | 'on_site' | 'completed' | 'cancelled' | 'on_hold' | 'resumed' | 'reopened';

export interface ClockEvent {
  /** Position in the order's history (arrival order); breaks ties between events of the same instant. */
  seq: number;
  /** Event time: when it happened, which may be earlier than when the app heard of it. */
  at: number;
  kind: ClockEventKind;
  /** The hold reason of an `on_hold` event. */
  reason?: string | null;
}

export interface ClockDefinition {
  metric: SlaMetric;
  targetSeconds: number;
  /** The policy's calendar, already read in the site's zone when the policy says so. */
  calendar: Calendar;
  startedAt: number;
  /** Warning thresholds in percent elapsed, e.g. [75, 90]. */
  thresholds: readonly number[];
  /** Hold reasons that pause the clock, e.g. ["waiting_customer", "waiting_parts"]. */
  pausingReasons: readonly string[];
  /** A scheduled maintenance order's window start (arrival) or end (resolution): the due instant is fixed. */
  scheduledDueAt?: number | null;
}

export type Crossing = { kind: 'warning'; threshold: number; at: number } | { kind: 'breach'; at: number };

export type TimelineEvent = 'started' | 'paused' | 'resumed' | 'reopened' | 'met' | 'missed' | 'cancelled' | 'warning' | 'breached';

export interface TimelineEntry {
  at: number;
  event: TimelineEvent;
  elapsedSeconds: number;
  percentElapsed: number;
  /** (at − start) / (due − start) with the due instant valid at that moment, in percent. */
  wallPercent: number;
  data: Record<string, unknown>;
}

export interface ClockSnapshot {
  state: ClockState;
  elapsedSeconds: number;
  percentElapsed: number;
  dueAt: number;
  stoppedAt: number | null;
  pausedAt: number | null;
  /** Thresholds and breach already reached, with the instant each was reached. */
  reached: Crossing[];
  /** Those still ahead of a running clock, with their predicted instants (none while paused or stopped). */
  upcoming: Crossing[];
  timeline: TimelineEntry[];
}

/** What stops each metric (DOMAIN.md): first acceptance, first arrival on site, completion. */
export const STOPPED_BY: Readonly<Record<SlaMetric, ClockEventKind>> = { response: 'accepted', arrival: 'on_site', resolution: 'completed' };

export const crossingKey = (c: Crossing): string => (c.kind === 'breach' ? 'breach' : `warning:${c.threshold}`);

/** The clock at instant `now`. Events are taken in event-time order (ties by seq), whatever order they came in. */
export function deriveClock(def: ClockDefinition, events: readonly ClockEvent[], now: number): ClockSnapshot {
  const walk = new ClockWalk(def);
  for (const event of [...events].sort((a, b) => a.at - b.at || a.seq - b.seq)) walk.apply(event);
  return walk.finish(now);
}

const add = (calendar: Calendar, from: number, seconds: number) => addBusinessSeconds(calendar, new Date(from), seconds).getTime();
const between = (calendar: Calendar, from: number, to: number) => businessSecondsBetween(calendar, new Date(from), new Date(to));
const percent = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100;

/** Business time used as a percent of the target; a zero target is due at the start, so fully used at once. */
export const percentOfTarget = (elapsedSeconds: number, targetSeconds: number): number =>
  targetSeconds > 0 ? percent(elapsedSeconds, targetSeconds) : 100;

/** Wall-clock time since the start as a percent of the time from start to due (100 without a later due). */
export const wallPercentAt = (at: number, startedAt: number, dueAt: number | null): number =>
  dueAt !== null && dueAt > startedAt ? percent(at - startedAt, dueAt - startedAt) : 100;

/** Walks the history once, segment by segment; only running segments add elapsed time and cross thresholds. */
class ClockWalk {
  private phase: 'running' | 'paused' | 'stopped' | 'cancelled' = 'running';
  private verdict: 'met' | 'missed' = 'met';
  private cursor: number;
  private elapsed = 0;
  /** Business time not counted so far (pauses, completion → reopen), for a scheduled clock's fixed due instant. */
  private idleBusiness = 0;
  private idleSince: number | null = null;
  private dueAt: number;
  private pausedAt: number | null = null;
  private stoppedAt: number | null = null;
  private readonly target: number;
  private readonly goals: { threshold: number; need: number }[];
  private readonly reached = new Map<string, Crossing>();
  private readonly timeline: TimelineEntry[] = [];

  constructor(private readonly def: ClockDefinition) {
    const { calendar, startedAt, scheduledDueAt } = def;
    this.cursor = startedAt;
    // A scheduled clock's target is the business time the customer agreed to wait: start → window instant.
    this.target = scheduledDueAt == null ? def.targetSeconds : Math.max(0, between(calendar, startedAt, scheduledDueAt));
    this.goals = [...new Set(def.thresholds)]
      .filter((p) => Number.isFinite(p) && p > 0)
      .sort((a, b) => a - b)
      .map((threshold) => ({ threshold, need: Math.ceil((this.target * threshold) / 100) }));
    this.dueAt = scheduledDueAt ?? add(calendar, startedAt, this.target);
    this.record(startedAt, 'started', { targetSeconds: this.target, dueAt: this.dueAt });
  }

  apply(event: ClockEvent): void {
    // An event stamped before the clock started (a device clock behind) acts at the start.
    const at = Math.max(event.at, this.def.startedAt);
    this.advance(at);
    const live = this.phase === 'running' || this.phase === 'paused';
    switch (event.kind) {
      case 'cancelled':
        if (live) this.halt(at, 'cancelled');
        return;
      case 'on_hold':
        // A hold whose reason the policy does not list (e.g. "customer_absent") leaves the clock running.
        if (this.phase === 'running' && event.reason && this.def.pausingReasons.includes(event.reason)) {
          this.phase = 'paused';
          this.pausedAt = this.idleSince = at;
          this.record(at, 'paused', { reason: event.reason });
        }
        return;
      case 'resumed':
        if (this.phase === 'paused') this.resume(at, 'resumed');
        return;
      case 'reopened':
        // The lifecycle only accepts a reopen within the policy's window, so every recorded reopen resumes.
        if (this.def.metric === 'resolution' && this.phase === 'stopped') this.resume(at, 'reopened');
        return;
      default:
        // Only the first stop counts: a second acceptance after a rejection does not move the response clock.
        if (event.kind === STOPPED_BY[this.def.metric] && live) this.halt(at, 'stopped');
    }
  }

  finish(now: number): ClockSnapshot {
    this.advance(Math.max(now, this.cursor));
    const state: ClockState =
      this.phase === 'running' ? (this.reached.has('breach') ? 'breached' : 'running') : this.phase === 'stopped' ? this.verdict : this.phase;
    return {
      state,
      elapsedSeconds: this.elapsed,
      percentElapsed: this.percentOf(this.elapsed),
      dueAt: this.dueAt,
      stoppedAt: this.stoppedAt,
      pausedAt: this.pausedAt,
      reached: [...this.reached.values()].sort((a, b) => a.at - b.at),
      upcoming: this.phase === 'running' ? this.pending(Number.POSITIVE_INFINITY).sort((a, b) => a.at - b.at) : [],
      timeline: this.timeline,
    };
  }

  /** Moves the cursor to `to`; a running clock gains the business time in between and crosses what lies in it. */
  private advance(to: number): void {
    if (this.phase !== 'running') {
      this.cursor = to;
      return;
    }
    const { calendar } = this.def;
    // Sorted so the timeline stays chronological; a crossing at `to` itself is reached before the event at `to`.
    for (const crossing of this.pending(to).sort((a, b) => a.at - b.at)) {
      this.reached.set(crossingKey(crossing), crossing);
      const elapsed = this.elapsed + between(calendar, this.cursor, crossing.at);
      const data = crossing.kind === 'warning' ? { threshold: crossing.threshold } : { dueAt: this.dueAt };
      this.record(crossing.at, crossing.kind === 'warning' ? 'warning' : 'breached', data, elapsed);
    }
    this.elapsed += between(calendar, this.cursor, to);
    this.cursor = to;
  }

  /** Crossings not yet reached whose instant, running on from the cursor, falls at or before `limit`. */
  private pending(limit: number): Crossing[] {
    const { calendar } = this.def;
    const found: Crossing[] = [];
    for (const { threshold, need } of this.goals) {
      if (this.reached.has(`warning:${threshold}`)) continue;
      const at = need <= this.elapsed ? this.cursor : add(calendar, this.cursor, need - this.elapsed);
      if (at <= limit) found.push({ kind: 'warning', threshold, at });
    }
    if (!this.reached.has('breach')) {
      // Breached = running past the due instant; precision is one second, so the first second after it. A clock
      // resumed with its target already used up is past due from the moment it resumes.
      const at = Math.max(Math.floor(this.dueAt / 1000) * 1000 + 1000, this.cursor);
      if (at <= limit) found.push({ kind: 'breach', at });
    }
    return found;
  }

  /** Stops (met unless it ran past its due instant) or cancels the clock at `at`. */
  private halt(at: number, how: 'stopped' | 'cancelled'): void {
    this.phase = how;
    if (how === 'stopped') this.verdict = this.reached.has('breach') ? 'missed' : 'met';
    this.stoppedAt = this.idleSince = at;
    this.pausedAt = null;
    this.record(at, how === 'cancelled' ? 'cancelled' : this.verdict, { dueAt: this.dueAt });
  }

  /** Runs again from `at`; the due instant moves by the business time the clock did not run (DOMAIN.md). */
  private resume(at: number, event: 'resumed' | 'reopened'): void {
    const { calendar, scheduledDueAt } = this.def;
    const idle = this.idleSince === null ? 0 : between(calendar, this.idleSince, at);
    this.idleBusiness += idle;
    this.phase = 'running';
    this.pausedAt = this.stoppedAt = this.idleSince = null;
    // Once the target is used up the due instant is history (when it was reached) and stays.
    if (this.elapsed < this.target) {
      this.dueAt = scheduledDueAt == null ? add(calendar, at, this.target - this.elapsed) : add(calendar, scheduledDueAt, this.idleBusiness);
    }
    this.record(at, event, { dueAt: this.dueAt, idleSeconds: idle });
  }

  private percentOf(elapsed: number): number {
    return percentOfTarget(elapsed, this.target);
  }

  private record(at: number, event: TimelineEvent, data: Record<string, unknown>, elapsed = this.elapsed): void {
    const wallPercent = wallPercentAt(at, this.def.startedAt, this.dueAt);
    this.timeline.push({ at, event, elapsedSeconds: elapsed, percentElapsed: this.percentOf(elapsed), wallPercent, data });
  }
}
