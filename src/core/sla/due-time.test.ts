import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { fridayNight, officeHours, splitShift, sundays, twentyFourSeven } from './calendars.fixture';
import { addBusinessSeconds } from './index';

/**
 * Due instants worked out by hand. Offsets in 2024: Berlin CET +1 / CEST +2 (switches 31 Mar and 27 Oct at 01:00Z);
 * New York EST −5 / EDT −4 (10 Mar 07:00Z, 3 Nov 06:00Z); Kolkata +05:30; Lord Howe +11 / +10:30 (7 Apr 02:00
 * local → 01:30, 6 Oct 02:00 → 02:30); Havana −5 / −4 with transitions at local midnight/01:00.
 */
const H = 3600;
const due = (calendar: Calendar, start: string, seconds: number) =>
  addBusinessSeconds(calendar, new Date(start), seconds).toISOString();

const berlin = officeHours('Europe/Berlin', { holidays: ['2024-12-25', '2024-12-26'] });
const newYork = officeHours('America/New_York');

const cases: [string, Calendar, string, number, string][] = [
  // Mon 10:00 CET (09:00Z) + 2 h, all inside the day → 12:00 CET.
  ['inside hours', berlin, '2024-01-08T09:00:00Z', 2 * H, '2024-01-08T11:00:00.000Z'],
  // Mon 08:00 CET, before opening: the clock starts at 09:00 CET (08:00Z) → 10:00 CET.
  ['before opening', berlin, '2024-01-08T07:00:00Z', H, '2024-01-08T09:00:00.000Z'],
  // Fri 18:30 CET, after closing: next opening Mon 15 Jan 09:00 CET (08:00Z) + 1 h.
  ['after closing on Friday', berlin, '2024-01-12T17:30:00Z', H, '2024-01-15T09:00:00.000Z'],
  // Mon 10:00 CET + 7 h = 17:00 CET exactly: due at the close, not at Tuesday's opening.
  ['target ending exactly at close', berlin, '2024-01-08T09:00:00Z', 7 * H, '2024-01-08T16:00:00.000Z'],
  // Target 0 on a Saturday: due at the start itself.
  ['target 0 outside hours', berlin, '2024-01-13T12:00:00Z', 0, '2024-01-13T12:00:00.000Z'],
  ['target 0 inside hours', berlin, '2024-01-08T09:30:00Z', 0, '2024-01-08T09:30:00.000Z'],
  // Start exactly at the opening 09:00 CET; a full 8 h day ends at 17:00 CET.
  ['start exactly at opening', berlin, '2024-01-08T08:00:00Z', 8 * H, '2024-01-08T16:00:00.000Z'],
  // Start exactly at the closing 17:00 CET (not working): 1 s is due Tue 09:00:01 CET.
  ['start exactly at closing', berlin, '2024-01-08T16:00:00Z', 1, '2024-01-09T08:00:01.000Z'],
  // Fri 16:00 CET + 2 h: 1 h on Friday, weekend, 1 h Monday → Mon 10:00 CET.
  ['across a weekend', berlin, '2024-01-12T15:00:00Z', 2 * H, '2024-01-15T09:00:00.000Z'],
  // Tue 24 Dec 16:00 CET + 2 h: 1 h Tuesday, 25 and 26 Dec holidays, Fri 27 Dec 09:00–10:00 CET.
  ['across holidays', berlin, '2024-12-24T15:00:00Z', 2 * H, '2024-12-27T09:00:00.000Z'],
  // Mon 09:00 CET + 5 × 8 h: ends Friday 17:00 CET, not Monday 09:00.
  ['a full week ending at Friday close', berlin, '2024-01-08T08:00:00Z', 40 * H, '2024-01-12T16:00:00.000Z'],
  // Fri 29 Mar 16:00 CET + 2 h: 1 h Friday; spring forward on Sunday; Mon 1 Apr 09:00 CEST = 07:00Z + 1 h.
  ['office hours across spring forward (Berlin)', berlin, '2024-03-29T15:00:00Z', 2 * H, '2024-04-01T08:00:00.000Z'],
  // Fri 25 Oct 16:00 CEST + 2 h: 1 h Friday; fall back on Sunday; Mon 28 Oct 09:00 CET = 08:00Z + 1 h.
  ['office hours across fall back (Berlin)', berlin, '2024-10-25T14:00:00Z', 2 * H, '2024-10-28T09:00:00.000Z'],
  // Fri 8 Mar 16:00 EST (21:00Z) + 2 h: 1 h Friday; Mon 11 Mar 09:00 EDT = 13:00Z + 1 h.
  ['office hours across spring forward (New York)', newYork, '2024-03-08T21:00:00Z', 2 * H, '2024-03-11T14:00:00.000Z'],
  // Fri 1 Nov 16:00 EDT (20:00Z) + 2 h: 1 h Friday; Mon 4 Nov 09:00 EST = 14:00Z + 1 h.
  ['office hours across fall back (New York)', newYork, '2024-11-01T20:00:00Z', 2 * H, '2024-11-04T15:00:00.000Z'],
  // 24x7 Berlin from Sun 27 Oct 00:00 CEST (26 Oct 22:00Z): that local day lasts 25 h, so 25 h end at Mon 00:00 CET.
  ['24x7 Berlin, fall-back day has 25 h', twentyFourSeven('Europe/Berlin'), '2024-10-26T22:00:00Z', 25 * H, '2024-10-27T23:00:00.000Z'],
  // 24x7 Berlin from Sun 31 Mar 00:00 CET (30 Mar 23:00Z): 23 h end at Mon 00:00 CEST (31 Mar 22:00Z).
  ['24x7 Berlin, spring-forward day has 23 h', twentyFourSeven('Europe/Berlin'), '2024-03-30T23:00:00Z', 23 * H, '2024-03-31T22:00:00.000Z'],
  // 24x7 New York from Sun 3 Nov 00:00 EDT (04:00Z) + 25 h = Mon 4 Nov 00:00 EST (05:00Z).
  ['24x7 New York, fall-back day has 25 h', twentyFourSeven('America/New_York'), '2024-11-03T04:00:00Z', 25 * H, '2024-11-04T05:00:00.000Z'],
  // Sun 01:00–04:00 Berlin on 27 Oct: 01:00 CEST = 23:00Z … 04:00 CET = 03:00Z, 4 real hours (02:00–03:00 twice).
  ['01:00–04:00 on fall-back day spans 4 h', sundays('Europe/Berlin', '01:00', '04:00'), '2024-10-26T23:00:00Z', 4 * H, '2024-10-27T03:00:00.000Z'],
  // Same interval: 3.5 h in is 03:30 CET (02:30Z) — the second 02:00–03:00 counted as well.
  ['inside the repeated hour', sundays('Europe/Berlin', '01:00', '04:00'), '2024-10-26T23:00:00Z', 3.5 * H, '2024-10-27T02:30:00.000Z'],
  // On 31 Mar 01:00 CET (00:00Z) … 04:00 CEST (02:00Z) is 2 h; 2 h + 1 s is next Sunday 01:00 CEST (6 Apr 23:00Z) + 1 s.
  ['01:00–04:00 on spring-forward day spans 2 h', sundays('Europe/Berlin', '01:00', '04:00'), '2024-03-31T00:00:00Z', 2 * H + 1, '2024-04-06T23:00:01.000Z'],
  // Interval starting in the gap: 02:30 does not exist on 31 Mar; it starts at 03:00 CEST (01:00Z) → + 1 h.
  ['interval starting in the spring-forward gap', sundays('Europe/Berlin', '02:30', '05:00'), '2024-03-30T12:00:00Z', H, '2024-03-31T02:00:00.000Z'],
  // Sun 00:00–04:00 New York on 3 Nov: 00:00 EDT = 04:00Z … 04:00 EST = 09:00Z is 5 h.
  ['New York 00:00–04:00 on fall-back day is 5 h', sundays('America/New_York', '00:00', '04:00'), '2024-11-03T04:00:00Z', 5 * H, '2024-11-03T09:00:00.000Z'],
  // Sun 00:00–04:00 New York on 10 Mar: 00:00 EST = 05:00Z … 04:00 EDT = 08:00Z is 3 h.
  ['New York 00:00–04:00 on spring-forward day is 3 h', sundays('America/New_York', '00:00', '04:00'), '2024-03-10T05:00:00Z', 3 * H, '2024-03-10T08:00:00.000Z'],
  // Kolkata Mon–Fri 09–17 (+05:30): Fri 12 Jan 16:00 IST (10:30Z) + 2 h → 1 h Friday, Mon 15 Jan 09:00 IST (03:30Z) + 1 h.
  ['Kolkata half-hour offset', officeHours('Asia/Kolkata'), '2024-01-12T10:30:00Z', 2 * H, '2024-01-15T04:30:00.000Z'],
  // Kolkata: starting exactly at 09:00 IST (03:30Z), 8 h end at 17:00 IST (11:30Z).
  ['Kolkata full day', officeHours('Asia/Kolkata'), '2024-01-15T03:30:00Z', 8 * H, '2024-01-15T11:30:00.000Z'],
  // Lord Howe Sun 01:00–03:00 on 7 Apr: 01:00 (+11) = 6 Apr 14:00Z; 02:00 (+11) = 15:00Z → 01:30 (+10:30); 03:00 (+10:30) = 16:30Z: 2.5 h.
  ['Lord Howe 30-minute fall back', sundays('Australia/Lord_Howe', '01:00', '03:00'), '2024-04-06T14:00:00Z', 2.5 * H, '2024-04-06T16:30:00.000Z'],
  // Lord Howe Sun 01:00–03:00 on 6 Oct: 01:00 (+10:30) = 5 Oct 14:30Z; 02:00 → 02:30 at 15:30Z; 03:00 (+11) = 16:00Z: 1.5 h.
  ['Lord Howe 30-minute spring forward', sundays('Australia/Lord_Howe', '01:00', '03:00'), '2024-10-05T14:30:00Z', 1.5 * H, '2024-10-05T16:00:00.000Z'],
  // Havana, Sun 00:00–02:00 on 10 Mar: midnight does not exist (00:00 → 01:00 at 05:00Z); 01:00–02:00 CDT = 05:00Z–06:00Z.
  ['Havana: local midnight missing', sundays('America/Havana', '00:00', '02:00'), '2024-03-09T12:00:00Z', H, '2024-03-10T06:00:00.000Z'],
  // Split shift: Mon 11:00 UTC + 2 h → 1 h before lunch, 13:00 + 1 h.
  ['split shift across lunch', splitShift, '2024-01-08T11:00:00Z', 2 * H, '2024-01-08T14:00:00.000Z'],
  // Split shift: ending exactly at the lunch break is due at 12:00, not 13:00.
  ['split shift ending at lunch', splitShift, '2024-01-08T11:00:00Z', H, '2024-01-08T12:00:00.000Z'],
  // Split shift: starting during lunch waits for 13:00.
  ['split shift starting at lunch', splitShift, '2024-01-08T12:30:00Z', 30 * 60, '2024-01-08T13:30:00.000Z'],
  // Overnight Fri 22:00–Sat 06:00 UTC: Fri 23:00 + 3 h → 1 h Friday, Sat 00:00 + 2 h.
  ['overnight shift', fridayNight(), '2024-01-12T23:00:00Z', 3 * H, '2024-01-13T02:00:00.000Z'],
  // Same, 7 h: 1 h Friday + 6 h Saturday, due exactly at the shift end Sat 06:00.
  ['overnight shift ending at its close', fridayNight(), '2024-01-12T23:00:00Z', 7 * H, '2024-01-13T06:00:00.000Z'],
  // Saturday 13 Jan a holiday: only Fri 22–24 counts (2 h); the 3rd hour is next Friday 19 Jan 22:00–23:00.
  ['overnight into a holiday', fridayNight({ holidays: ['2024-01-13'] }), '2024-01-12T21:00:00Z', 3 * H, '2024-01-19T23:00:00.000Z'],
  // Friday 12 Jan a holiday: Fri 22–24 not worked, but Sat 00–06 is Saturday's own working time → Sat 03:00.
  ['overnight out of a holiday', fridayNight({ holidays: ['2024-01-12'] }), '2024-01-12T21:00:00Z', 3 * H, '2024-01-13T03:00:00.000Z'],
  // Override on Saturday 13 Jan (10:00–12:00) replaces the carried 00:00–06:00: 1 h Friday + Sat 10:00 + 1 h.
  ['override replaces overnight part', fridayNight({ overrides: [{ date: '2024-01-13', intervals: [['10:00', '12:00']] }] }), '2024-01-12T23:00:00Z', 2 * H, '2024-01-13T11:00:00.000Z'],
  // Berlin override Sat 13 Jan 10:00–14:00 CET: Fri 16:30 CET + 1 h → 30 min Friday, Sat 10:00 CET (09:00Z) + 30 min.
  ['override opens a Saturday', officeHours('Europe/Berlin', { overrides: [{ date: '2024-01-13', intervals: [['10:00', '14:00']] }] }), '2024-01-12T15:30:00Z', H, '2024-01-13T09:30:00.000Z'],
  // Berlin override Mon 15 Jan 12:00–13:00 CET only: from Fri close + 2 h → Mon 11:00Z–12:00Z, then Tue 09:00 CET + 1 h.
  ['override shortens a Monday', officeHours('Europe/Berlin', { overrides: [{ date: '2024-01-15', intervals: [['12:00', '13:00']] }] }), '2024-01-12T16:00:00Z', 2 * H, '2024-01-16T09:00:00.000Z'],
  // An override with no intervals closes the date: Mon 15 Jan closed → Tue 16 Jan 09:00 CET + 1 h.
  ['empty override closes a date', officeHours('Europe/Berlin', { overrides: [{ date: '2024-01-15', intervals: [] }] }), '2024-01-12T16:00:00Z', H, '2024-01-16T09:00:00.000Z'],
  // "24:00" end: Mon 20:00–24:00 and Tue 00:00–04:00 UTC are contiguous: Mon 23:00 + 2 h → Tue 01:00.
  ['"24:00" end joins the next day', { timeZone: 'UTC', week: { mon: [['20:00', '24:00']], tue: [['00:00', '04:00']] } }, '2024-01-08T23:00:00Z', 2 * H, '2024-01-09T01:00:00.000Z'],
  // ["00:00","00:00"] on Monday is exactly the 24 h of Monday: 24 h from Mon 00:00 are due Tue 00:00 …
  ['["00:00","00:00"] is 24 h', { timeZone: 'UTC', week: { mon: [['00:00', '00:00']] } }, '2024-01-08T00:00:00Z', 24 * H, '2024-01-09T00:00:00.000Z'],
  // … and one more second waits for the next Monday (nothing carried into Tuesday).
  ['["00:00","00:00"] carries nothing', { timeZone: 'UTC', week: { mon: [['00:00', '00:00']] } }, '2024-01-08T00:00:00Z', 24 * H + 1, '2024-01-15T00:00:01.000Z'],
  // ["09:00","09:00"] on Monday: Mon 09:00 → Tue 09:00, 24 h; + 1 s is next Monday 09:00:01.
  ['["09:00","09:00"] is 24 h overnight', { timeZone: 'UTC', week: { mon: [['09:00', '09:00']] } }, '2024-01-08T09:00:00Z', 24 * H + 1, '2024-01-15T09:00:01.000Z'],
  // 24x7 UTC: due = start + target, across 29 Feb 2024.
  ['24x7 UTC across a leap day', twentyFourSeven('UTC'), '2024-02-28T12:00:00Z', 48 * H, '2024-03-01T12:00:00.000Z'],
  // 24x7 Kathmandu (+05:45, no DST): elapsed time is real time.
  ['24x7 Kathmandu', twentyFourSeven('Asia/Kathmandu'), '2024-06-01T00:07:00Z', 90 * 24 * H, '2024-08-30T00:07:00.000Z'],
  // Milliseconds are dropped: 10:00:00.750 CET counts as 10:00:00 → + 60 s = 10:01:00.000 CET.
  ['start milliseconds floored', berlin, '2024-01-08T09:00:00.750Z', 60, '2024-01-08T09:01:00.000Z'],
  // … except a zero target, which is due at the start itself, milliseconds and all.
  ['target 0 with milliseconds', berlin, '2024-01-13T12:00:00.750Z', 0, '2024-01-13T12:00:00.750Z'],
  // Fractional targets round up to the whole second: 1.2 s → 2 s.
  ['fractional target rounds up', berlin, '2024-01-08T09:00:00Z', 1.2, '2024-01-08T09:00:02.000Z'],
];

