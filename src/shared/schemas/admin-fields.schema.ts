import { z } from 'zod';
import { Id, LocalDate, LocalTime } from './common';

/**
 * Field rules shared by the administration inputs (the admin API and the renderer's admin forms validate with the
 * same schemas, so a form shows exactly the message the server would return).
 */

export const IdInput = z.strictObject({ id: Id });

export const DisplayName = z.string().trim().min(1).max(100);

/** Category codes as integrations send them: `HVAC-FAIL`, `LEAK`. */
export const CategoryCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'upper-case letters, digits, dash and underscore, e.g. HVAC-FAIL');

/** Skill and vehicle capability codes: `fire-safety`, `refrigerant`. */
export const LowerCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dash and underscore, e.g. fire-safety');

/** Keys of compliance fields and diagnostic parameters, stored in work orders: `water_shut_off`. */
export const FieldKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscore, starting with a letter');

export const SkillLevel = z.number().int().min(1, 'levels run from 1 to 5').max(5, 'levels run from 1 to 5');

/** A `YYYY-MM-DD` that exists on the calendar (no 2027-02-30). */
export const CalendarDate = LocalDate.refine((date) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}, 'not a date on the calendar');

/** A wall-clock start: `"24:00"` is allowed only as an end (DOMAIN.md). */
export const StartTime = LocalTime.refine((time) => time !== '24:00', '"24:00" is allowed only as an end');

/**
 * An array whose elements must differ in `key`; a repeat is reported on the repeated element's field, so a form
 * can mark the exact row.
 */
export function uniqueBy<T extends z.ZodType>(element: T, key: (item: z.output<T>) => string, field: string | null, what: string) {
  return z.array(element).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = key(item);
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: field ? [i, field] : [i], message: `${what} "${value}" is listed twice` });
      seen.add(value);
    });
  });
}
