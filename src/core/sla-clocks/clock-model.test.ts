import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { deriveClock, type ClockDefinition, type ClockEvent, type ClockEventKind } from './clock-model';

// Mon–Fri 09:00–17:00 UTC: 8 business hours a day. 2026-03-02 is a Monday.
const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];
const OFFICE: Calendar = { timeZone: 'UTC', week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE } };
const t = (iso: string) => Date.parse(iso);
const HOUR = 3600;

/** Resolution, 8 business hours from Monday 10:00: due Tue 10:00 (Mon 10–17 is 7 h, Tue 09–10 the 8th). */
const resolution: ClockDefinition = {
  metric: 'resolution',
  targetSeconds: 8 * HOUR,
  calendar: OFFICE,
  startedAt: t('2026-03-02T10:00:00Z'),
  thresholds: [75, 90],
  pausingReasons: ['waiting_customer', 'waiting_parts'],
};

let seq = 0;
const ev = (kind: ClockEventKind, iso: string, reason?: string): ClockEvent => ({ seq: ++seq, at: t(iso), kind, reason });

describe('a running clock', () => {
  it('is due when elapsed business time reaches the target, warns at 75 % and 90 %, breaches the second after its due instant', () => {
    const clock = deriveClock(resolution, [], t('2026-03-02T12:00:00Z'));
    expect(clock).toMatchObject({ state: 'running', elapsedSeconds: 2 * HOUR, percentElapsed: 25, dueAt: t('2026-03-03T10:00:00Z'), reached: [] });
    expect(clock.upcoming).toEqual([
      // 75 % = 6 h: Mon 10:00 + 6 h = Mon 16:00.
      { kind: 'warning', threshold: 75, at: t('2026-03-02T16:00:00Z') },
      // 90 % = 7 h 12 min: 7 h by Mon 17:00, the last 12 min Tue 09:00–09:12.
      { kind: 'warning', threshold: 90, at: t('2026-03-03T09:12:00Z') },
      { kind: 'breach', at: t('2026-03-03T10:00:01Z') },
    ]);
  });

  it('counts no time outside working hours: Mon 18:00 and Tue 08:59 both stand at 7 h = 87.5 %', () => {
    for (const now of ['2026-03-02T18:00:00Z', '2026-03-03T08:59:00Z']) {
      expect(deriveClock(resolution, [], t(now))).toMatchObject({ state: 'running', elapsedSeconds: 7 * HOUR, percentElapsed: 87.5 });
    }
  });

  it('is running at its due instant and breached from the next second on', () => {
    expect(deriveClock(resolution, [], t('2026-03-03T10:00:00Z')).state).toBe('running');
    const breached = deriveClock(resolution, [], t('2026-03-03T10:00:01Z'));
    expect(breached.state).toBe('breached');
    expect(breached.reached.map((c) => c.at)).toEqual([t('2026-03-02T16:00:00Z'), t('2026-03-03T09:12:00Z'), t('2026-03-03T10:00:01Z')]);
    expect(breached.upcoming).toEqual([]);
  });

  it('is met when stopped exactly at its due instant and missed one second later', () => {
    expect(deriveClock(resolution, [ev('completed', '2026-03-03T10:00:00Z')], t('2026-03-04T00:00:00Z'))).toMatchObject({
      state: 'met',
      stoppedAt: t('2026-03-03T10:00:00Z'),
      elapsedSeconds: 8 * HOUR,
      percentElapsed: 100,
    });
    expect(deriveClock(resolution, [ev('completed', '2026-03-03T10:00:01Z')], t('2026-03-04T00:00:00Z')).state).toBe('missed');
  });

  it('with a zero target is due at its start, fully elapsed, and met only when stopped at that instant', () => {
    const zero = { ...resolution, targetSeconds: 0, startedAt: t('2026-03-07T12:00:00.250Z') };
    expect(deriveClock(zero, [], zero.startedAt)).toMatchObject({ state: 'running', dueAt: zero.startedAt, percentElapsed: 100 });
    expect(deriveClock(zero, [], t('2026-03-07T12:00:01Z')).state).toBe('breached');
    expect(deriveClock(zero, [ev('completed', '2026-03-07T12:00:00.250Z')], t('2026-03-09T00:00:00Z')).state).toBe('met');
  });
});

