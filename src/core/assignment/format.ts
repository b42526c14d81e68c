/** Number and duration wording shared by violations and explanations, so every sentence reads the same way. */

/** At most one decimal, no trailing ".0": 19.5, 10, 0.3. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A span of minutes for people: "40.5 min", "2 h 05 min", "3 d 4 h". */
export function span(minutes: number): string {
  if (Math.abs(minutes) < 59.95) return `${num(Math.abs(minutes))} min`;
  const m = Math.round(Math.abs(minutes));
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

export const MINUTE_MS = 60_000;
