import type { Kysely, Selectable, Updateable } from 'kysely';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import { newId } from '../db/ids';
import { prepareInsert } from '../db/prepared-query';
import type { ClockState, Database, SlaClockTable, SlaClockTimelineTable } from '../db/schema';
import { groupBy } from '../util/group-by';
import { PolicyCalendars } from '../work-orders/policy-calendars';
import { crossingKey, deriveClock, type ClockDefinition, type ClockSnapshot, type Crossing, type TimelineEntry } from './clock-model';
import { firedThresholds, loadOrderClocks, type ClockRow, type OrderClocks } from './clock-store';

/** A warning threshold or a breach, fired once per clock; the engine hands these to the event bus. */
export interface SlaClockEvent {
  name: 'sla.warning' | 'sla.breached';
  payload: {
    orderId: string;
    number: string;
    clockId: string;
    metric: SlaMetric;
    /** Percent elapsed of the warning; null for the breach. */
    threshold: number | null;
    /** When the clock reached it (may be well before `firedAt` after a restart). */
    reachedAt: number;
    dueAt: number;
    /** The clock as it stands when the event fires, not when the instant was reached. */
    elapsedSeconds: number;
    percentElapsed: number;
    state: ClockState;
    /**
     * Fired after the fact: on start-up for an instant passed while the app was down, or more than a minute after
     * the instant because the clock learned of it late (a request logged late, a late event).
     */
    late: boolean;
    firedAt: number;
  };
}

export interface SyncedClock {
  clockId: string;
  nextFireAt: number | null;
}

/** A clock as intake stored it: also its metric and due instant, which the first proposal needs. */
export interface StartedClock extends SyncedClock {
  metric: SlaMetric;
  dueAt: number | null;
}

/** How the scheduler fires: which reached crossings count as late. Without it, crossings are only recorded as due. */
export interface FireMode {
  isLate(reachedAt: number): boolean;
}

/**
 * Re-derives every clock of the order from its event history at `now` and writes state, due instant, elapsed
 * time and the next instant to fire, and appends to the timeline what it does not have yet. Lifecycle code calls
 * it inside its transaction after appending the event; it never fires (the scheduler does, after commit), so a
 * threshold it finds reached is left due at once for the next tick.
 */
export async function recomputeOrderClocks(
  trx: Kysely<Database>,
  orderId: string,
  now: number,
  calendars: PolicyCalendars = new PolicyCalendars(trx),
): Promise<SyncedClock[]> {
  return (await syncOrderClocks(trx, orderId, now, calendars, null)).clocks;
}

/** `recomputeOrderClocks`, plus, in fire mode, firing each reached crossing not fired before (exactly once). */
export async function syncOrderClocks(
  db: Kysely<Database>,
  orderId: string,
  now: number,
  calendars: PolicyCalendars,
  fire: FireMode | null,
): Promise<{ clocks: SyncedClock[]; events: SlaClockEvent[] }> {
  const order = await loadOrderClocks(db, orderId, calendars);
  if (!order) return { clocks: [], events: [] };
  const clocks: SyncedClock[] = [];
  const events: SlaClockEvent[] = [];
  // One read and one write of the timeline for all of the order's clocks: this runs for every order change.
  const storedTimeline = await loadTimelineKeys(db, order.clocks.map((c) => c.row.id));
  const timelineRows: TimelineRow[] = [];
  for (const { row, def } of order.clocks) {
    const advanced = advanceClock(order, row, def, storedTimeline.get(row.id) ?? [], now, fire);
    await writeClock(db, row, advanced.columns, now);
    timelineRows.push(...advanced.timelineRows);
    events.push(...advanced.events);
    clocks.push({ clockId: row.id, nextFireAt: advanced.columns.next_fire_at });
  }
  if (timelineRows.length > 0) await db.insertInto('sla_clock_timeline').values(timelineRows).execute();
  return { clocks, events };
}

/**
 * Stores the clocks of an order being created, derived at `now` before they are written: two inserts, where
 * inserting them bare and then recomputing took a dozen statements on intake's hot path. `rows` are the clocks as
 * they would be inserted bare; the result is exactly what `recomputeOrderClocks` would have stored.
 */
export async function startOrderClocks(
  db: Kysely<Database>,
  order: { orderId: string; number: string },
  clocks: readonly { row: ClockRow; def: ClockDefinition }[],
  now: number,
): Promise<StartedClock[]> {
  if (clocks.length === 0) return [];
  const advanced = clocks.map(({ row, def }) => ({ row, ...advanceClock({ ...order, events: [] }, row, def, [], now, null) }));
  for (const { row, columns } of advanced) await insertClock(db, { ...row, ...columns, updated_at: now });
  for (const entry of advanced.flatMap((a) => a.timelineRows)) await insertTimelineEntry(db, entry);
  return advanced.map(({ row, columns }) => ({ clockId: row.id, nextFireAt: columns.next_fire_at, metric: row.metric, dueAt: columns.due_at }));
}

// Prepared, one row each: every intake stores its clocks (see prepareQuery).
const insertClock = prepareInsert('sla_clocks', [
  'id', 'work_order_id', 'metric', 'policy_id', 'calendar_id', 'target_seconds', 'state', 'started_at', 'due_at', 'stopped_at',
  'elapsed_seconds', 'paused_at', 'thresholds_fired_json', 'breach_fired_at', 'updated_at', 'next_fire_at', 'definition_json',
]);
const insertTimelineEntry = prepareInsert('sla_clock_timeline', ['id', 'clock_id', 'at', 'event', 'elapsed_seconds', 'percent_elapsed', 'wall_percent', 'data_json']);

