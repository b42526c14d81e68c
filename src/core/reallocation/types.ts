import type { Priority } from '../../shared/schemas/common';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, Candidate } from '../assignment';

/** The clocks a different technician can bring forward; a response clock stops at the technician's own acceptance. */
export type ReallocationMetric = 'arrival' | 'resolution';

/** The at-risk order and the clock a reallocation should save. */
export interface Target {
  orderId: string;
  number: string;
  priority: Priority;
  metric: ReallocationMetric;
  dueAt: number;
  technicianId: string | null;
  /** The order as the assignment engine sees it. */
  order: AssignmentOrder;
}

/** A lower-priority order, not yet on site, that another technician holds: what a swap could take from him. */
export interface HeldOrder {
  orderId: string;
  number: string;
  priority: Priority;
  version: number;
  technicianId: string;
  order: AssignmentOrder;
  /** Its running arrival and resolution due instants: a swap must keep every one of them. */
  dues: { metric: ReallocationMetric; dueAt: number }[];
}

export interface PlanInput {
  config: AssignmentConfig;
  target: Target;
  /** The roster with the target's own minutes left out of its technician's workload (it is being re-decided). */
  technicians: readonly AssignmentTechnician[];
  names: ReadonlyMap<string, string>;
  held: readonly HeldOrder[];
}

/** Where a swap sends the lower-priority order: to the target's current technician, or back to the queue. */
export interface SwapOut {
  held: HeldOrder;
  /** Null: back to the queue. */
  toTechnicianId: string | null;
  /** Whose predicted arrival the swap is judged by: the receiving technician, or for the queue the best other one. */
  byTechnicianId: string;
  arrivalAt: number;
  /** The held order's nearest running due instant; null when it has no arrival or resolution clock running. */
  dueAt: number | null;
  /** The engine's candidate for the receiving technician (null for the queue). */
  candidate: Candidate | null;
}

export interface PlannedProposal {
  kind: 'move' | 'swap';
  technicianId: string;
  arrivalAt: number;
  stopAt: number;
  candidate: Candidate;
  swapOut: SwapOut | null;
  reasons: string[];
}

export interface CurrentPrediction {
  technicianId: string | null;
  /** Null when nobody holds the order or its technician is not eligible for it now. */
  arrivalAt: number | null;
  note: string;
}

export interface Plan {
  current: CurrentPrediction;
  /** Best first: moves before swaps (a swap disturbs a second customer), then earliest arrival, score, id. */
  proposals: PlannedProposal[];
  /** Why there is no proposal, when there is none. */
  reason: string | null;
}

