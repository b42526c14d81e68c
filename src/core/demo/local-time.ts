import type { Weekday } from '../db/schema';

/** Wall-clock reading of an instant in a zone: what a technician's watch shows. */
export interface LocalReading {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** `HH:MM`, 00:00..23:59. */
  time: string;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function readLocal(at: number, zone: string): LocalReading {
  const parts = Object.fromEntries(formatter(zone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: parts.weekday!.toLowerCase().slice(0, 3) as Weekday,
    time: `${parts.hour}:${parts.minute}`,
    second: Number(parts.second),
  };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(at: number, zone: string): number {
  const l = readLocal(at, zone);
  const [hour, minute] = l.time.split(':').map(Number);
  const wall = Date.UTC(l.year, l.month - 1, l.day, hour, minute, l.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant of local midnight starting the day `addDays` after the local date of `at`. */
export function localMidnight(at: number, zone: string, addDays = 0): number {
  const l = readLocal(at, zone);
  const wall = Date.UTC(l.year, l.month - 1, l.day + addDays);
  // The offset at midnight may differ from the offset at `at` (a DST change in between): correct once.
  const guess = wall - offsetAt(wall, zone);
  return wall - offsetAt(guess, zone);
}
