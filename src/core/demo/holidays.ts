export interface Holiday {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  name: string;
}

const iso = (year: number, month: number, day: number): string => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
};

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher); month is 1-based. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/**
 * Netherlands national holidays on which businesses close. Good Friday is left out: it is not a general day
 * off in the Netherlands, and a dispatch centre's business-hours calendar keeps running on it. Liberation Day is
 * listed every year, as most public-sector contracts observe it.
 */
export function netherlandsHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => iso(year, easter.month, easter.day + days);
  // King's Day moves to the 26th when the 27th is a Sunday.
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
  return [
    { date: iso(year, 1, 1), name: "New Year's Day" },
    { date: fromEaster(0), name: 'Easter Sunday' },
    { date: fromEaster(1), name: 'Easter Monday' },
    { date: iso(year, 4, kingsDay), name: "King's Day" },
    { date: iso(year, 5, 5), name: 'Liberation Day' },
    { date: fromEaster(39), name: 'Ascension Day' },
    { date: fromEaster(49), name: 'Whit Sunday' },
    { date: fromEaster(50), name: 'Whit Monday' },
    { date: iso(year, 12, 25), name: 'Christmas Day' },
    { date: iso(year, 12, 26), name: 'Second Day of Christmas' },
  ];
}
