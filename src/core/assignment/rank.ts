import { checkConstraints, newProbe } from './constraints';
import { explainScore, scoreOf } from './objective';
import type { AssignmentConfig, AssignmentOrder, AssignmentTechnician, Candidate, CandidateEvaluation, RankResult, Violation } from './types';

/** One order against one technician: the score with every term explained, or every violated hard constraint. */
export function evaluateCandidate(order: AssignmentOrder, tech: AssignmentTechnician, config: AssignmentConfig): CandidateEvaluation {
  const probe = newProbe();
  const violations: Violation[] = [];
  if (!checkConstraints(order, tech, config, probe, violations)) return { eligible: false, violations };
  return { eligible: true, ...explainScore(order, tech, probe, config) };
}

/**
 * The `limit` best candidates for one order (ties broken by technician id so the list is stable), and why every other
 * technician is out. The scan keeps only scores and indices in a small sorted buffer and words explanations for the
 * winners alone, which keeps 2,000 technicians well inside a millisecond budget.
 */
export function rankCandidates(
  order: AssignmentOrder,
  technicians: readonly AssignmentTechnician[],
  config: AssignmentConfig,
  limit = 5,
): RankResult {
  const keep = Math.max(0, Math.floor(limit));
  const probe = newProbe();
  const topScore: number[] = [];
  const topIndex: number[] = [];
  const ineligible: RankResult['ineligible'] = [];
  // One sink reused for every technician: eligible ones (the ones that matter) allocate nothing at all.
  const sink: Violation[] = [];
  for (let i = 0; i < technicians.length; i++) {
    const tech = technicians[i]!;
    sink.length = 0;
    if (!checkConstraints(order, tech, config, probe, sink)) {
      ineligible.push({ technicianId: tech.id, violations: sink.slice() });
      continue;
    }
    if (keep === 0) continue;
    const score = scoreOf(order, tech, probe, config);
    if (topScore.length === keep && !better(score, tech.id, topScore[keep - 1]!, technicians[topIndex[keep - 1]!]!.id)) continue;
    let at = topScore.length < keep ? topScore.length : keep - 1;
    while (at > 0 && better(score, tech.id, topScore[at - 1]!, technicians[topIndex[at - 1]!]!.id)) {
      topScore[at] = topScore[at - 1]!;
      topIndex[at] = topIndex[at - 1]!;
      at--;
    }
    topScore[at] = score;
    topIndex[at] = i;
  }
  const ranked: Candidate[] = topIndex.map((i) => {
    const tech = technicians[i]!;
    checkConstraints(order, tech, config, probe, null);
    return { technicianId: tech.id, ...explainScore(order, tech, probe, config) };
  });
  return { ranked, ineligible };
}

const better = (score: number, id: string, otherScore: number, otherId: string): boolean =>
  score < otherScore || (score === otherScore && id < otherId);
