import type { Calendar } from '../../shared/schemas/calendar.schema';
import type { SlaMetric } from '../../shared/schemas/reference.schema';
import { addBusinessSeconds } from '../sla';
import { inZone } from '../sla/in-zone';

export interface TargetPlan {
  metric: SlaMetric;
  targetSeconds: number;
  startedAt: number;
  dueAt: number;
}

export interface TargetInputs {
  calendar: Calendar;
  /** `site` reads the calendar's hours in the site's zone (one "Mon–Fri 08–18" calendar for several zones). */
  zoneMode: 'calendar' | 'site';
  siteTimeZone: string | null;
  targets: readonly { metric: SlaMetric; targetSeconds: number }[];
  /** The request's receivedAt when the channel gave one, else the intake instant (DOMAIN.md). */
  startedAt: number;
  /** A scheduled maintenance order: arrival is due at the window's start and resolution at its end. */
  window: { start: number; end: number } | null;
}

/** Due instants of every target of the matched policy, in business time on the policy's calendar. */
export function planTargets(input: TargetInputs): TargetPlan[] {
  const calendar = input.zoneMode === 'site' && input.siteTimeZone ? inZone(input.calendar, input.siteTimeZone) : input.calendar;
  return input.targets.map(({ metric, targetSeconds }) => {
    const scheduled = input.window && metric === 'arrival' ? input.window.start : input.window && metric === 'resolution' ? input.window.end : null;
    const dueAt = scheduled ?? addBusinessSeconds(calendar, new Date(input.startedAt), targetSeconds).getTime();
    return { metric, targetSeconds, startedAt: input.startedAt, dueAt };
  });
}
