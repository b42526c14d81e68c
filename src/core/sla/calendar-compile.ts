import { Calendar, WEEKDAYS } from '../../shared/schemas/calendar.schema';
import { DAY_MS, Zone } from './zone';

/**
 * A calendar validated once and turned into numbers: wall-clock intervals in ms since local midnight, dates as
 * day numbers (days since 1970-01-01), plus the caches the calculator fills. Treat the source `Calendar` as
 * immutable: the compiled form is cached by object identity, so an edited calendar must be a new object.
 */
export interface CompiledCalendar {
  readonly timeZone: string;
  readonly zone: Zone;
  /** Working wall intervals of an ordinary date, by weekday (0 = Monday), flat `[a, b, a, b, …]`, merged. */
  readonly regular: readonly (readonly number[])[];
  readonly holidays: ReadonlySet<number>;
  /** Date → its override's wall intervals (same day only), merged. */
  readonly overrides: ReadonlyMap<number, readonly number[]>;
  /** Holidays and override dates, ascending: the only dates whose working time is not the weekly pattern. */
  readonly specialDays: readonly number[];
  /** True when no date can ever have working time (lets the calculator fail fast). */
  readonly neverWorks: boolean;
  /** Per local date: its working UTC intervals. Per UTC day: the working UTC intervals inside it and their sum. */
  readonly dateCache: Map<number, readonly number[]>;
  readonly dayCache: Map<number, DayIntervals>;
}

export interface DayIntervals {
  readonly intervals: readonly number[];
  readonly total: number;
}

const MINUTE_MS = 60_000;
const compiled = new WeakMap<Calendar, CompiledCalendar>();

/**
 * Validates `calendar` (throws RangeError listing every problem) and compiles it; cached per calendar object.
 *
 * Interval rules (DOMAIN.md "SLA clocks"), with the choices the spec leaves open:
 * - weekly `[start, end]` with end > start is `[start, end)` on that day; with end ≤ start it runs past midnight:
 *   `[start, 24:00)` on that day and `[00:00, end)` on the next date. So `["00:00","00:00"]` is exactly 24 h (the
 *   whole day, nothing carried), and `["09:00","09:00"]` is 09:00 to 09:00 next day.
 * - the carried after-midnight part belongs to the next date: it is dropped if that date is a holiday or has an
 *   override, and kept even if the previous date was a holiday (the spec defines working time per date).
 * - an override interval with end ≤ start is cut at midnight (`["22:00","06:00"]` → 22:00–24:00), because an
 *   override only ever defines its own date. Several overrides for one date are united.
 * - `"24:00"` is accepted only as an end; overlapping intervals are united; a holiday beats an override.
 */
export function compileCalendar(calendar: Calendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const result = build(calendar);
  compiled.set(calendar, result);
  return result;
}

function build(input: Calendar): CompiledCalendar {
  const parsed = Calendar.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(calendar)'}: ${i.message}`);
    throw new RangeError(`Invalid calendar: ${issues.join('; ')}`);
  }
  const calendar = parsed.data;
  const problems: string[] = [];

  const sameDay: number[][] = [];
  const carried: number[][] = [];
  WEEKDAYS.forEach((day, w) => {
    sameDay[w] = [];
    carried[w] = [];
    (calendar.week[day] ?? []).forEach(([from, to], i) => {
      const where = `week.${day}.${i}`;
      const a = startOf(from, where, problems);
      const b = minutes(to) * MINUTE_MS;
      if (b > a) sameDay[w].push(a, b);
      else {
        sameDay[w].push(a, DAY_MS);
        carried[w].push(0, b);
      }
    });
  });
  const regular = WEEKDAYS.map((_, w) => merge([...sameDay[w], ...carried[(w + 6) % 7]]));

  const holidays = new Set<number>();
  (calendar.holidays ?? []).forEach((date, i) => {
    const dn = dayNumber(date, `holidays.${i}`, problems);
    if (dn !== undefined) holidays.add(dn);
  });

  const overrideParts = new Map<number, number[]>();
  (calendar.overrides ?? []).forEach((o, i) => {
    const dn = dayNumber(o.date, `overrides.${i}.date`, problems);
    if (dn === undefined) return;
    const parts = overrideParts.get(dn) ?? [];
    o.intervals.forEach(([from, to], j) => {
      const a = startOf(from, `overrides.${i}.intervals.${j}`, problems);
      const b = minutes(to) * MINUTE_MS;
      parts.push(a, b > a ? b : DAY_MS);
    });
    overrideParts.set(dn, parts);
  });
  if (problems.length > 0) throw new RangeError(`Invalid calendar: ${problems.join('; ')}`);

  const overrides = new Map<number, number[]>();
  for (const [dn, parts] of overrideParts) if (!holidays.has(dn)) overrides.set(dn, merge(parts));
  const specialDays = [...new Set([...holidays, ...overrides.keys()])].sort((x, y) => x - y);
  const neverWorks = regular.every((r) => r.length === 0) && [...overrides.values()].every((r) => r.length === 0);

  return {
    timeZone: calendar.timeZone,
    zone: Zone.of(calendar.timeZone),
    regular,
    holidays,
    overrides,
    specialDays,
    neverWorks,
    dateCache: new Map(),
    dayCache: new Map(),
  };
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function startOf(time: string, where: string, problems: string[]): number {
  if (time === '24:00') problems.push(`${where}: "24:00" is allowed only as an end`);
  return minutes(time) * MINUTE_MS;
}

function dayNumber(date: string, where: string, problems: string[]): number | undefined {
  const [y, m, d] = date.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    problems.push(`${where}: "${date}" is not a calendar date`);
    return undefined;
  }
  return ms / DAY_MS;
}

/** Sorts and unites half-open intervals given flat; touching intervals become one. */
export function merge(flat: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > flat[i]) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((p, q) => p[0] - q[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const n = out.length;
    if (n > 0 && a <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], b);
    else out.push(a, b);
  }
  return out;
}
