import { z } from 'zod';
import { Calendar, WEEKDAYS, type Weekday } from './calendar.schema';
import { Id, LocalTime } from './common';
import { CalendarDate, DisplayName, StartTime, uniqueBy } from './admin-fields.schema';
import { CalendarRecord, Holiday } from './reference.schema';

/**
 * Inputs of the calendar administration. They are the shared calendar shape (src/shared/schemas/calendar.schema.ts)
 * with the rules the SLA engine enforces when it compiles a calendar stated up front, so a bad calendar is a 400
 * naming the field instead of a failure at the next due-time computation.
 */

/** `["08:00","18:00"]`; an end at or before the start runs past midnight (DOMAIN.md). */
export const IntervalInput = z.tuple([StartTime, LocalTime]);

export const WeekInput = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(IntervalInput).max(12).optional()])) as {
    [K in Weekday]: z.ZodOptional<z.ZodArray<typeof IntervalInput>>;
  },
);

/** One date's working time replaced by exactly these intervals (none: closed that day). */
export const OverrideInput = z.strictObject({ date: CalendarDate, intervals: z.array(IntervalInput).max(12) });

const calendarFields = {
  name: DisplayName,
  timeZone: Calendar.shape.timeZone,
  week: WeekInput,
  overrides: uniqueBy(OverrideInput, (o) => o.date, 'date', 'date').max(1000),
};

/** Holidays are kept with names and managed by the holiday methods (add, remove, import). */
export const CreateCalendarInput = z.strictObject({ ...calendarFields, overrides: calendarFields.overrides.default([]) });
export const UpdateCalendarInput = z.strictObject({ id: Id, ...z.strictObject(calendarFields).partial().shape });

const HolidayName = z.string().trim().min(1).max(100);

export const AddHolidayInput = z.strictObject({ calendarId: Id, date: CalendarDate, name: HolidayName });
export const RemoveHolidayInput = z.strictObject({ calendarId: Id, date: CalendarDate });

const Year = z.number().int().min(1970).max(2100);

/** Public holidays of a country (ISO 3166-1 alpha-2) and optionally one of its regions (e.g. `DE` + `BY`). */
export const ImportHolidaysInput = z.strictObject({
  calendarId: Id,
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as NL'),
  region: z.string().regex(/^[A-Z0-9]{1,3}$/, 'a region code such as BY').optional(),
  years: uniqueBy(Year, (y) => String(y), null, 'year').min(1).max(10),
});

/** All-day events of an iCalendar (.ics) text; recurring ones are expanded over `years` (default: this and next). */
export const ImportIcsInput = z.strictObject({
  calendarId: Id,
  ics: z.string().min(1).max(512 * 1024),
  years: uniqueBy(Year, (y) => String(y), null, 'year').min(1).max(10).optional(),
});

export const HolidayImportResult = z.object({
  calendar: CalendarRecord,
  /** Dates that became holidays, in date order. */
  added: z.array(Holiday),
  /** Dates the source listed that were holidays of this calendar already. */
  skipped: z.array(Holiday),
});

export type CreateCalendarInput = z.input<typeof CreateCalendarInput>;
export type UpdateCalendarInput = z.input<typeof UpdateCalendarInput>;
export type ImportHolidaysInput = z.input<typeof ImportHolidaysInput>;
export type ImportIcsInput = z.input<typeof ImportIcsInput>;