describe('addBusinessSeconds — hand-checked due instants', () => {
  it.each(cases)('%s', (_name, calendar, start, seconds, expected) => {
    expect(due(calendar, start, seconds)).toBe(expected);
  });
});

describe('addBusinessSeconds — argument rules', () => {
  it('refuses negative, NaN and infinite targets and invalid dates with a RangeError', () => {
    const start = new Date('2024-01-08T09:00:00Z');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessSeconds(berlin, start, bad)).toThrow(RangeError);
    }
    expect(() => addBusinessSeconds(berlin, new Date('nope'), 1)).toThrow(RangeError);
  });

  it('fails fast on a calendar with no working time at all', () => {
    const none: Calendar = { timeZone: 'UTC', week: {} };
    expect(() => addBusinessSeconds(none, new Date('2024-01-08T00:00:00Z'), 1)).toThrow(/no working time/);
    expect(addBusinessSeconds(none, new Date('2024-01-08T00:00:00Z'), 0).toISOString()).toBe('2024-01-08T00:00:00.000Z');
  });

  it('gives up after 10 years without working time instead of looping', () => {
    // Only one override date in the past: weekly time is empty, so nothing after 2024-01-08 ever works.
    const pastOnly: Calendar = { timeZone: 'Europe/Berlin', week: {}, overrides: [{ date: '2024-01-08', intervals: [['09:00', '10:00']] }] };
    expect(() => addBusinessSeconds(pastOnly, new Date('2024-01-09T00:00:00Z'), 1)).toThrow(RangeError);
    // … but the one hour it has is found.
    expect(due(pastOnly, '2024-01-01T00:00:00Z', 3600)).toBe('2024-01-08T09:00:00.000Z');
  });

  it('handles very sparse calendars with large targets (week jumps)', () => {
    // 15 min each Sunday 10:00 New York: 90 days of business time need 8,640 Sundays.
    const sparse = sundays('America/New_York', '10:00', '10:15');
    const result = addBusinessSeconds(sparse, new Date('2024-01-01T00:00:00Z'), 90 * 24 * H);
    // First Sunday is 7 Jan 2024; the 8,640th is 8,639 weeks later, 2 Aug 2189, and ends 10:15 EDT (14:15Z).
    expect(result.toISOString()).toBe('2189-08-02T14:15:00.000Z');
  });
});
