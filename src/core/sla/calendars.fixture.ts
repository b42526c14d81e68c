import type { Calendar } from '../../shared/schemas/calendar.schema';

/** Calendars shared by the hand-checked tests. Dates of 2024: Jan 8 is a Monday, Jan 12 a Friday. */

type Intervals = [string, string][];
const weekdays = (intervals: Intervals) => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});
const everyDay = (intervals: Intervals) => ({ ...weekdays(intervals), sat: intervals, sun: intervals });

export const officeHours = (timeZone: string, extra: Partial<Calendar> = {}): Calendar => ({
  timeZone,
  week: weekdays([['09:00', '17:00']]),
  ...extra,
});

export const twentyFourSeven = (timeZone: string): Calendar => ({ timeZone, week: everyDay([['00:00', '24:00']]) });

/** Mon–Fri 08:00–12:00 and 13:00–17:00 UTC. */
export const splitShift: Calendar = { timeZone: 'UTC', week: weekdays([['08:00', '12:00'], ['13:00', '17:00']]) };

/** One overnight shift, Friday 22:00 → Saturday 06:00 UTC. */
export const fridayNight = (extra: Partial<Calendar> = {}): Calendar => ({
  timeZone: 'UTC',
  week: { fri: [['22:00', '06:00']] },
  ...extra,
});

/** Sundays only, one interval: for DST days (all 2024 transitions below fall on a Sunday, Santiago's at its start). */
export const sundays = (timeZone: string, from: string, to: string): Calendar => ({ timeZone, week: { sun: [[from, to]] } });
