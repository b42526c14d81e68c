import type { EscalationLevel, EscalationThreshold } from '../../shared/schemas/escalation.schema';

/**
 * What an escalation protocol asks for, for one clock at one instant: a pure function of the levels, the clock's
 * progress and what has fired so far, so catch-up after a restart and a normal tick reach the same decisions.
 *
 * Rules (DOMAIN.md "Escalation"; where it is silent, the choices of PagerDuty-style escalation policies):
 * - A level fires when its threshold is reached, or earlier when the level before it was not acknowledged within
 *   that level's `ackTimeoutSeconds` (wall-clock: it measures people, not the customer's business hours).
 * - Levels fire in order: a level never fires before the one before it. Several may fire at once (catch-up).
 * - Only the current (highest fired) level repeats, every `repeatEverySeconds`, until acknowledged; after a
 *   restart one repeat makes up for all the missed ones.
 * - Acknowledgement stops everything for the clock. So does a clock that is not running: a paused clock does not
 *   escalate (it resumes escalating when it resumes), and a met, missed or cancelled one never again.
 */

/** How far along a clock is, read from its own data (business time on its calendar). */
export interface ClockProgress {
  /** The target in business seconds, as the clock measures it (a maintenance window's own span included). */
  targetSeconds: number;
  /** Running or breached (still running past due). */
  running: boolean;
  /**
   * The instant at which elapsed business time reached `seconds`, or, running on, will reach it; null when a
   * stopped or paused clock has not reached it.
   */
  instantAt(seconds: number): number | null;
}

export interface FiredLevel {
  level: number;
  raisedAt: number;
  lastNotifiedAt: number;
}

export interface EscalationState {
  fired: readonly FiredLevel[];
  acknowledged: boolean;
}

export interface LevelFiring {
  level: EscalationLevel;
  /** The threshold's instant, or the instant the previous level's acknowledgement timed out. */
  reachedAt: number;
  cause: 'threshold' | 'ack_timeout';
}

export interface EscalationPlan {
  fire: LevelFiring[];
  /** The current level, when its repeat is due now. */
  repeat: EscalationLevel | null;
  /** When this clock next needs a look (after the firings and the repeat above); null: not while it stands so. */
  nextAt: number | null;
}

const NOTHING: EscalationPlan = { fire: [], repeat: null, nextAt: null };

/**
 * Elapsed business seconds at which a threshold is reached. Percent rounds up like the clock's own warnings
 * (ceil(target × percent / 100)), so a 75 % level and the 75 % warning fall on the same second; a due offset is
 * relative to the target (elapsed = target at the due instant), never below the start.
 */
export function thresholdElapsedSeconds(threshold: EscalationThreshold, targetSeconds: number): number {
  return threshold.kind === 'percent'
    ? Math.ceil((targetSeconds * threshold.percent) / 100)
    : Math.max(0, targetSeconds + threshold.offsetSeconds);
}

export function planEscalation(levels: readonly EscalationLevel[], progress: ClockProgress, state: EscalationState, now: number): EscalationPlan {
  if (state.acknowledged || !progress.running) return NOTHING;
  const fired = new Map(state.fired.map((f) => [f.level, f]));
  const fire: LevelFiring[] = [];
  // raisedAt drives the acknowledgement timeout (people were told then); reachedAt keeps the levels in order.
  let previous: { level: EscalationLevel; raisedAt: number; reachedAt: number } | null = null;
  let nextAt: number | null = null;
  for (const level of levels) {
    const done = fired.get(level.level);
    if (done) {
      previous = { level, raisedAt: done.raisedAt, reachedAt: done.raisedAt };
      continue;
    }
    const byThreshold = progress.instantAt(thresholdElapsedSeconds(level.threshold, progress.targetSeconds));
    const byTimeout = previous ? previous.raisedAt + previous.level.ackTimeoutSeconds * 1000 : null;
    const at = earliest(byThreshold, byTimeout);
    if (at === null) break;
    if (at > now) {
      nextAt = at;
      break;
    }
    // A threshold passed before the level ahead of it fired counts from when that one was reached.
    const reachedAt = Math.max(at, previous?.reachedAt ?? at);
    fire.push({ level, reachedAt, cause: at === byThreshold ? 'threshold' : 'ack_timeout' });
    previous = { level, raisedAt: now, reachedAt };
  }
  const current = currentLevel(levels, state.fired, fire);
  if (!current?.repeatEverySeconds) return { fire, repeat: null, nextAt };
  const every = current.repeatEverySeconds * 1000;
  const lastNotifiedAt = fire.some((f) => f.level === current) ? now : fired.get(current.level)!.lastNotifiedAt;
  const repeatDue = lastNotifiedAt + every <= now;
  return { fire, repeat: repeatDue ? current : null, nextAt: earliest(nextAt, repeatDue ? now + every : lastNotifiedAt + every) };
}

/** The highest level fired so far or now, as the protocol defines it today (a removed level does not repeat). */
function currentLevel(levels: readonly EscalationLevel[], fired: readonly FiredLevel[], firing: readonly LevelFiring[]): EscalationLevel | null {
  const highest = Math.max(0, ...fired.map((f) => f.level), ...firing.map((f) => f.level.level));
  return levels.find((l) => l.level === highest) ?? null;
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
