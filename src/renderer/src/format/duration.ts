/**
 * A target in whole hours and minutes ("4 h", "1 h 30 min", "45 min"). Business durations are never shown in
 * days: a business day is a calendar's working hours, not 24 h, so "1 d" would mislead.
 */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds === 0) return '0 min';
  const minutes = Math.round(totalSeconds / 60);
  if (minutes === 0) return `${totalSeconds} s`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const formatBusinessDuration = (totalSeconds: number): string => `${formatDuration(totalSeconds)} business time`;
