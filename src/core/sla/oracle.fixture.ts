import type { Calendar } from '../../shared/schemas/calendar.schema';

/**
 * A deliberately naive reference for the property tests: it asks Intl for the local date, weekday and wall time of
 * every minute and applies DOMAIN.md's rule to the calendar's strings directly, sharing no code with the fast
 * implementation. Exact only when every boundary falls on a whole UTC minute, which holds for the test zones
 * (whole-minute offsets and transitions) and the test calendars (HH:MM intervals).
 */

const MINUTE = 60_000;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();

function local(timeZone: string, t: number): { date: string; weekday: number; minute: number } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: SHORT.indexOf(p.weekday), minute: Number(p.hour) * 60 + Number(p.minute) };
}

const min = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const endOf = ([a, b]: [string, string]) => (min(b) > min(a) ? min(b) : 24 * 60);

export function isWorkingBruteForce(c: Calendar, t: number): boolean {
  const { date, weekday, minute } = local(c.timeZone, t);
  if (c.holidays?.includes(date)) return false;
  const overrides = (c.overrides ?? []).filter((o) => o.date === date);
  if (overrides.length > 0) return overrides.some((o) => o.intervals.some((i) => min(i[0]) <= minute && minute < endOf(i)));
  if ((c.week[DAYS[weekday]] ?? []).some((i) => min(i[0]) <= minute && minute < endOf(i))) return true;
  const yesterday = c.week[DAYS[(weekday + 6) % 7]] ?? [];
  return yesterday.some(([a, b]) => min(b) <= min(a) && minute < min(b));
}

/** Working seconds in [from, to), by scanning minutes. */
export function betweenBruteForce(c: Calendar, from: number, to: number): number {
  let ms = 0;
  for (let m = Math.floor(from / MINUTE) * MINUTE; m < to; m += MINUTE) {
    const overlap = Math.min(m + MINUTE, to) - Math.max(m, from);
    if (overlap > 0 && isWorkingBruteForce(c, m)) ms += overlap;
  }
  return ms / 1000;
}

/** Earliest instant at which `seconds` of working time have elapsed, scanning at most `maxMinutes`. */
export function addBruteForce(c: Calendar, start: number, seconds: number, maxMinutes: number): number | undefined {
  if (seconds === 0) return start;
  let remaining = seconds * 1000;
  const first = Math.floor(start / MINUTE) * MINUTE;
  for (let m = first; m < first + maxMinutes * MINUTE; m += MINUTE) {
    if (!isWorkingBruteForce(c, m)) continue;
    const from = Math.max(m, start);
    const length = m + MINUTE - from;
    if (length >= remaining) return from + remaining;
    remaining -= length;
  }
  return undefined;
}