describe('pause and resume', () => {
  // On hold waiting for parts Mon 15:00 (5 h elapsed) until Tue 11:00: the 4 business hours in between
  // (Mon 15–17, Tue 09–11) do not count, so the 3 h left run Tue 11:00–14:00.
  const held = [ev('on_hold', '2026-03-02T15:00:00Z', 'waiting_parts'), ev('resumed', '2026-03-03T11:00:00Z')];

  it('stops elapsed time while paused and keeps the last due instant until it resumes', () => {
    expect(deriveClock(resolution, held.slice(0, 1), t('2026-03-03T10:30:00Z'))).toMatchObject({
      state: 'paused',
      pausedAt: t('2026-03-02T15:00:00Z'),
      elapsedSeconds: 5 * HOUR,
      percentElapsed: 62.5,
      dueAt: t('2026-03-03T10:00:00Z'),
      upcoming: [],
    });
  });

  it('moves the due instant by the paused business time when it resumes', () => {
    const clock = deriveClock(resolution, held, t('2026-03-03T11:00:00Z'));
    expect(clock).toMatchObject({ state: 'running', elapsedSeconds: 5 * HOUR, dueAt: t('2026-03-03T14:00:00Z'), pausedAt: null });
    expect(clock.upcoming).toEqual([
      { kind: 'warning', threshold: 75, at: t('2026-03-03T12:00:00Z') },
      { kind: 'warning', threshold: 90, at: t('2026-03-03T13:12:00Z') },
      { kind: 'breach', at: t('2026-03-03T14:00:01Z') },
    ]);
  });

  it('does not pause for a hold reason the policy does not list', () => {
    const clock = deriveClock(resolution, [ev('on_hold', '2026-03-02T15:00:00Z', 'customer_absent'), ev('resumed', '2026-03-03T11:00:00Z')], t('2026-03-03T11:00:00Z'));
    expect(clock).toMatchObject({ state: 'breached', elapsedSeconds: 9 * HOUR, dueAt: t('2026-03-03T10:00:00Z') });
    expect(clock.timeline.map((e) => e.event)).toEqual(['started', 'warning', 'warning', 'breached']);
  });

  it('records every change with business time, percent and wall-clock percent at that moment', () => {
    const clock = deriveClock(resolution, [...held, ev('completed', '2026-03-03T13:30:00Z')], t('2026-03-03T18:00:00Z'));
    expect(clock.state).toBe('met');
    const rows = clock.timeline.map(({ at, event, elapsedSeconds, percentElapsed, wallPercent }) => [new Date(at).toISOString(), event, elapsedSeconds, percentElapsed, wallPercent]);
    expect(rows).toEqual([
      ['2026-03-02T10:00:00.000Z', 'started', 0, 0, 0],
      // Wall-clock percent against the due instant of that moment: 5 h of the 24 h to Tue 10:00.
      ['2026-03-02T15:00:00.000Z', 'paused', 18_000, 62.5, 20.83],
      // Resumed: due is now Tue 14:00, 28 h after the start; 25 h have passed.
      ['2026-03-03T11:00:00.000Z', 'resumed', 18_000, 62.5, 89.29],
      ['2026-03-03T12:00:00.000Z', 'warning', 21_600, 75, 92.86],
      ['2026-03-03T13:12:00.000Z', 'warning', 25_920, 90, 97.14],
      ['2026-03-03T13:30:00.000Z', 'met', 27_000, 93.75, 98.21],
    ]);
    expect(clock.timeline[1]!.data).toEqual({ reason: 'waiting_parts' });
    expect(clock.timeline[2]!.data).toEqual({ dueAt: t('2026-03-03T14:00:00Z'), idleSeconds: 4 * HOUR });
  });

  it('stays breached through a pause once past due, and is breached again the moment it resumes', () => {
    const events = [ev('on_hold', '2026-03-03T11:00:00Z', 'waiting_customer'), ev('resumed', '2026-03-03T15:00:00Z')];
    expect(deriveClock(resolution, events.slice(0, 1), t('2026-03-03T12:00:00Z'))).toMatchObject({ state: 'paused', elapsedSeconds: 9 * HOUR });
    const resumed = deriveClock(resolution, events, t('2026-03-03T15:00:00Z'));
    expect(resumed).toMatchObject({ state: 'breached', dueAt: t('2026-03-03T10:00:00Z') });
    expect(resumed.reached.filter((c) => c.kind === 'breach')).toEqual([{ kind: 'breach', at: t('2026-03-03T10:00:01Z') }]);
  });
});

