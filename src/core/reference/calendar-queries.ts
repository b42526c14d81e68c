import type { Kysely } from 'kysely';
import type { Calendar, Weekday } from '../../shared/schemas/calendar.schema';
import type { CalendarRecord } from '../../shared/schemas/reference.schema';
import type { Database } from '../db/schema';
import { groupBy } from '../util/group-by';

/** Calendars in the shared schema's shape, with holidays and overrides; all of them, or the ones named. */
export async function loadCalendars(db: Kysely<Database>, ids?: readonly string[]): Promise<CalendarRecord[]> {
  if (ids && ids.length === 0) return [];
  let calendars = db.selectFrom('calendars').selectAll().orderBy('name');
  let holidays = db.selectFrom('calendar_holidays').selectAll().orderBy('date');
  let overrides = db.selectFrom('calendar_overrides').selectAll().orderBy('date');
  if (ids) {
    calendars = calendars.where('id', 'in', ids);
    holidays = holidays.where('calendar_id', 'in', ids);
    overrides = overrides.where('calendar_id', 'in', ids);
  }
  const [rows, holidayRows, overrideRows] = await Promise.all([calendars.execute(), holidays.execute(), overrides.execute()]);
  const holidaysBy = groupBy(holidayRows, (h) => h.calendar_id);
  const overridesBy = groupBy(overrideRows, (o) => o.calendar_id);
  return rows.map((r) => {
    const holidayRows = holidaysBy.get(r.id) ?? [];
    const calendar: Calendar = {
      timeZone: r.time_zone,
      week: JSON.parse(r.week_json) as Partial<Record<Weekday, [string, string][]>>,
      holidays: holidayRows.map((h) => h.date),
      overrides: (overridesBy.get(r.id) ?? []).map((o) => ({ date: o.date, intervals: JSON.parse(o.intervals_json) })),
    };
    return { id: r.id, name: r.name, calendar, namedHolidays: holidayRows.map((h) => ({ date: h.date, name: h.name })) };
  });
}
