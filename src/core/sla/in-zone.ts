import type { Calendar } from '../../shared/schemas/calendar.schema';

const rezoned = new WeakMap<Calendar, Map<string, Calendar>>();

/**
 * The same calendar read in another zone (a policy reading its hours in the site's zone). Memoised per calendar
 * object and zone, so the calculator's per-object compiled form is reused instead of rebuilt on every call.
 */
export function inZone(calendar: Calendar, timeZone: string): Calendar {
  if (calendar.timeZone === timeZone) return calendar;
  let byZone = rezoned.get(calendar);
  if (!byZone) rezoned.set(calendar, (byZone = new Map()));
  let result = byZone.get(timeZone);
  if (!result) byZone.set(timeZone, (result = { ...calendar, timeZone }));
  return result;
}
