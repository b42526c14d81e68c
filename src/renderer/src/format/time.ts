// Control rooms read the 24-hour clock, whatever the workstation's locale.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatTime = (ms: number): string => timeFormat.format(ms);
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);
export const formatDate = (ms: number): string => dateFormat.format(ms);

/** "<1 min", "12 min", "3 h 05", "2 d 4 h": how long a request has waited, short enough for a table cell. */
export function formatAge(ms: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - ms) / 60_000));
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
