import type { Probe } from './constraints';
import { MINUTE_MS, num, span } from './format';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, ScoreTerms } from './types';

/**
 * The soft objective of DOMAIN.md "Assignment": lower is better, every term is non-negative and in minute-equivalents,
 * and the score is the plain sum of the five weighted terms. Each term has one function used both by the hot loops
 * (`scoreOf`, no allocation) and by the explanation (`explainScore`), so the number shown to a dispatcher is the
 * number the optimiser used.
 *
 * Every term depends only on the order and the technician's state as given — in a batch, the state at its start
 * (see batch.ts) — which is what keeps the batch a linear assignment problem.
 */

/**
 * SLA risk in minutes from the slack s = due − predicted arrival (minutes), with margin M and late multiplier k:
 *   s ≥ M      → 0              (comfortably early: no further reward, so early arrivals do not buy lateness elsewhere)
 *   0 ≤ s < M  → M − s          (eating into the margin costs a minute per minute)
 *   s < 0      → M + k·(−s)     (each late minute costs k times as much)
 * Continuous and convex, so a late minute always costs more than an early minute saves.
 */
export function slaRiskMinutes(slackMinutes: number | null, config: AssignmentConfig): number {
  if (slackMinutes === null) return 0;
  const margin = config.slaMarginMinutes;
  if (slackMinutes >= margin) return 0;
  if (slackMinutes >= 0) return margin - slackMinutes;
  return margin - config.lateMultiplier * slackMinutes;
}

const slackOf = (order: AssignmentOrder, probe: Probe): number | null =>
  order.arrivalDueAt === null ? null : (order.arrivalDueAt - probe.arrivalAt) / MINUTE_MS;

const loadPercentOf = (tech: AssignmentTechnician): number =>
  tech.capacityMinutes > 0 ? (100 * tech.workloadMinutes) / tech.capacityMinutes : 100;

const preferenceOf = (order: AssignmentOrder, tech: AssignmentTechnician): 'none' | 'this' | 'other' =>
  order.preferredTechnicianId === null ? 'none' : order.preferredTechnicianId === tech.id ? 'this' : 'other';

/** The score of an eligible pair whose probe `checkConstraints` just filled. */
export function scoreOf(order: AssignmentOrder, tech: AssignmentTechnician, probe: Probe, config: AssignmentConfig): number {
  const w = config.weights;
  return (
    w.travel * probe.travelMinutes +
    w.slaSlack * slaRiskMinutes(slackOf(order, probe), config) +
    w.workload * loadPercentOf(tech) +
    w.overQualification * probe.excessLevels +
    (preferenceOf(order, tech) === 'other' ? w.preferred : 0)
  );
}

/** The same score with each term's raw value and a sentence a dispatcher can check by hand. */
export function explainScore(
  order: AssignmentOrder,
  tech: AssignmentTechnician,
  probe: Probe,
  config: AssignmentConfig,
): { score: number; terms: ScoreTerms; reasons: string[] } {
  const w = config.weights;
  const plus = (x: number) => `→ +${num(x)}`;

  const travelMinutes = probe.travelMinutes;
  const travelHow = config.travelTime
    ? `${num(travelMinutes)} min from the travel-time provider (${num(probe.distanceKm)} km as the crow flies)`
    : `${num(probe.distanceKm)} km × ${num(config.roadFactor)} / ${num(config.speedKmh)} km/h = ${num(travelMinutes)} min`;
  const travel = w.travel * travelMinutes;

  const slack = slackOf(order, probe);
  const risk = slaRiskMinutes(slack, config);
  const sla = w.slaSlack * risk;
  const wait = probe.departAt > config.now ? `leaves in ${span((probe.departAt - config.now) / MINUTE_MS)}, ` : '';
  let slaHow: string;
  if (slack === null) slaHow = `no arrival target, ${wait}arrives in ${span((probe.arrivalAt - config.now) / MINUTE_MS)}`;
  else if (slack >= config.slaMarginMinutes) slaHow = `${wait}arrives ${span(slack)} before the arrival due, beyond the ${num(config.slaMarginMinutes)} min margin: risk 0`;
  else if (slack >= 0) slaHow = `${wait}arrives ${span(slack)} before the arrival due: risk ${num(config.slaMarginMinutes)} − ${num(slack)} = ${num(risk)} min`;
  else slaHow = `${wait}arrives ${span(-slack)} AFTER the arrival due: risk ${num(config.slaMarginMinutes)} + ${num(config.lateMultiplier)} × ${num(-slack)} = ${num(risk)} min`;

  const loadPercent = loadPercentOf(tech);
  const workload = w.workload * loadPercent;
  const excessLevels = probe.excessLevels;
  const overQualification = w.overQualification * excessLevels;
  const preference = preferenceOf(order, tech);
  const preferred = preference === 'other' ? w.preferred : 0;
  const preferredHow =
    preference === 'none' ? 'the customer has no preferred technician' : preference === 'this' ? "is the customer's preferred technician" : 'the customer prefers another technician';

  const terms: ScoreTerms = {
    travel: { contribution: travel, distanceKm: probe.distanceKm, travelMinutes, explanation: `Travel: ${travelHow}, × ${num(w.travel)} ${plus(travel)}` },
    slaSlack: {
      contribution: sla,
      departAt: probe.departAt,
      predictedArrivalAt: probe.arrivalAt,
      arrivalDueAt: order.arrivalDueAt,
      slackMinutes: slack,
      riskMinutes: risk,
      explanation: `SLA slack: ${slaHow}, × ${num(w.slaSlack)} ${plus(sla)}`,
    },
    workload: {
      contribution: workload,
      workloadMinutes: tech.workloadMinutes,
      capacityMinutes: tech.capacityMinutes,
      loadPercent,
      explanation: `Workload: ${num(tech.workloadMinutes)} of ${num(tech.capacityMinutes)} min booked (${num(loadPercent)} %), × ${num(w.workload)} ${plus(workload)}`,
    },
    overQualification: {
      contribution: overQualification,
      excessLevels,
      explanation: `Over-qualification: ${excessLevels} skill level${excessLevels === 1 ? '' : 's'} above the required minimum, × ${num(w.overQualification)} ${plus(overQualification)}`,
    },
    preferred: { contribution: preferred, preference, explanation: `Preferred technician: ${preferredHow} ${plus(preferred)}` },
  };
  const score = scoreOf(order, tech, probe, config);
  const reasons = [terms.travel, terms.slaSlack, terms.workload, terms.overQualification, terms.preferred].map((t) => t.explanation);
  return { score, terms, reasons };
}
