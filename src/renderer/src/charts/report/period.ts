/**
 * The Reports window's period: a range of whole local days as the date picker holds it (each day's local
 * midnight, first and last day included), and the half-open instant period [from, to) the report is asked for.
 */
export type DayRange = [first: number, last: number];

export const PERIOD_PRESETS = [
  { key: 'last7', label: 'Last 7 days' },
  { key: 'lastMonth', label: 'Last month' },
  { key: 'thisQuarter', label: 'This quarter' },
  { key: 'last12Months', label: 'Last 12 months' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['key'];

/** Local midnight of the day `days` after the day of `at` (calendar arithmetic, so DST days stay whole days). */
function dayStart(at: number, days = 0): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/**
 * The days a preset covers, seen from `now`. "Last 7 days" and "last 12 months" end with today (figures as of
 * now); "last month" is the previous calendar month; "this quarter" runs from the quarter's first day to today.
 */
export function presetRange(preset: PeriodPreset, now: number): DayRange {
  const today = dayStart(now);
  const d = new Date(today);
  switch (preset) {
    case 'last7':
      return [dayStart(today, -6), today];
    case 'lastMonth':
      return [new Date(d.getFullYear(), d.getMonth() - 1, 1).getTime(), new Date(d.getFullYear(), d.getMonth(), 0).getTime()];
    case 'thisQuarter':
      return [new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1).getTime(), today];
    case 'last12Months':
      return [new Date(d.getFullYear() - 1, d.getMonth(), d.getDate() + 1).getTime(), today];
  }
}

/** The preset whose days are exactly `range` (for highlighting its button), if any. */
export function matchingPreset(range: DayRange, now: number): PeriodPreset | null {
  const [first, last] = [dayStart(range[0]), dayStart(range[1])];
  return PERIOD_PRESETS.find(({ key }) => {
    const [a, b] = presetRange(key, now);
    return a === first && b === last;
  })?.key ?? null;
}

/** The instants [from, to): from the first day's midnight to the midnight after the last day. */
export function periodBounds(range: DayRange): { from: number; to: number } {
  return { from: dayStart(range[0]), to: dayStart(range[1], 1) };
}

export function periodQuery(range: DayRange): { from: string; to: string } {
  const { from, to } = periodBounds(range);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The browser's own zone: the report prints its dates in the zone the manager reads them in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