describe('stops, cancellation and reopening', () => {
  it('stops each metric at its own event, and only at the first one', () => {
    const response = { ...resolution, metric: 'response' as const, targetSeconds: 4 * HOUR };
    const events = [ev('accepted', '2026-03-02T11:00:00Z'), ev('accepted', '2026-03-02T16:00:00Z'), ev('completed', '2026-03-02T16:30:00Z')];
    expect(deriveClock(response, events, t('2026-03-03T00:00:00Z'))).toMatchObject({ state: 'met', stoppedAt: t('2026-03-02T11:00:00Z'), elapsedSeconds: HOUR });
    expect(deriveClock(resolution, events, t('2026-03-03T00:00:00Z'))).toMatchObject({ state: 'met', stoppedAt: t('2026-03-02T16:30:00Z') });
  });

  it('cancels a running or paused clock and leaves a stopped one alone', () => {
    const cancel = ev('cancelled', '2026-03-02T16:00:00Z');
    expect(deriveClock(resolution, [ev('on_hold', '2026-03-02T12:00:00Z', 'waiting_parts'), cancel], t('2026-03-05T00:00:00Z'))).toMatchObject({
      state: 'cancelled',
      stoppedAt: t('2026-03-02T16:00:00Z'),
      elapsedSeconds: 2 * HOUR,
    });
    expect(deriveClock(resolution, [ev('completed', '2026-03-02T15:00:00Z'), cancel], t('2026-03-05T00:00:00Z')).state).toBe('met');
  });

  it('resumes the resolution clock on reopen without counting the completion → reopen gap', () => {
    // Completed Mon 16:00 with 6 h used; reopened Tue 09:30: Mon 16–17 and Tue 09–09:30 do not count, 2 h are left.
    const events = [ev('completed', '2026-03-02T16:00:00Z'), ev('reopened', '2026-03-03T09:30:00Z')];
    expect(deriveClock(resolution, events, t('2026-03-03T10:30:00Z'))).toMatchObject({
      state: 'running',
      stoppedAt: null,
      elapsedSeconds: 7 * HOUR,
      dueAt: t('2026-03-03T11:30:00Z'),
    });
    const again = deriveClock(resolution, [...events, ev('completed', '2026-03-03T11:45:00Z')], t('2026-03-04T00:00:00Z'));
    expect(again).toMatchObject({ state: 'missed', elapsedSeconds: 8 * HOUR + 15 * 60 });
    expect(again.timeline.map((e) => e.event)).toEqual(['started', 'warning', 'met', 'reopened', 'warning', 'breached', 'missed']);
  });
});

describe('a scheduled maintenance order', () => {
  const arrival = { ...resolution, metric: 'arrival' as const, targetSeconds: 4 * HOUR };

  it('is due at its window instant, its target being the business time from start to that instant', () => {
    // Mon 10:00 → Wed 14:00 is 7 + 8 + 5 = 20 business hours.
    const clock = deriveClock({ ...arrival, scheduledDueAt: t('2026-03-04T14:00:00Z') }, [], t('2026-03-03T10:00:00Z'));
    expect(clock).toMatchObject({ dueAt: t('2026-03-04T14:00:00Z'), elapsedSeconds: 8 * HOUR, percentElapsed: 40 });
    // A window outside working hours (Saturday) stays the due instant rather than moving to Friday's close.
    const weekend = { ...arrival, scheduledDueAt: t('2026-03-07T10:00:00Z') };
    expect(deriveClock(weekend, [ev('on_site', '2026-03-07T09:00:00Z')], t('2026-03-08T00:00:00Z'))).toMatchObject({ state: 'met', dueAt: t('2026-03-07T10:00:00Z') });
  });

  it('moves its due instant by the business time it was paused', () => {
    const def = { ...arrival, scheduledDueAt: t('2026-03-04T14:00:00Z') };
    const events = [ev('on_hold', '2026-03-03T10:00:00Z', 'waiting_customer'), ev('resumed', '2026-03-03T12:00:00Z')];
    expect(deriveClock(def, events, t('2026-03-03T12:00:00Z')).dueAt).toBe(t('2026-03-04T16:00:00Z'));
  });
});

describe('event order', () => {
  it('takes events by event time, so a late delivery re-evaluates the clock as if it had come in order', () => {
    const hold = ev('on_hold', '2026-03-02T15:00:00Z', 'waiting_parts');
    const resume = ev('resumed', '2026-03-03T11:00:00Z');
    const done = ev('completed', '2026-03-03T13:30:00Z');
    const late = [done, resume, hold].map((e, i) => ({ ...e, seq: i + 1 }));
    expect(deriveClock(resolution, late, t('2026-03-04T00:00:00Z'))).toEqual(deriveClock(resolution, [hold, resume, done], t('2026-03-04T00:00:00Z')));
  });

  it('breaks ties of the same instant by arrival order', () => {
    const at = '2026-03-02T15:00:00Z';
    const holdFirst = [{ ...ev('on_hold', at, 'waiting_parts'), seq: 1 }, { ...ev('resumed', at), seq: 2 }];
    const resumeFirst = [{ ...ev('resumed', at), seq: 1 }, { ...ev('on_hold', at, 'waiting_parts'), seq: 2 }];
    expect(deriveClock(resolution, holdFirst, t('2026-03-02T16:00:00Z')).state).toBe('running');
    expect(deriveClock(resolution, resumeFirst, t('2026-03-02T16:00:00Z')).state).toBe('paused');
  });

  it('treats an event stamped before the start as happening at the start', () => {
    expect(deriveClock(resolution, [ev('completed', '2026-03-02T09:00:00Z')], t('2026-03-03T00:00:00Z'))).toMatchObject({
      state: 'met',
      stoppedAt: resolution.startedAt,
      elapsedSeconds: 0,
    });
  });
});
