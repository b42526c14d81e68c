import type { Calendar } from '../../shared/schemas/calendar.schema';
import { compileCalendar } from './calendar-compile';
import { workingInUtcDay } from './working-day';
import { DAY_MS } from './zone';

/**
 * The working intervals of `calendar` that overlap [from, to), clipped to it, as `[start, end)` instants, ascending
 * and merged. Used where a calendar describes availability rather than a clock, e.g. a technician's shifts.
 */
export function workingIntervals(calendar: Calendar, from: number, to: number): [number, number][] {
  const c = compileCalendar(calendar);
  const out: [number, number][] = [];
  for (let k = Math.floor(from / DAY_MS); k * DAY_MS < to; k++) {
    const { intervals } = workingInUtcDay(c, k);
    for (let i = 0; i < intervals.length; i += 2) {
      const start = Math.max(intervals[i]!, from);
      const end = Math.min(intervals[i + 1]!, to);
      if (end <= start) continue;
      const last = out.at(-1);
      if (last && last[1] === start) last[1] = end;
      else out.push([start, end]);
    }
  }
  return out;
}
