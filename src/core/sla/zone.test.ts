import { describe, expect, it } from 'vitest';
import { Zone } from './zone';

/**
 * Transitions found by sampling and bisecting must be exactly those a plain linear scan of Intl finds: hour by
 * hour, then minute by minute inside an hour whose offset changed (every zone here switches on a whole minute).
 */
function bruteForceTransitions(timeZone: string, from: number, to: number): number[] {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offset = (t: number) => f.format(t).split(', ')[1];
  const out: number[] = [];
  for (let hour = from; hour < to; hour += 3_600_000) {
    if (offset(hour) === offset(hour + 3_600_000)) continue;
    for (let t = hour + 60_000; t <= hour + 3_600_000; t += 60_000) {
      if (offset(t) !== offset(t - 60_000)) out.push(t);
    }
  }
  return out;
}

describe('Zone', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Santiago',
    'America/Havana',
    'Asia/Beirut',
    'Africa/Casablanca',
  ];

  it.each(zones)('finds the 2023–2024 transitions of %s exactly', (timeZone) => {
    const from = Date.UTC(2023, 0, 1);
    const to = Date.UTC(2025, 0, 1);
    const zone = Zone.of(timeZone);
    const found: number[] = [];
    for (let t = zone.nextTransitionAfter(from, to); t < to; t = zone.nextTransitionAfter(t, to)) found.push(t);
    expect(found).toEqual(bruteForceTransitions(timeZone, from, to));
  });

  it('agrees with Intl wall-clock fields in every IANA zone', () => {
    // One 364-day rules block per zone (Oct 2023 – Oct 2024), 12 instants each, compared with local − UTC.
    const blockStart = 54 * 364 * 86_400_000;
    for (const timeZone of Intl.supportedValuesOf('timeZone')) {
      const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      for (let i = 0; i < 12; i++) {
        const t = blockStart + i * 30 * 86_400_000 + i * 3_607_000;
        const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
        const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
        expect([timeZone, Zone.of(timeZone).offsetAt(t)]).toEqual([timeZone, local - t]);
      }
    }
  }, 30_000);

  it('reads offsets with minutes and seconds', () => {
    expect(Zone.of('Asia/Kathmandu').offsetAt(Date.UTC(2024, 5, 1))).toBe((5 * 60 + 45) * 60_000);
    expect(Zone.of('America/St_Johns').offsetAt(Date.UTC(2024, 0, 1))).toBe(-(3 * 60 + 30) * 60_000);
    expect(Zone.of('UTC').offsetAt(Date.UTC(2024, 0, 1))).toBe(0);
    // Local mean time of Kolkata before 1880 was +05:53:28.
    expect(Zone.of('Asia/Kolkata').offsetAt(Date.UTC(1850, 0, 1)) % 60_000).not.toBe(0);
  });

  it('splits a range into constant-offset segments', () => {
    const berlin = Zone.of('Europe/Berlin');
    const lo = Date.UTC(2024, 2, 30);
    const hi = Date.UTC(2024, 3, 1);
    const springForward = Date.UTC(2024, 2, 31, 1);
    expect(berlin.segments(lo, hi)).toEqual([lo, springForward, 3_600_000, springForward, hi, 7_200_000]);
  });
});
