import table from './holiday-countries.json';

/**
 * The countries and regions the server's holiday library (date-holidays) knows, so the import dialog offers only
 * what `calendars.importHolidays` accepts. The API has no method listing them, so the list ships with the renderer;
 * `holiday-countries.test.ts` fails when the installed library and this list drift apart. Region codes the input
 * schema does not accept (`^[A-Z0-9]{1,3}$`, e.g. the Cook Islands' named islands) are left out.
 * Shape: [code, English name, { regionCode: name }], generated from `new Holidays().getCountries()` and `getStates()`.
 */
export type HolidayCountry = [code: string, name: string, regions: Record<string, string>];

export const HOLIDAY_COUNTRIES = table as HolidayCountry[];

const displayNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

/** The English country name (from the browser where it knows it: "Italy", not the library's "Italia"). */
export function countryName(code: string, fallback: string): string {
  const name = displayNames?.of(code);
  return name && name !== code ? name : fallback;
}

export const countryOptions = HOLIDAY_COUNTRIES.map(([code, name]) => ({ value: code, label: `${countryName(code, name)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label),
);

export function regionOptions(country: string | null): { value: string; label: string }[] {
  const regions = HOLIDAY_COUNTRIES.find(([code]) => code === country)?.[2] ?? {};
  return Object.entries(regions)
    .map(([code, name]) => ({ value: code, label: `${name} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
