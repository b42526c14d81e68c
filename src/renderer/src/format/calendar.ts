import { WEEKDAYS, type Calendar, type Weekday } from '@shared/schemas/calendar.schema';

const DAY_LABEL: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

const describeIntervals = (intervals: [string, string][]): string =>
  intervals.length === 0 ? '' : intervals.map(([from, to]) => (from === '00:00' && to === '24:00' ? 'all day' : `${from}–${to}`)).join(', ');

/** Runs of consecutive weekdays that share a value, Monday first: [[start, end, value], …]. */
function runsOf<T>(values: T[]): [number, number, T][] {
  const runs: [number, number, T][] = [];
  values.forEach((value, day) => {
    const last = runs.at(-1);
    if (last && last[1] === day - 1 && last[2] === value) last[1] = day;
    else runs.push([day, day, value]);
  });
  return runs;
}

const dayRange = (start: number, end: number): string =>
  start === end ? DAY_LABEL[WEEKDAYS[start]!] : `${DAY_LABEL[WEEKDAYS[start]!]}–${DAY_LABEL[WEEKDAYS[end]!]}`;

/** The weekdays flagged true as runs: "Mon–Fri", "Mon–Wed, Sat". */
export const dayRuns = (flags: boolean[]): string =>
  runsOf(flags)
    .filter(([, , on]) => on)
    .map(([start, end]) => dayRange(start, end))
    .join(', ');

/**
 * The weekly hours in one line, with consecutive weekdays of equal hours merged:
 * "Mon–Fri 08:00–18:00 · Sat 09:00–13:00", or "Every day all day" for a 24x7 calendar.
 */
export function summariseWeek(calendar: Calendar): string {
  const hours = WEEKDAYS.map((day) => describeIntervals(calendar.week[day] ?? []));
  if (hours.every((h) => h === hours[0])) return hours[0] ? `Every day ${hours[0]}` : 'No working hours';
  return runsOf(hours)
    .filter(([, , h]) => h)
    .map(([start, end, h]) => `${dayRange(start, end)} ${h}`)
    .join(' · ');
}

/** The next holidays on or after today (local dates compare as strings), for a short preview. */
export function upcomingHolidays(calendar: Calendar, today: string, count: number): string[] {
  return (calendar.holidays ?? []).filter((d) => d >= today).slice(0, count);
}
