import { describe, expect, it } from 'vitest';
import { shadeOf, shadePieces, SHADES } from './map-shading';
import { shiftWindows } from './shift-hours';
import { barLabel } from './timeline.option';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('shift hours on the timeline', () => {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'].map((weekday) => ({ weekday, start: '07:30', end: '16:00' }));

  it("reads the day's shift in the technician's zone (winter: UTC+1)", () => {
    const now = at('2026-11-24T09:30:00Z'); // a Tuesday
    expect(shiftWindows({ shifts: weekdays, timeZone: AMS }, now - 12 * 3_600_000, now + 12 * 3_600_000)).toEqual([
      { start: at('2026-11-24T06:30:00Z'), end: at('2026-11-24T15:00:00Z') },
    ]);
  });

  it('follows daylight saving time (summer: UTC+2) and skips days without a shift', () => {
    const saturday = at('2026-07-11T10:00:00Z');
    expect(shiftWindows({ shifts: weekdays, timeZone: AMS }, saturday - 12 * 3_600_000, saturday + 12 * 3_600_000)).toEqual([]);
    const friday = at('2026-07-10T10:00:00Z');
    expect(shiftWindows({ shifts: weekdays, timeZone: AMS }, friday - 3_600_000, friday + 3_600_000)).toEqual([
      { start: at('2026-07-10T05:30:00Z'), end: at('2026-07-10T14:00:00Z') },
    ]);
  });

  it("runs an overnight shift past midnight, also the one that started last night", () => {
    const nights = [{ weekday: 'Mon', start: '22:00', end: '06:00' }, { weekday: 'Tue', start: '22:00', end: '06:00' }];
    const tuesdayMorning = at('2026-11-24T03:00:00Z');
    expect(shiftWindows({ shifts: nights, timeZone: AMS }, tuesdayMorning - 6 * 3_600_000, tuesdayMorning + 20 * 3_600_000)).toEqual([
      { start: at('2026-11-23T21:00:00Z'), end: at('2026-11-24T05:00:00Z') },
      { start: at('2026-11-24T21:00:00Z'), end: at('2026-11-25T05:00:00Z') },
    ]);
  });
});

describe('timeline bar labels', () => {
  it('shows the full number where it fits, the short one where only that fits, else nothing', () => {
    expect(barLabel('WO-2026-000123', 140)).toBe('WO-2026-000123');
    expect(barLabel('WO-2026-000123', 60)).toBe('#123');
    expect(barLabel('WO-2026-001000', 60)).toBe('#1000');
    expect(barLabel('WO-2026-000123', 20)).toBeNull();
  });
});

describe('map shading key', () => {
  it('keeps round steps whatever the volume, with "none" apart', () => {
    expect(shadePieces(0).map((p) => p.label)).toEqual(['none', '1', '2', '3', '4+']);
    expect(shadePieces(6).map((p) => p.label)).toEqual(['none', '1–2', '3–4', '5–6', '7+']);
    expect(shadePieces(14).map((p) => p.label)).toEqual(['none', '1–5', '6–10', '11–15', '16+']);
    expect(shadePieces(2400).map((p) => p.label)).toEqual(['none', '1–1000', '1001–2000', '2001–3000', '3001+']);
  });

  it('colours a count by its step', () => {
    const pieces = shadePieces(6);
    expect([0, 1, 2, 3, 6, 7, 100].map((n) => shadeOf(n, pieces))).toEqual([SHADES[0], SHADES[1], SHADES[1], SHADES[2], SHADES[3], SHADES[4], SHADES[4]]);
  });
});
