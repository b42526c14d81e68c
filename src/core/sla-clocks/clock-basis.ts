import type { Calendar } from '../../shared/schemas/calendar.schema';
import { inZone } from '../sla/in-zone';
import type { ClockDefinition } from './clock-model';
import type { ClockRow } from './clock-store';

/**
 * What a clock is measured on besides its target: the calendar (already in the zone the policy reads it in),
 * the warning thresholds and the on-hold reasons that pause it. Fixed when the order is created and stored with
 * the clock, so editing a calendar or policy later never moves a running clock silently; an SLA repair re-reads
 * the live policy on purpose, audited.
 */
export interface ClockBasis {
  calendar: Calendar;
  thresholds: number[];
  pausingReasons: string[];
}

export interface PolicyBasisFacts {
  zone_mode: string;
  warning_thresholds_json: string;
  pausing_reasons_json: string;
}

/** The basis a policy gives today, for a site in `siteZone`. */
export function liveClockBasis(policy: PolicyBasisFacts, calendar: Calendar, siteZone: string | null): ClockBasis {
  return {
    calendar: policy.zone_mode === 'site' && siteZone ? inZone(calendar, siteZone) : calendar,
    thresholds: JSON.parse(policy.warning_thresholds_json) as number[],
    pausingReasons: JSON.parse(policy.pausing_reasons_json) as string[],
  };
}

const SNAPSHOT_CACHE_LIMIT = 1_000;
const snapshots = new Map<string, ClockBasis>();

/**
 * A stored basis, as the same object for the same text: most clocks share a handful of calendars, and the
 * business-time calculator caches its compiled form per calendar object.
 */
export function storedClockBasis(json: string): ClockBasis {
  let basis = snapshots.get(json);
  if (!basis) {
    if (snapshots.size >= SNAPSHOT_CACHE_LIMIT) snapshots.clear();
    basis = JSON.parse(json) as ClockBasis;
    snapshots.set(json, basis);
  }
  return basis;
}

/** How a clock is measured: its target on its basis, against a maintenance window when the order has one. */
export function clockDefinition(
  row: Pick<ClockRow, 'metric' | 'target_seconds' | 'started_at'>,
  basis: ClockBasis,
  window: { window_start_at: number | null; window_end_at: number | null },
): ClockDefinition {
  // A scheduled maintenance order measures arrival against its window start and resolution against its end.
  const windowed = window.window_start_at !== null && window.window_end_at !== null;
  const scheduled = !windowed ? null : row.metric === 'arrival' ? window.window_start_at : row.metric === 'resolution' ? window.window_end_at : null;
  return {
    metric: row.metric,
    targetSeconds: row.target_seconds,
    calendar: basis.calendar,
    startedAt: row.started_at,
    thresholds: basis.thresholds,
    pausingReasons: basis.pausingReasons,
    scheduledDueAt: scheduled,
  };
}
