import { describe, expect, it } from 'vitest';
import { progressFromRow, progressFromSnapshot } from '../../../src/core/alerts/clock-progress';
import { planEscalation, thresholdElapsedSeconds, type EscalationState } from '../../../src/core/alerts/escalation-plan';
import { deriveClock, type ClockDefinition, type ClockEvent } from '../../../src/core/sla-clocks';
import type { Calendar } from '../../../src/shared/schemas/calendar.schema';
import { EscalationLevels, type EscalationLevel } from '../../../src/shared/schemas/escalation.schema';

/**
 * Hand-worked instants on Mon–Fri 09:00–17:00 UTC (8 business hours a day; 2026-03-02 is a Monday). The clock is
 * a resolution target of 8 business hours started Mon 10:00, so it is due Tue 10:00 (Mon 10–17 is 7 h, Tue
 * 09–10 the 8th).
 */
const DAY: [string, string][] = [['09:00', '17:00']];
const OFFICE: Calendar = { timeZone: 'UTC', week: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY } };
const t = (iso: string) => Date.parse(iso);
const HOUR = 3600;
const clock: ClockDefinition = {
  metric: 'resolution', targetSeconds: 8 * HOUR, calendar: OFFICE, startedAt: t('2026-03-02T10:00:00Z'), thresholds: [75, 90], pausingReasons: ['waiting_customer'],
};

const level = (n: number, threshold: EscalationLevel['threshold'], extra: Partial<EscalationLevel> = {}): EscalationLevel => ({
  level: n, threshold, notify: ['dispatcher'], channels: ['in_app'], ackTimeoutSeconds: 24 * HOUR, ...extra,
});
/** 75 %; 30 business minutes before due; one business hour past due, repeating every 30 minutes. */
const LEVELS = [
  level(1, { kind: 'percent', percent: 75 }),
  level(2, { kind: 'due_offset', offsetSeconds: -1800 }, { ackTimeoutSeconds: 2 * HOUR }),
  level(3, { kind: 'due_offset', offsetSeconds: HOUR }, { repeatEverySeconds: 1800 }),
];
const NONE: EscalationState = { fired: [], acknowledged: false };
const fired = (...levels: [number, string, string?][]): EscalationState => ({
  fired: levels.map(([n, raised, notified]) => ({ level: n, raisedAt: t(raised), lastNotifiedAt: t(notified ?? raised) })),
  acknowledged: false,
});

let seq = 0;
const event = (kind: ClockEvent['kind'], iso: string, reason?: string): ClockEvent => ({ seq: ++seq, at: t(iso), kind, reason });

function plan(levels: EscalationLevel[], state: EscalationState, now: string, events: ClockEvent[] = []) {
  const result = planEscalation(levels, progressFromSnapshot(deriveClock(clock, events, t(now)), OFFICE), state, t(now));
  return {
    fire: result.fire.map((f) => [f.level.level, new Date(f.reachedAt).toISOString(), f.cause]),
    repeat: result.repeat?.level ?? null,
    nextAt: result.nextAt === null ? null : new Date(result.nextAt).toISOString(),
  };
}

describe('thresholds in elapsed business seconds', () => {
  it('rounds a percent up to the whole second like the clock warnings, and keeps a due offset at or after the start', () => {
    expect(thresholdElapsedSeconds({ kind: 'percent', percent: 75 }, 8 * HOUR)).toBe(21_600);
    expect(thresholdElapsedSeconds({ kind: 'percent', percent: 75 }, 1801)).toBe(1351);
    expect(thresholdElapsedSeconds({ kind: 'due_offset', offsetSeconds: -1800 }, 8 * HOUR)).toBe(27_000);
    expect(thresholdElapsedSeconds({ kind: 'due_offset', offsetSeconds: 0 }, 8 * HOUR)).toBe(28_800);
    expect(thresholdElapsedSeconds({ kind: 'due_offset', offsetSeconds: -99_999 }, 8 * HOUR)).toBe(0);
  });
});

