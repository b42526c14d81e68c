import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../shared/schemas/calendar.schema';
import { compileCalendar } from './calendar-compile';
import { wallIntervalsOfDate } from './working-day';

const HOUR = 3_600_000;
const dn = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const wallHours = (calendar: Calendar, date: string) => wallIntervalsOfDate(compileCalendar(calendar), dn(date)).map((ms) => ms / HOUR);

describe('compileCalendar', () => {
  it('caches per calendar object', () => {
    const calendar: Calendar = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } };
    expect(compileCalendar(calendar)).toBe(compileCalendar(calendar));
    expect(compileCalendar({ ...calendar })).not.toBe(compileCalendar(calendar));
  });

  it('lists every problem in one RangeError', () => {
    const bad = {
      timeZone: 'Mars/Olympus',
      week: { mon: [['9:00', '17:00']] },
      holidays: ['2024-13-01'],
    } as unknown as Calendar;
    expect(() => compileCalendar(bad)).toThrow(RangeError);
    expect(() => compileCalendar(bad)).toThrow(/timeZone.*week\.mon/s);
  });

  it('rejects impossible dates and "24:00" as a start', () => {
    expect(() => compileCalendar({ timeZone: 'UTC', week: {}, holidays: ['2023-02-29'] })).toThrow(/not a calendar date/);
    expect(() => compileCalendar({ timeZone: 'UTC', week: { mon: [['24:00', '06:00']] } })).toThrow(/only as an end/);
  });

  it('accepts every IANA zone Intl knows', () => {
    for (const timeZone of Intl.supportedValuesOf('timeZone')) {
      expect(() => compileCalendar({ timeZone, week: {} })).not.toThrow();
    }
  });
});

describe('working wall time of one local date', () => {
  // 2024-01-12 is a Friday, 01-13 a Saturday, 01-15 a Monday.
  const night: Calendar = { timeZone: 'UTC', week: { fri: [['22:00', '06:00']], sat: [['10:00', '12:00']] } };

  it('puts the after-midnight part of an overnight interval on the next date', () => {
    expect(wallHours(night, '2024-01-12')).toEqual([22, 24]);
    expect(wallHours(night, '2024-01-13')).toEqual([0, 6, 10, 12]);
  });

  it('drops the carried part on a holiday and keeps it after one', () => {
    expect(wallHours({ ...night, holidays: ['2024-01-13'] }, '2024-01-13')).toEqual([]);
    expect(wallHours({ ...night, holidays: ['2024-01-12'] }, '2024-01-13')).toEqual([0, 6, 10, 12]);
  });

  it('uses exactly the override on its date, cut at midnight, united when repeated', () => {
    const withOverrides: Calendar = {
      ...night,
      overrides: [
        { date: '2024-01-13', intervals: [['20:00', '02:00']] },
        { date: '2024-01-13', intervals: [['08:00', '09:00'], ['08:30', '10:00']] },
      ],
    };
    expect(wallHours(withOverrides, '2024-01-13')).toEqual([8, 10, 20, 24]);
    // The override's "02:00" end does not spill into Sunday.
    expect(wallHours(withOverrides, '2024-01-14')).toEqual([]);
  });

  it('lets a holiday win over an override of the same date', () => {
    const both: Calendar = { ...night, holidays: ['2024-01-13'], overrides: [{ date: '2024-01-13', intervals: [['08:00', '09:00']] }] };
    expect(wallHours(both, '2024-01-13')).toEqual([]);
  });

  it('reads ["00:00","00:00"] as the whole day and "24:00" as end of day', () => {
    expect(wallHours({ timeZone: 'UTC', week: { mon: [['00:00', '00:00']] } }, '2024-01-15')).toEqual([0, 24]);
    expect(wallHours({ timeZone: 'UTC', week: { mon: [['00:00', '00:00']] } }, '2024-01-16')).toEqual([]);
    expect(wallHours({ timeZone: 'UTC', week: { mon: [['18:00', '24:00']] } }, '2024-01-16')).toEqual([]);
  });

  it('unites overlapping and touching intervals', () => {
    const messy: Calendar = { timeZone: 'UTC', week: { mon: [['13:00', '17:00'], ['09:00', '13:00'], ['10:00', '11:00']] } };
    expect(wallHours(messy, '2024-01-15')).toEqual([9, 17]);
  });
});
