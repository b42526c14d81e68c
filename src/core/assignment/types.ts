import type { GeoPoint, Priority } from '../../shared/schemas/common';

/**
 * Plain inputs of the assignment engine. Nothing here knows about the store: the caller resolves calendars to instants
 * and sums workloads, so the engine stays a pure function of its arguments (and tests need no database).
 * Instants are epoch milliseconds UTC; an interval `[start, end)` includes its start and excludes its end.
 */
export type Interval = readonly [start: number, end: number];

export interface RequiredSkill {
  skillCode: string;
  /** 1..5 */
  minLevel: number;
}

export interface AssignmentOrder {
  id: string;
  priority: Priority;
  location: GeoPoint;
  requiredSkills: readonly RequiredSkill[];
  estimatedMinutes: number;
  vehicleCapabilities: readonly string[];
  /** The SLA `arrival` due instant, or null when the order has no arrival target. */
  arrivalDueAt: number | null;
  preferredTechnicianId: string | null;
  /** Technicians who must not get this order again, e.g. those who rejected it. */
  excludedTechnicianIds: readonly string[];
  /**
   * Set when the order is dispatched or further along: a batch never moves it, and its minutes count against this
   * technician's capacity in that batch. Single-order ranking ignores it.
   */
  pinnedTechnicianId?: string | null;
}

export type TechnicianStatus = 'available' | 'busy' | 'off_shift' | 'unavailable';
export type VehicleStatus = 'in_service' | 'maintenance' | 'out_of_service';

export interface TechnicianSkill {
  skillCode: string;
  level: number;
  /** Certification valid until this instant (still valid at it); null when the skill needs no certificate. */
  certifiedUntil: number | null;
}

export interface AssignmentTechnician {
  id: string;
  status: TechnicianStatus;
  /** Last known position (or home base when none is known). */
  position: GeoPoint;
  skills: readonly TechnicianSkill[];
  vehicle: { status: VehicleStatus; capabilities: readonly string[] } | null;
  /** Shift intervals around `now` (today and possibly tomorrow), already resolved from the shift calendar. */
  shifts: readonly Interval[];
  timeOff: readonly Interval[];
  capacityMinutes: number;
  /**
   * Remaining estimated minutes of this technician's orders that are NOT passed to the batch (assigned, dispatched,
   * accepted, en route, on site). An order passed to `assignBatch` must not also be counted here: a pinned one adds
   * its minutes itself, a movable one is re-decided.
   */
  workloadMinutes: number;
  activeOrders: number;
  /** When the technician can leave for a new site, e.g. the expected end of the current on-site job; default now. */
  availableFrom?: number | null;
}

/** Travel minutes between two points; lets the caller plug in a road-network provider instead of the estimate. */
export type TravelTimeProvider = (from: GeoPoint, to: GeoPoint) => number;

export interface AssignmentWeights {
  /** Per travel minute. */
  travel: number;
  /** Per minute of SLA risk (see `slaRiskMinutes`). */
  slaSlack: number;
  /** Per percent of the technician's daily capacity already booked. */
  workload: number;
  /** Per skill level above the required minimum, summed over the required skills. */
  overQualification: number;
  /** Charged when the customer prefers another technician. */
  preferred: number;
}

export interface AssignmentConfig {
  weights: AssignmentWeights;
  /** Road distance ÷ great-circle distance. */
  roadFactor: number;
  speedKmh: number;
  travelTime?: TravelTimeProvider;
  /** Arriving this many minutes or more before the due instant carries no SLA risk. */
  slaMarginMinutes: number;
  /** A late minute costs this many times a minute of eaten margin. */
  lateMultiplier: number;
  /** What leaving an order unassigned costs in a batch, on top of its costliest eligible assignment. */
  unassignedPenalty: Record<Priority, number>;
  now: number;
}

export type ConstraintCode =
  | 'status'
  | 'excluded'
  | 'skill'
  | 'certification'
  | 'shift'
  | 'time_off'
  | 'vehicle'
  | 'capacity';

export interface Violation {
  constraint: ConstraintCode;
  message: string;
}

export interface ScoreTerms {
  travel: { contribution: number; distanceKm: number; travelMinutes: number; explanation: string };
  slaSlack: {
    contribution: number;
    departAt: number;
    predictedArrivalAt: number;
    arrivalDueAt: number | null;
    /** Minutes between predicted arrival and due (negative = late); null without an arrival target. */
    slackMinutes: number | null;
    riskMinutes: number;
    explanation: string;
  };
  workload: { contribution: number; workloadMinutes: number; capacityMinutes: number; loadPercent: number; explanation: string };
  overQualification: { contribution: number; excessLevels: number; explanation: string };
  preferred: { contribution: number; preference: 'none' | 'this' | 'other'; explanation: string };
}

export interface Candidate {
  technicianId: string;
  score: number;
  terms: ScoreTerms;
  reasons: string[];
}

export type CandidateEvaluation =
  | ({ eligible: true } & Omit<Candidate, 'technicianId'>)
  | { eligible: false; violations: Violation[] };

export interface IneligibleTechnician {
  technicianId: string;
  violations: Violation[];
}

export interface RankResult {
  ranked: Candidate[];
  ineligible: IneligibleTechnician[];
}

export interface BatchAssignment extends Candidate {
  orderId: string;
}

/** A pinned order, left where it is. */
export interface KeptAssignment {
  orderId: string;
  technicianId: string;
}

export interface UnassignedOrder {
  orderId: string;
  cause: 'no_eligible_technician' | 'capacity';
  /** A sentence for the dispatcher. */
  reason: string;
  eligibleTechnicians: number;
  /** How many technicians each constraint excluded (a technician failing two constraints counts under both). */
  excludedBy: Partial<Record<ConstraintCode, number>>;
  /** What leaving it unassigned adds to the total. */
  penalty: number;
}

export interface BatchResult {
  assignments: BatchAssignment[];
  kept: KeptAssignment[];
  unassigned: UnassignedOrder[];
  /** Σ scores of the assignments + Σ penalties of the unassigned orders; pinned orders are not in it. */
  totalCost: number;
  /** No assignment of these orders costs less (equal to totalCost when proven optimal); null when not computed. */
  lowerBound: number | null;
  provenOptimal: boolean;
  /** The one-by-one urgency-order baseline's total, which totalCost never exceeds. */
  greedyCost: number;
}