/** A timeline entry as stored: every column given. */
type TimelineRow = Selectable<SlaClockTimelineTable>;

type ClockColumns = Required<Pick<Updateable<SlaClockTable>, 'state' | 'due_at' | 'stopped_at' | 'paused_at' | 'elapsed_seconds' | 'thresholds_fired_json' | 'breach_fired_at' | 'next_fire_at'>>;

/** What one clock becomes at `now`: its stored columns, the timeline entries it lacks, and (in fire mode) what it fires. */
function advanceClock(
  order: { orderId: string; number: string; events: OrderClocks['events'] },
  row: ClockRow,
  def: ClockDefinition,
  storedTimeline: readonly { event: string; at: number }[],
  now: number,
  fire: FireMode | null,
): { columns: ClockColumns; timelineRows: TimelineRow[]; events: SlaClockEvent[] } {
  const snapshot = deriveClock(def, order.events, now);
  const fired = firedThresholds(row);
  const done = new Set(fired.map((f) => `warning:${f.threshold}`));
  if (row.breach_fired_at !== null) done.add('breach');
  // Crossing key → late, for every reached crossing this call fires.
  const firing = new Map<string, boolean>();
  const events: SlaClockEvent[] = [];
  let breachFiredAt = row.breach_fired_at;
  for (const crossing of fire ? snapshot.reached.filter((c) => c.at <= now && !done.has(crossingKey(c))) : []) {
    const late = fire!.isLate(crossing.at);
    firing.set(crossingKey(crossing), late);
    done.add(crossingKey(crossing));
    if (crossing.kind === 'warning') fired.push({ threshold: crossing.threshold, at: crossing.at, firedAt: now, late });
    else breachFiredAt = now;
    events.push(toEvent(order.orderId, order.number, row, snapshot, crossing, late, now));
  }
  const left = [...snapshot.reached, ...snapshot.upcoming].filter((c) => !done.has(crossingKey(c))).map((c) => c.at);
  return {
    columns: {
      state: snapshot.state,
      due_at: snapshot.dueAt,
      stopped_at: snapshot.stoppedAt,
      paused_at: snapshot.pausedAt,
      elapsed_seconds: snapshot.elapsedSeconds,
      thresholds_fired_json: JSON.stringify(fired),
      breach_fired_at: breachFiredAt,
      next_fire_at: left.length > 0 ? Math.min(...left) : null,
    },
    timelineRows: newTimelineRows(row.id, storedTimeline, snapshot.timeline, firing, now),
    events,
  };
}

async function writeClock(db: Kysely<Database>, row: ClockRow, next: Updateable<SlaClockTable>, now: number): Promise<void> {
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== row[key as keyof ClockRow]);
  if (changed) await db.updateTable('sla_clocks').set({ ...next, updated_at: now }).where('id', '=', row.id).execute();
}

const entryKey = (e: { event: string; at: number }) => `${e.event}@${e.at}`;

async function loadTimelineKeys(db: Kysely<Database>, clockIds: readonly string[]): Promise<Map<string, { event: string; at: number }[]>> {
  if (clockIds.length === 0) return new Map();
  const stored = await db.selectFrom('sla_clock_timeline').select(['clock_id', 'event', 'at']).where('clock_id', 'in', clockIds).execute();
  return groupBy(stored, (s) => s.clock_id);
}

/**
 * The entries the stored timeline lacks; stored rows are never changed or removed (history is not
 * rewritten). A warning or breach entry is written once, when it fires. An entry appended after the timeline had
 * already reached its instant (a late event, or a verdict revised by one) is marked `outOfOrder` with the time
 * it was recorded, so an auditor sees the clock was re-derived and what was believed before.
 */
function newTimelineRows(
  clockId: string,
  stored: readonly { event: string; at: number }[],
  timeline: readonly TimelineEntry[],
  firing: ReadonlyMap<string, boolean>,
  now: number,
): TimelineRow[] {
  const have = new Set(stored.map(entryKey));
  const latest = Math.max(Number.NEGATIVE_INFINITY, ...stored.map((s) => s.at));
  const rows = [];
  for (const entry of timeline) {
    let data: Record<string, unknown>;
    if (entry.event === 'warning' || entry.event === 'breached') {
      const key = entry.event === 'warning' ? `warning:${String(entry.data.threshold)}` : 'breach';
      if (!firing.has(key)) continue;
      data = { ...entry.data, late: firing.get(key), firedAt: now };
    } else {
      if (have.has(entryKey(entry))) continue;
      data = entry.at <= latest ? { ...entry.data, outOfOrder: true, recordedAt: now } : entry.data;
    }
    rows.push({
      id: newId('slt', now),
      clock_id: clockId,
      at: entry.at,
      event: entry.event,
      elapsed_seconds: entry.elapsedSeconds,
      percent_elapsed: entry.percentElapsed,
      wall_percent: entry.wallPercent,
      data_json: JSON.stringify(data),
    });
  }
  return rows;
}

function toEvent(orderId: string, number: string, row: ClockRow, snapshot: ClockSnapshot, crossing: Crossing, late: boolean, now: number): SlaClockEvent {
  return {
    name: crossing.kind === 'warning' ? 'sla.warning' : 'sla.breached',
    payload: {
      orderId,
      number,
      clockId: row.id,
      metric: row.metric,
      threshold: crossing.kind === 'warning' ? crossing.threshold : null,
      reachedAt: crossing.at,
      dueAt: snapshot.dueAt,
      elapsedSeconds: snapshot.elapsedSeconds,
      percentElapsed: snapshot.percentElapsed,
      state: snapshot.state,
      late,
      firedAt: now,
    },
  };
}
