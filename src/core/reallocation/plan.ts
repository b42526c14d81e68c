import { improves, reach, stopAt, type Reach } from './reach';
import { planSwaps } from './swaps';
import type { CurrentPrediction, Plan, PlanInput, PlannedProposal } from './types';
import { currentNote, moveReasons, unresolvedReason } from './wording';

/** Moves and swaps for one at-risk order and metric, ranked; pure, so it is tested without a store. */
export function planReallocation(input: PlanInput): Plan {
  const { config, target, technicians, names } = input;
  const current = predictCurrent(input);
  const reaches = technicians.filter((t) => t.id !== target.technicianId).map((t) => reach(target.order, t, config));
  const eligible = reaches.filter((r): r is Reach => r.eligible);
  const moves = eligible
    .filter((r) => improves(target, current, r))
    .map((r): PlannedProposal => ({
      kind: 'move',
      technicianId: r.technicianId,
      arrivalAt: r.arrivalAt,
      stopAt: stopAt(target.metric, r.arrivalAt, target.order.estimatedMinutes),
      candidate: r.candidate,
      swapOut: null,
      reasons: [current.note, ...moveReasons(target, current, r, names, config.now)],
    }));
  const swaps = planSwaps(input, current, new Set(moves.map((m) => m.technicianId)));
  const proposals = [...moves, ...swaps].sort(compareProposals);
  return { current, proposals, reason: proposals.length > 0 ? null : unresolvedReason(target, eligible, reaches.length, names, config.now) };
}

export function compareProposals(a: PlannedProposal, b: PlannedProposal): number {
  if (a.kind !== b.kind) return a.kind === 'move' ? -1 : 1;
  return a.arrivalAt - b.arrivalAt || a.candidate.score - b.candidate.score || (a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0);
}

function predictCurrent({ config, target, technicians, names }: PlanInput): CurrentPrediction {
  const tech = technicians.find((t) => t.id === target.technicianId);
  if (!target.technicianId || !tech) return { technicianId: target.technicianId, arrivalAt: null, note: currentNote(target, null, names, config.now) };
  const r = reach(target.order, tech, config);
  return { technicianId: tech.id, arrivalAt: r.eligible ? r.arrivalAt : null, note: currentNote(target, r, names, config.now) };
}
