/** Labels of instants in a named zone (the centre's), whatever zone the wall's own browser runs in. */
/** The browser's own zone, until the centre's is known. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "14:00" */
export const hourLabel = (zone: string, t: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);

/** "Tue 24" */
export const weekdayLabel = (zone: string, t: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric' }).format(t);

/** "24 Nov" */
export const dayLabel = (zone: string, t: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(t);
