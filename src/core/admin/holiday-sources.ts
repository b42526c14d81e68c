import Holidays from 'date-holidays';
import ical, { type VEvent } from 'node-ical';
import { AppError } from '../../shared/errors';
import type { Holiday } from '../../shared/schemas/reference.schema';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` days, on the proleptic calendar (no zone involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** One holiday per date, in date order; the first name listed for a date wins. */
function byDate(holidays: readonly Holiday[]): Holiday[] {
  const seen = new Map<string, Holiday>();
  for (const h of holidays) if (!seen.has(h.date)) seen.set(h.date, h);
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Public holidays (type `public`, which includes substitute days) of a country and optionally one of its regions,
 * from the date-holidays library, with English names where it has them. The library's `date` is already the local
 * date. A holiday spanning several days gives each of its dates; one that starts at noon still makes its whole
 * date a holiday (a calendar's holidays are whole dates; keep the morning with a date override instead).
 */
export function publicHolidays(country: string, region: string | undefined, years: readonly number[]): Holiday[] {
  const library = new Holidays();
  if (!Object.hasOwn(library.getCountries(), country)) {
    throw new AppError('validation', `The holiday library does not know the country "${country}".`, [{ path: 'country', message: 'unknown country' }]);
  }
  if (region !== undefined && !Object.hasOwn(library.getStates(country) ?? {}, region)) {
    throw new AppError('validation', `The holiday library does not know the region "${region}" of ${country}.`, [{ path: 'region', message: `unknown region of ${country}` }]);
  }
  const source = region === undefined ? new Holidays(country, { languages: 'en' }) : new Holidays(country, region, { languages: 'en' });
  const found: Holiday[] = [];
  for (const year of years) {
    for (const h of source.getHolidays(year, 'en')) {
      if (h.type !== 'public') continue;
      const first = h.date.slice(0, 10);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < days; i++) found.push({ date: addDays(first, i), name: h.name });
    }
  }
  return byDate(found);
}

/**
 * node-ical builds an all-day date as midnight of the process's own zone, so its local fields are the date the
 * file states, whatever zone this machine runs in.
 */
const localDate = (d: Date) => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The dates an all-day event covers: DTEND is exclusive; no DTEND means the one date. */
function eventDates(start: Date, end: Date | undefined): string[] {
  const first = localDate(start);
  const last = end ? localDate(end) : addDays(first, 1);
  const dates: string[] = [];
  for (let d = first; d < last && dates.length < 366; d = addDays(d, 1)) dates.push(d);
  return dates.length > 0 ? dates : [first];
}

const summaryOf = (summary: unknown): string => {
  const text = typeof summary === 'string' ? summary : typeof (summary as { val?: unknown })?.val === 'string' ? (summary as { val: string }).val : '';
  return text.trim().slice(0, 100) || 'Holiday';
};

/**
 * The all-day events of an iCalendar text as holidays. Timed events (a meeting, a half-day closure with hours)
 * are not holidays and are left out, as are cancelled ones. A recurring all-day event gives its occurrences in
 * `years`; a single event gives its own dates whatever the year.
 */
export function icsHolidays(text: string, years: readonly number[]): Holiday[] {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new AppError('validation', 'The text is not an iCalendar (no BEGIN:VCALENDAR).', [{ path: 'ics', message: 'not a valid iCalendar text' }]);
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (error) {
    throw new AppError('validation', `The iCalendar text could not be read: ${(error as Error).message}`, [{ path: 'ics', message: 'not a valid iCalendar text' }]);
  }
  const events = Object.values(parsed).filter((c): c is VEvent => (c as VEvent | undefined)?.type === 'VEVENT');
  const first = Math.min(...years);
  const last = Math.max(...years);
  const found: Holiday[] = [];
  for (const event of events) {
    if (event.datetype !== 'date' || event.status === 'CANCELLED') continue;
    const name = summaryOf(event.summary);
    if (!event.rrule) {
      for (const date of eventDates(event.start, event.end)) found.push({ date, name });
      continue;
    }
    const occurrences = ical.expandRecurringEvent(event, { from: new Date(first, 0, 1), to: new Date(last, 11, 31, 23, 59, 59) });
    for (const o of occurrences) {
      for (const date of eventDates(o.start, o.end)) if (years.includes(Number(date.slice(0, 4)))) found.push({ date, name });
    }
  }
  return byDate(found);
}
