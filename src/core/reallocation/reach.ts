import { evaluateCandidate, type AssignmentConfig, type AssignmentOrder, type AssignmentTechnician, type Candidate, type Violation } from '../assignment';
import { MINUTE_MS } from '../assignment/format';
import type { CurrentPrediction, ReallocationMetric, Target } from './types';

/** An eligible technician's predicted arrival at an order, with the engine's candidate (score and terms). */
export interface Reach {
  eligible: true;
  technicianId: string;
  arrivalAt: number;
  /** Minutes of other work before leaving (0 when free now). */
  busyMinutes: number;
  travelMinutes: number;
  candidate: Candidate;
}

export type ReachResult = Reach | { eligible: false; technicianId: string; violations: Violation[] };

/**
 * "Predicted arrival: travel time from the current position, after the current work if busy" (issue #4). The
 * technician leaves once the remaining estimated minutes of the orders he holds are done (DOMAIN.md "current
 * workload"), or at the start of his next shift; the assignment engine checks every hard constraint and times
 * the drive, so the prediction and the eligibility can never disagree with what assignment itself would say.
 */
export function reach(order: AssignmentOrder, tech: AssignmentTechnician, config: AssignmentConfig): ReachResult {
  const busyMinutes = tech.workloadMinutes;
  const evaluation = evaluateCandidate(order, { ...tech, availableFrom: config.now + busyMinutes * MINUTE_MS }, config);
  if (!evaluation.eligible) return { eligible: false, technicianId: tech.id, violations: evaluation.violations };
  const { score, terms, reasons } = evaluation;
  return {
    eligible: true,
    technicianId: tech.id,
    arrivalAt: Math.round(terms.slaSlack.predictedArrivalAt),
    busyMinutes,
    travelMinutes: terms.travel.travelMinutes,
    candidate: { technicianId: tech.id, score, terms, reasons },
  };
}

/** When the metric's clock would stop: at the arrival, or after the estimated work for resolution. */
export function stopAt(metric: ReallocationMetric, arrivalAt: number, estimatedMinutes: number): number {
  return metric === 'arrival' ? arrivalAt : arrivalAt + estimatedMinutes * MINUTE_MS;
}

/** A clock stopped at its due instant is met (DOMAIN.md: a target met exactly at 17:00 is due at 17:00). */
export const inTime = (stop: number, dueAt: number): boolean => stop <= dueAt;

/** In time for the metric's due instant, and earlier than the current technician (any arrival beats none). */
export function improves(target: Target, current: CurrentPrediction, r: Reach): boolean {
  return inTime(stopAt(target.metric, r.arrivalAt, target.order.estimatedMinutes), target.dueAt) && (current.arrivalAt === null || r.arrivalAt < current.arrivalAt);
}
