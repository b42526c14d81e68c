import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { fridayNight, officeHours, splitShift, sundays, twentyFourSeven } from './calendars.fixture';
import { businessSecondsBetween, isBusinessTime } from './index';

/** Business time between two instants, worked out by hand (offsets as in due-time.test.ts). */
const H = 3600;
const between = (calendar: Calendar, from: string, to: string) =>
  businessSecondsBetween(calendar, new Date(from), new Date(to));

const berlin = officeHours('Europe/Berlin');

const cases: [string, Calendar, string, string, number][] = [
  // Mon 09:00 CET … Fri 17:00 CET: five 8 h days.
  ['a working week', berlin, '2024-01-08T08:00:00Z', '2024-01-12T16:00:00Z', 40 * H],
  // Fri 16:00 CET … Mon 10:00 CET: 1 h + 1 h.
  ['across a weekend', berlin, '2024-01-12T15:00:00Z', '2024-01-15T09:00:00Z', 2 * H],
  // Sun 27 Oct from 00:00 CEST (26 Oct 22:00Z) to Mon 00:00 CET (27 Oct 23:00Z): the day has 25 h.
  ['24x7 Berlin fall-back day', twentyFourSeven('Europe/Berlin'), '2024-10-26T22:00:00Z', '2024-10-27T23:00:00Z', 25 * H],
  // Sun 31 Mar from 00:00 CET (30 Mar 23:00Z) to Mon 00:00 CEST (31 Mar 22:00Z): 23 h.
  ['24x7 Berlin spring-forward day', twentyFourSeven('Europe/Berlin'), '2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z', 23 * H],
  // Sun 02:00–03:00 Berlin on 27 Oct happens twice (00:00Z–01:00Z CEST, 01:00Z–02:00Z CET): both count.
  ['repeated hour counted twice', sundays('Europe/Berlin', '02:00', '03:00'), '2024-10-26T12:00:00Z', '2024-10-27T12:00:00Z', 2 * H],
  // Sun 02:00–03:00 Berlin on 31 Mar does not exist: nothing.
  ['skipped hour counts zero', sundays('Europe/Berlin', '02:00', '03:00'), '2024-03-30T12:00:00Z', '2024-03-31T12:00:00Z', 0],
  // New York Sun 3 Nov 00:00 EDT (04:00Z) … Mon 00:00 EST (05:00Z next day): 25 h.
  ['24x7 New York fall-back day', twentyFourSeven('America/New_York'), '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', 25 * H],
  // New York Sun 01:00–02:00 on 3 Nov: 01:00 EDT (05:00Z) … 02:00 EST (07:00Z), the hour twice.
  ['New York repeated 01:00 hour', sundays('America/New_York', '01:00', '02:00'), '2024-11-02T12:00:00Z', '2024-11-03T12:00:00Z', 2 * H],
  // New York Sun 02:00–03:00 on 10 Mar does not exist.
  ['New York skipped 02:00 hour', sundays('America/New_York', '02:00', '03:00'), '2024-03-09T12:00:00Z', '2024-03-10T12:00:00Z', 0],
  // Kolkata Mon 15 Jan 05:30 IST (00:00Z) … 18:00 IST (12:30Z): 09:00–17:00 IST, 8 h.
  ['Kolkata day', officeHours('Asia/Kolkata'), '2024-01-15T00:00:00Z', '2024-01-15T12:30:00Z', 8 * H],
  // Lord Howe local 7 Apr from 00:00 (+11, 6 Apr 13:00Z) to 8 Apr 00:00 (+10:30, 7 Apr 13:30Z): 24.5 h.
  ['24x7 Lord Howe fall-back day (+30 min)', twentyFourSeven('Australia/Lord_Howe'), '2024-04-06T13:00:00Z', '2024-04-07T13:30:00Z', 24.5 * H],
  // Lord Howe local 6 Oct from 00:00 (+10:30, 5 Oct 13:30Z) to 7 Oct 00:00 (+11, 6 Oct 13:00Z): 23.5 h.
  ['24x7 Lord Howe spring-forward day (−30 min)', twentyFourSeven('Australia/Lord_Howe'), '2024-10-05T13:30:00Z', '2024-10-06T13:00:00Z', 23.5 * H],
  // Santiago Sat 6 Apr 23:00–24:00 happens twice (−03: 02:00Z–03:00Z, then −04: 03:00Z–04:00Z).
  ['Santiago repeated hour before midnight', { timeZone: 'America/Santiago', week: { sat: [['23:00', '24:00']] } }, '2024-04-06T12:00:00Z', '2024-04-07T12:00:00Z', 2 * H],
  // Santiago Sun 8 Sep: local midnight to 01:00 does not exist (00:00 −04 → 01:00 −03 at 04:00Z).
  ['Santiago missing midnight hour', sundays('America/Santiago', '00:00', '01:00'), '2024-09-07T12:00:00Z', '2024-09-08T12:00:00Z', 0],
  // Havana Sun 3 Nov 00:00–02:00: 00:00 CDT (04:00Z) … 01:00 CDT → 00:00 CST (05:00Z) … 02:00 CST (07:00Z): 3 h.
  ['Havana repeated midnight hour', sundays('America/Havana', '00:00', '02:00'), '2024-11-02T12:00:00Z', '2024-11-03T12:00:00Z', 3 * H],
  // Split shift Mon 00:00 … Tue 00:00 UTC: 4 h + 4 h.
  ['split shift day', splitShift, '2024-01-08T00:00:00Z', '2024-01-09T00:00:00Z', 8 * H],
  // Overnight Fri 22:00–Sat 06:00 UTC, whole weekend: 8 h; with Saturday a holiday only Fri 22–24: 2 h.
  ['overnight shift', fridayNight(), '2024-01-12T00:00:00Z', '2024-01-14T00:00:00Z', 8 * H],
  ['overnight into a holiday', fridayNight({ holidays: ['2024-01-13'] }), '2024-01-12T00:00:00Z', '2024-01-14T00:00:00Z', 2 * H],
  ['overnight out of a holiday', fridayNight({ holidays: ['2024-01-12'] }), '2024-01-12T00:00:00Z', '2024-01-14T00:00:00Z', 6 * H],
  // Override intervals are same-day only: ["22:00","06:00"] on Sat 13 Jan means 22:00–24:00 (Sat's override
  // replaces Fri's carried 00:00–06:00, so the weekend holds Fri 22–24 and Sat 22–24).
  ['overnight override is cut at midnight', fridayNight({ overrides: [{ date: '2024-01-13', intervals: [['22:00', '06:00']] }] }), '2024-01-12T00:00:00Z', '2024-01-15T00:00:00Z', 4 * H],
  // Milliseconds are floored: [09:00:00.900, 09:00:01.100) is [09:00:00, 09:00:01), one second.
  ['milliseconds floored', twentyFourSeven('UTC'), '2024-01-08T09:00:00.900Z', '2024-01-08T09:00:01.100Z', 1],
  ['same instant', berlin, '2024-01-08T09:00:00Z', '2024-01-08T09:00:00Z', 0],
  // Reverse order gives the negative of the forward result.
  ['reversed order is negative', berlin, '2024-01-15T09:00:00Z', '2024-01-12T15:00:00Z', -2 * H],
  // A whole leap year of 24x7 in Berlin: 366 days exactly (the DST hours cancel out).
  ['24x7 over a year', twentyFourSeven('Europe/Berlin'), '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 366 * 24 * H],
  // Berlin office hours over 2024: 262 weekdays × 8 h (no holidays in this calendar).
  ['office hours over a year', berlin, '2023-12-31T23:00:00Z', '2024-12-31T23:00:00Z', 262 * 8 * H],
];

describe('businessSecondsBetween — hand-checked', () => {
  it.each(cases)('%s', (_name, calendar, from, to, expected) => {
    expect(between(calendar, from, to)).toBe(expected);
  });

  it('gives 0, not -0, for a reversed range without working time', () => {
    expect(Object.is(between(berlin, '2024-01-14T12:00:00Z', '2024-01-13T12:00:00Z'), 0)).toBe(true);
  });

  it('refuses invalid dates with a RangeError', () => {
    expect(() => businessSecondsBetween(berlin, new Date(Number.NaN), new Date())).toThrow(RangeError);
  });
});

describe('isBusinessTime', () => {
  it('treats opening as working and closing as not (half-open intervals)', () => {
    expect(isBusinessTime(berlin, new Date('2024-01-08T08:00:00Z'))).toBe(true); // 09:00 CET
    expect(isBusinessTime(berlin, new Date('2024-01-08T15:59:59Z'))).toBe(true);
    expect(isBusinessTime(berlin, new Date('2024-01-08T16:00:00Z'))).toBe(false); // 17:00 CET
    expect(isBusinessTime(berlin, new Date('2024-01-13T10:00:00Z'))).toBe(false); // Saturday
  });
});
