import { describe, expect, it } from 'vitest';
import { easterSunday, netherlandsHolidays } from '../../../src/core/demo/holidays';

describe('easterSunday', () => {
  it.each([
    [1943, 4, 25], // latest possible date
    [2008, 3, 23],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22], // earliest possible date
  ])('%i falls on %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe('netherlandsHolidays', () => {
  it('lists the 2026 holidays', () => {
    expect(netherlandsHolidays(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-05', name: 'Easter Sunday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-04-27', name: "King's Day" },
      { date: '2026-05-05', name: 'Liberation Day' },
      { date: '2026-05-14', name: 'Ascension Day' },
      { date: '2026-05-24', name: 'Whit Sunday' },
      { date: '2026-05-25', name: 'Whit Monday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Second Day of Christmas' },
    ]);
  });

  it("moves King's Day to 26 April when the 27th is a Sunday", () => {
    expect(netherlandsHolidays(2025).find((h) => h.name === "King's Day")?.date).toBe('2025-04-26');
    expect(netherlandsHolidays(2031).find((h) => h.name === "King's Day")?.date).toBe('2031-04-26');
  });

  it('carries Easter-based dates across month ends', () => {
    // Easter 2038 is 25 April: Ascension falls on 3 June, Whit Monday on 14 June.
    const dates = netherlandsHolidays(2038).map((h) => h.date);
    expect(dates).toContain('2038-06-03');
    expect(dates).toContain('2038-06-14');
  });
});
