import fc from 'fast-check';
import type { Calendar } from '../../shared/schemas/calendar.schema';

/**
 * Random calendars and start instants for the property tests. Zones include every DST flavour the spec names;
 * starts are drawn uniformly over 2020–2030 or right around one of the zone's transitions (otherwise a random
 * start almost never meets one); holidays and overrides are placed near the start so they matter.
 */

export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Casablanca',
  'America/St_Johns',
] as const;

const DAY = 86_400_000;
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2031, 0, 1);

/** UTC midnights of the days (2020–2030) on which the zone's offset changes, found by plain daily Intl sampling. */
const transitionDays = new Map<string, number[]>();
function daysWithTransition(timeZone: string): number[] {
  let days = transitionDays.get(timeZone);
  if (!days) {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    days = [];
    let previous = f.format(FROM).split(', ')[1];
    for (let t = FROM + DAY; t < TO; t += DAY) {
      const current = f.format(t).split(', ')[1];
      if (current !== previous) days.push(t - DAY);
      previous = current;
    }
    transitionDays.set(timeZone, days);
  }
  return days;
}

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

/** Quarter-hour grid so that equal, touching and midnight-crossing intervals come up often. */
const interval: fc.Arbitrary<[string, string]> = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 96 }))
  .map(([a, b]) => [hhmm(a), hhmm(b)]);
const intervals = fc.array(interval, { maxLength: 3 });
const week = fc.record(
  { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: intervals, sun: intervals },
  { requiredKeys: [] },
);

export interface Scenario {
  readonly calendar: Calendar;
  readonly start: number;
}

const startIn = (timeZone: string) =>
  fc.oneof(
    fc.integer({ min: FROM / 1000, max: TO / 1000 - 1 }).map((s) => s * 1000),
    fc.integer({ min: FROM / 900_000, max: TO / 900_000 - 1 }).map((q) => q * 900_000),
    fc
      .tuple(fc.nat(), fc.integer({ min: -2 * 86_400, max: 2 * 86_400 }))
      .map(([i, s]) => {
        const days = daysWithTransition(timeZone);
        return days.length === 0 ? FROM + s * 1000 : days[i % days.length] + s * 1000;
      }),
  );

export const scenario: fc.Arbitrary<Scenario> = fc
  .constantFrom(...ZONES)
  .chain((timeZone) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      week,
      holidays: fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 4 }),
      overrides: fc.array(fc.record({ day: fc.integer({ min: -3, max: 20 }), intervals }), { maxLength: 3 }),
      start: startIn(timeZone),
    }),
  )
  .map(({ timeZone, week, holidays, overrides, start }) => {
    const date = (offset: number) => new Date(start + offset * DAY).toISOString().slice(0, 10);
    const calendar: Calendar = {
      timeZone,
      week,
      holidays: holidays.map(date),
      overrides: overrides.map((o) => ({ date: date(o.day), intervals: o.intervals })),
    };
    return { calendar, start };
  });
