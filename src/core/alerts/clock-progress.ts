import type { Calendar } from '../../shared/schemas/calendar.schema';
import type { ClockState } from '../db/schema';
import { addBusinessSeconds } from '../sla';
import type { ClockSnapshot } from '../sla-clocks';
import type { ClockProgress } from './escalation-plan';

/** A clock's progress for the escalation plan, read from the clock's own data on its own calendar. */

const RUNS_FROM = new Set(['started', 'resumed', 'reopened']);
const HALTS = new Set(['paused', 'met', 'missed', 'cancelled']);

const isRunning = (state: ClockState) => state === 'running' || state === 'breached';

/** `from` + `seconds` of business time; null on a calendar that has no working time left. */
function addOrNull(calendar: Calendar, from: number, seconds: number): number | null {
  try {
    return addBusinessSeconds(calendar, new Date(from), seconds).getTime();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Exact progress from a clock derived from its order's history: its timeline marks every running stretch with
 * the business time elapsed when it began, so the instant any elapsed figure was (or will be) reached is the start
 * of its stretch plus the rest in business time. Pauses are thereby excluded, as the clock excludes them.
 */
export function progressFromSnapshot(snapshot: ClockSnapshot, calendar: Calendar): ClockProgress {
  const started = snapshot.timeline.find((entry) => entry.event === 'started');
  const running = isRunning(snapshot.state);
  return {
    targetSeconds: Number(started?.data.targetSeconds ?? 0),
    running,
    instantAt(seconds) {
      let stretch: { at: number; elapsed: number } | null = null;
      for (const entry of snapshot.timeline) {
        if (RUNS_FROM.has(entry.event)) stretch = { at: entry.at, elapsed: entry.elapsedSeconds };
        if (stretch && entry.elapsedSeconds >= seconds) return addOrNull(calendar, stretch.at, seconds - stretch.elapsed);
        if (HALTS.has(entry.event)) stretch = null;
      }
      return stretch && running ? addOrNull(calendar, stretch.at, seconds - stretch.elapsed) : null;
    },
  };
}

export interface StoredClock {
  state: ClockState;
  /** Business seconds elapsed at `updatedAt`, as the clock engine last derived them. */
  elapsedSeconds: number;
  updatedAt: number;
  targetSeconds: number;
}

/**
 * Progress from the stored clock row, for scheduling only: it predicts future instants exactly (a running clock
 * gains business time from its last derivation on), but cannot say when a figure already passed was reached, so
 * it answers the row's own instant for those. A plan that fires anything on it means "derive and look now".
 */
export function progressFromRow(row: StoredClock, calendar: Calendar): ClockProgress {
  const running = isRunning(row.state);
  return {
    targetSeconds: row.targetSeconds,
    running,
    instantAt: (seconds) =>
      seconds <= row.elapsedSeconds ? row.updatedAt : running ? addOrNull(calendar, row.updatedAt, seconds - row.elapsedSeconds) : null,
  };
}
