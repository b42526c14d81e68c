import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { ImportHolidaysInput } from '../../../shared/schemas/admin-calendar.schema';
import { HOLIDAY_COUNTRIES, countryOptions, regionOptions } from './holiday-countries';

describe('the holiday import choices', () => {
  it('are exactly what the installed date-holidays knows and the import schema accepts', () => {
    const library = new Holidays();
    const countries = library.getCountries('en');
    expect(HOLIDAY_COUNTRIES.map(([code]) => code)).toEqual(Object.keys(countries).sort());
    for (const [code, , regions] of HOLIDAY_COUNTRIES) {
      const known = Object.keys(library.getStates(code, 'en') ?? {});
      const acceptable = known.filter((r) => ImportHolidaysInput.shape.region.safeParse(r).success).sort();
      expect(Object.keys(regions).sort(), code).toEqual(acceptable);
    }
  });

  it('offer names people recognise', () => {
    expect(countryOptions.find((o) => o.value === 'NL')?.label).toBe('Netherlands (NL)');
    expect(regionOptions('DE').map((o) => o.value)).toContain('BY');
    expect(regionOptions(null)).toEqual([]);
  });
});
