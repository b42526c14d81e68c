/** Local time in a named zone (a centre's, a technician's), whatever zone this process or browser runs in. */
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

/**
 * The instant of local midnight starting the zone's day that contains `t`, or the day `addDays` after it. The
 * offset at that midnight may differ from the one at `t` (a DST change in between), so it is read there.
 */
export function localMidnight(zone: string, t: number, addDays = 0): number {
  const wall = (Math.floor((t + zoneOffset(zone, t)) / DAY_MS) + addDays) * DAY_MS;
  return wall - zoneOffset(zone, wall - zoneOffset(zone, wall));
}
