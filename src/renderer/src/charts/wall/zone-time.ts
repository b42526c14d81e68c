/** Local time in a named zone (the centre's), whatever zone the wall's own browser runs in. */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset at `t`, in milliseconds (local = UTC + offset). */
export function zoneOffset(zone: string, t: number): number {
  const p = Object.fromEntries(partsFormatter(zone).formatToParts(t).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** The instant of local midnight starting the zone's day that contains `t` (DST days included). */
export function localMidnight(zone: string, t: number): number {
  const wall = Math.floor((t + zoneOffset(zone, t)) / DAY_MS) * DAY_MS;
  return wall - zoneOffset(zone, wall - zoneOffset(zone, wall));
}

/** The browser's own zone, until the centre's is known. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "14:00" */
export const hourLabel = (zone: string, t: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);

/** "Tue 24" */
export const weekdayLabel = (zone: string, t: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric' }).format(t);

/** "24 Nov" */
export const dayLabel = (zone: string, t: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(t);
