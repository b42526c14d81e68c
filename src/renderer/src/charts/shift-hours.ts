import type { Technician } from '@shared/schemas/reference.schema';

export interface ShiftWindow {
  start: number;
  end: number;
}

const DAY = 86_400_000;
/** Monday first, as the calendars' weekdays (`mon`…`sun`); shifts may spell them `Mon` or `monday`. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in `zone`, as if it were UTC (so offsets are simple differences). */
function wallClock(at: number, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** The instant a local date (as a UTC midnight) and "HH:MM" name in `zone`; a time lost to a DST jump moves on. */
function instantOf(localMidnight: number, time: string, zone: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  const wall = localMidnight + (hours! * 60 + minutes!) * 60_000;
  const guess = wall - (wallClock(wall, zone) - wall);
  // Once more at the guess: right on either side of a DST change.
  return wall - (wallClock(guess, zone) - guess);
}

/**
 * A technician's shift hours between `from` and `to`, read in the technician's own zone: each weekday's shifts on
 * the local dates in range, an end at or before the start running past midnight (as calendars do, DOMAIN.md).
 */
export function shiftWindows(technician: Pick<Technician, 'shifts' | 'timeZone'>, from: number, to: number): ShiftWindow[] {
  const zone = technician.timeZone;
  const windows: ShiftWindow[] = [];
  // From the day before, for last night's overnight shift; local dates as UTC midnights.
  const first = Math.floor(wallClock(from, zone) / DAY) * DAY - DAY;
  for (let date = first; date <= wallClock(to, zone); date += DAY) {
    const weekday = WEEKDAYS[(new Date(date).getUTCDay() + 6) % 7]!;
    for (const shift of technician.shifts) {
      if (shift.weekday.toLowerCase().slice(0, 3) !== weekday) continue;
      const start = instantOf(date, shift.start, zone);
      let end = instantOf(date, shift.end, zone);
      if (end <= start) end = instantOf(date + DAY, shift.end, zone);
      if (end > from && start < to) windows.push({ start, end });
    }
  }
  return windows.sort((a, b) => a.start - b.start);
}
