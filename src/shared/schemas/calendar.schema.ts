import { z } from 'zod';
import { LocalDate, LocalTime } from './common';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `["08:00","18:00"]`; an interval whose end is at or before its start runs past midnight (DOMAIN.md). */
export const Interval = z.tuple([LocalTime, LocalTime]);

/** The calendar shape of DOMAIN.md, shared by the store, the SLA engine and the admin forms. */
export const Calendar = z.object({
  timeZone: z.string().min(1).refine(isKnownTimeZone, 'must be an IANA time zone'),
  week: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(Interval).optional()])) as {
    [K in Weekday]: z.ZodOptional<z.ZodArray<typeof Interval>>;
  }),
  holidays: z.array(LocalDate).optional(),
  overrides: z.array(z.object({ date: LocalDate, intervals: z.array(Interval) })).optional(),
});
export type Calendar = z.infer<typeof Calendar>;

// Constructing a formatter is slow (tens of microseconds); zones are few, so each answer is remembered.
const zoneValidity = new Map<string, boolean>();

export function isKnownTimeZone(zone: string): boolean {
  let known = zoneValidity.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (zoneValidity.size < 10_000) zoneValidity.set(zone, known);
  }
  return known;
}
