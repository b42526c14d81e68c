import { WEEKDAYS, type Calendar, type Weekday } from '@shared/schemas/calendar.schema';

/** One editable interval: the two "HH:MM" texts as typed (checked by the contract's schema, not by the inputs). */
export interface IntervalRow {
  start: string;
  end: string;
}
export type WeekForm = Record<Weekday, IntervalRow[]>;

export const DAY_NAME: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export const emptyWeek = (): WeekForm => Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WeekForm;

export function toWeekForm(week: Calendar['week']): WeekForm {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, (week[d] ?? []).map(([start, end]) => ({ start, end }))])) as unknown as WeekForm;
}

/** The contract's shape: every weekday listed (an empty list is a closed day), each interval as typed. */
export function toWeekInput(form: WeekForm): Record<Weekday, [string, string][]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, form[d].map((r) => [r.start.trim(), r.end.trim()])])) as Record<Weekday, [string, string][]>;
}

export const PRESETS: { label: string; week: () => WeekForm }[] = [
  { label: 'Mon–Fri 08:00–17:00', week: () => ({ ...emptyWeek(), ...Object.fromEntries(WORKDAYS.map((d) => [d, [{ start: '08:00', end: '17:00' }]])) }) },
  { label: 'Mon–Fri 08:00–18:00', week: () => ({ ...emptyWeek(), ...Object.fromEntries(WORKDAYS.map((d) => [d, [{ start: '08:00', end: '18:00' }]])) }) },
  { label: '24 × 7', week: () => Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])) as unknown as WeekForm },
];

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after midnight of a well-formed "HH:MM", else null (the schema reports the error). */
export function minutesOf(time: string): number | null {
  const m = TIME.exec(time.trim());
  if (!m) return null;
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

/** An interval whose end is at or before its start runs past midnight (DOMAIN.md); "24:00" is midnight itself. */
export function isOvernight(row: IntervalRow): boolean {
  const start = minutesOf(row.start);
  const end = minutesOf(row.end);
  return start !== null && end !== null && end !== 24 * 60 && end <= start;
}

/** Working minutes a weekday's intervals add up to (overnight parts included), for the row's total. */
export function dayMinutes(rows: IntervalRow[]): number {
  let total = 0;
  for (const row of rows) {
    const start = minutesOf(row.start);
    const end = minutesOf(row.end);
    if (start === null || end === null) continue;
    total += isOvernight(row) ? 24 * 60 - start + end : end - start;
  }
  return total;
}