describe('planEscalation', () => {
  it('fires a percent level at its instant (75 % = 6 h → Mon 16:00) and then waits for the next level', () => {
    expect(plan(LEVELS, NONE, '2026-03-02T15:59:59Z')).toEqual({ fire: [], repeat: null, nextAt: '2026-03-02T16:00:00.000Z' });
    // Next: 30 business minutes before due = 7 h 30 elapsed: 7 h by Mon 17:00, then Tue 09:00–09:30.
    expect(plan(LEVELS, NONE, '2026-03-02T16:00:00Z')).toEqual({
      fire: [[1, '2026-03-02T16:00:00.000Z', 'threshold']], repeat: null, nextAt: '2026-03-03T09:30:00.000Z',
    });
  });

  it('fires a level before due in business time, not over the night (Tue 09:30, not Mon 16:30)', () => {
    const state = fired([1, '2026-03-02T16:00:00Z']);
    expect(plan(LEVELS, state, '2026-03-02T20:00:00Z').fire).toEqual([]);
    // Then one business hour past due: 9 h elapsed = Tue 11:00 (before level 2's timeout, Tue 11:30).
    expect(plan(LEVELS, state, '2026-03-03T09:30:00Z')).toEqual({
      fire: [[2, '2026-03-03T09:30:00.000Z', 'threshold']], repeat: null, nextAt: '2026-03-03T11:00:00.000Z',
    });
  });

  it('fires a level after due at its business instant and repeats it every 30 minutes until acknowledged', () => {
    const state = fired([1, '2026-03-02T16:00:00Z'], [2, '2026-03-03T09:30:00Z']);
    expect(plan(LEVELS, state, '2026-03-03T10:59:59Z').fire).toEqual([]);
    expect(plan(LEVELS, state, '2026-03-03T11:00:00Z')).toEqual({
      fire: [[3, '2026-03-03T11:00:00.000Z', 'threshold']], repeat: null, nextAt: '2026-03-03T11:30:00.000Z',
    });
    const raised = fired([1, '2026-03-02T16:00:00Z'], [2, '2026-03-03T09:30:00Z'], [3, '2026-03-03T11:00:00Z']);
    expect(plan(LEVELS, raised, '2026-03-03T11:29:59Z')).toEqual({ fire: [], repeat: null, nextAt: '2026-03-03T11:30:00.000Z' });
    expect(plan(LEVELS, raised, '2026-03-03T11:30:00Z')).toEqual({ fire: [], repeat: 3, nextAt: '2026-03-03T12:00:00.000Z' });
    // Down from 11:30 to 14:10: one repeat makes up for the missed ones.
    const repeated = fired([1, '2026-03-02T16:00:00Z'], [2, '2026-03-03T09:30:00Z'], [3, '2026-03-03T11:00:00Z', '2026-03-03T11:30:00Z']);
    expect(plan(LEVELS, repeated, '2026-03-03T14:10:00Z')).toEqual({ fire: [], repeat: 3, nextAt: '2026-03-03T14:40:00.000Z' });
    expect(plan(LEVELS, { ...repeated, acknowledged: true }, '2026-03-03T14:10:00Z')).toEqual({ fire: [], repeat: null, nextAt: null });
  });

  it('counts an offset after due in business time across the night: 8 h past due Tue 10:00 is Wed 10:00', () => {
    const late = [level(1, { kind: 'due_offset', offsetSeconds: 8 * HOUR })];
    expect(plan(late, NONE, '2026-03-03T17:00:00Z')).toEqual({ fire: [], repeat: null, nextAt: '2026-03-04T10:00:00.000Z' });
  });

  it('escalates to the next level when the previous one is not acknowledged in time (wall clock)', () => {
    const quick = [level(1, { kind: 'percent', percent: 75 }, { ackTimeoutSeconds: HOUR }), LEVELS[1]!];
    expect(plan(quick, fired([1, '2026-03-02T16:00:00Z']), '2026-03-02T16:30:00Z').nextAt).toBe('2026-03-02T17:00:00.000Z');
    expect(plan(quick, fired([1, '2026-03-02T16:00:00Z']), '2026-03-02T17:00:00Z').fire).toEqual([[2, '2026-03-02T17:00:00.000Z', 'ack_timeout']]);
  });

  it('does not escalate while the clock is paused, and counts the pause out of the threshold', () => {
    const hold = [event('on_hold', '2026-03-02T12:00:00Z', 'waiting_customer'), event('resumed', '2026-03-02T14:00:00Z')];
    expect(plan(LEVELS, NONE, '2026-03-02T13:00:00Z', hold.slice(0, 1))).toEqual({ fire: [], repeat: null, nextAt: null });
    // 2 h before the hold, 3 h on Monday after it (14–17), the 6th hour Tue 09–10.
    expect(plan(LEVELS, NONE, '2026-03-02T15:00:00Z', hold).nextAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('stops for good once the clock is met', () => {
    expect(plan(LEVELS, NONE, '2026-03-03T12:00:00Z', [event('completed', '2026-03-02T15:00:00Z')])).toEqual({ fire: [], repeat: null, nextAt: null });
  });

  it('fires every level passed meanwhile in order on catch-up, each at its own instant', () => {
    expect(plan(LEVELS, NONE, '2026-03-03T12:00:00Z')).toEqual({
      fire: [
        [1, '2026-03-02T16:00:00.000Z', 'threshold'],
        [2, '2026-03-03T09:30:00.000Z', 'threshold'],
        [3, '2026-03-03T11:00:00.000Z', 'threshold'],
      ],
      repeat: null,
      nextAt: '2026-03-03T12:30:00.000Z',
    });
  });

  it('never fires a level before the one ahead of it: an earlier threshold waits and counts from that level', () => {
    // Level 2 at 4 business hours before due (Mon 14:00) waits for level 1 at 90 % (7 h 12 = Tue 09:12).
    const crossed = [level(1, { kind: 'percent', percent: 90 }), level(2, { kind: 'due_offset', offsetSeconds: -4 * HOUR })];
    expect(plan(crossed, NONE, '2026-03-02T15:00:00Z')).toEqual({ fire: [], repeat: null, nextAt: '2026-03-03T09:12:00.000Z' });
    expect(plan(crossed, NONE, '2026-03-03T09:12:00Z').fire).toEqual([
      [1, '2026-03-03T09:12:00.000Z', 'threshold'],
      [2, '2026-03-03T09:12:00.000Z', 'threshold'],
    ]);
  });
});

describe('progress from the stored row (scheduling)', () => {
  it('predicts the same future instants as the derived clock, and says "now" for what already passed', () => {
    // The row as the clock engine leaves it at Mon 12:00: 2 h elapsed.
    const row = progressFromRow({ state: 'running', elapsedSeconds: 2 * HOUR, updatedAt: t('2026-03-02T12:00:00Z'), targetSeconds: 8 * HOUR }, OFFICE);
    expect(planEscalation(LEVELS, row, NONE, t('2026-03-02T12:00:00Z')).nextAt).toBe(t('2026-03-02T16:00:00Z'));
    expect(row.instantAt(HOUR)).toBe(t('2026-03-02T12:00:00Z'));
    expect(progressFromRow({ state: 'paused', elapsedSeconds: 2 * HOUR, updatedAt: t('2026-03-02T12:00:00Z'), targetSeconds: 8 * HOUR }, OFFICE).instantAt(3 * HOUR)).toBeNull();
  });
});

describe('the levels schema', () => {
  it('accepts the demo protocol and names the field of each mistake', () => {
    expect(EscalationLevels.safeParse(LEVELS).success).toBe(true);
    const bad = EscalationLevels.safeParse([
      LEVELS[0],
      { ...LEVELS[1], threshold: { kind: 'percent', percent: 0 } },
      { ...LEVELS[2], notify: ['technician'], channels: ['email', 'email'], ackTimeoutSeconds: 10 },
    ]);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['1.threshold.percent', '2.ackTimeoutSeconds', '2.channels', '2.notify.0']);
    // Numbering is checked once each level is valid in itself.
    const misnumbered = EscalationLevels.safeParse([LEVELS[0], { ...LEVELS[2], level: 3 }]);
    expect(misnumbered.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['1.level', 'must be 2: levels are numbered 1, 2, 3… in order']]);
  });
});
