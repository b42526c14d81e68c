import type { MethodOutput } from '../../shared/contract';
import type { Holiday } from '../../shared/schemas/reference.schema';
import type { CallContext, CoreDeps, HandlerMap } from '../rpc/handlers';
import { adminChange } from './admin-change';
import { calendarById, touchCalendar } from './calendars.service';
import { icsHolidays, publicHolidays } from './holiday-sources';

type ImportResult = MethodOutput<'calendars.importHolidays'>;

/** The year of `at` in `timeZone`. */
function yearIn(timeZone: string, at: number): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date(at)));
}

/**
 * Holiday imports: the dates a source lists that are not holidays of the calendar yet are added; the ones that are
 * stay as they were (their names too) and are reported as skipped. One import is one audited calendar change.
 */
export function createHolidayImportHandlers(deps: CoreDeps): HandlerMap<'calendars.importHolidays' | 'calendars.importIcs'> {
  const importInto = (calendarId: string, ctx: CallContext, listed: (timeZone: string) => Holiday[]): Promise<ImportResult> =>
    adminChange(deps, ctx, async ({ trx, record }) => {
      const before = await calendarById(trx, calendarId);
      const present = new Set(before.calendar.holidays);
      const holidays = listed(before.calendar.timeZone);
      const added = holidays.filter((h) => !present.has(h.date));
      const skipped = holidays.filter((h) => present.has(h.date));
      if (added.length === 0) return { calendar: before, added, skipped };
      await trx
        .insertInto('calendar_holidays')
        .values(added.map((h) => ({ calendar_id: calendarId, date: h.date, name: h.name })))
        .execute();
      await touchCalendar(trx, calendarId, ctx.now);
      const after = await calendarById(trx, calendarId);
      await record({ entity: 'calendar', id: calendarId, action: 'calendar.holidaysImported', before, after });
      return { calendar: after, added, skipped };
    });

  return {
    'calendars.importHolidays': ({ calendarId, country, region, years }, ctx) =>
      importInto(calendarId, ctx, () => publicHolidays(country, region, years)),

    // Recurring events are expanded over the years asked for, by default this year and the next in the calendar's zone.
    'calendars.importIcs': ({ calendarId, ics, years }, ctx) =>
      importInto(calendarId, ctx, (timeZone) => {
        const year = yearIn(timeZone, ctx.now);
        return icsHolidays(ics, years ?? [year, year + 1]);
      }),
  };
}
