import type { Kysely } from 'kysely';
import type { MethodOutput } from '../../shared/contract';
import type { ReallocationProposal } from '../../shared/contract/reallocation.contract';
import type { Database } from '../db/schema';
import { atRisk } from '../sla-reports/at-risk';
import { MINUTE_MS } from '../assignment/format';
import { loadHeldOrders, planFor, type PlanContext, type Planned } from './context';
import type { PlannedProposal, ReallocationMetric } from './types';

type Output = MethodOutput<'reallocation.proposals'>;
type Plannable = Extract<Planned, { plan: unknown }>;

/** A planned proposal in the contract's words; `rank` 1 is the best for its order and metric. */
export function toProposal({ facts, target, plan, names }: Plannable, p: PlannedProposal, rank: number): ReallocationProposal {
  const current = plan.current;
  const out = p.swapOut;
  return {
    kind: p.kind,
    rank,
    orderId: facts.id,
    orderNumber: facts.number,
    priority: facts.priority,
    status: facts.status,
    version: facts.version,
    metric: target.metric,
    dueAt: target.dueAt,
    currentTechnicianId: current.technicianId,
    currentTechnicianName: current.technicianId ? (names.get(current.technicianId) ?? current.technicianId) : null,
    currentPredictedArrivalAt: current.arrivalAt,
    technicianId: p.technicianId,
    technicianName: names.get(p.technicianId) ?? p.technicianId,
    predictedArrivalAt: p.arrivalAt,
    predictedStopAt: p.stopAt,
    minutesSaved: current.arrivalAt === null ? null : Math.round(((current.arrivalAt - p.arrivalAt) / MINUTE_MS) * 10) / 10,
    otherOrder: out && {
      orderId: out.held.orderId,
      orderNumber: out.held.number,
      priority: out.held.priority,
      version: out.held.version,
      fromTechnicianId: out.held.technicianId,
      toTechnicianId: out.toTechnicianId,
      toTechnicianName: out.toTechnicianId ? (names.get(out.toTechnicianId) ?? out.toTechnicianId) : null,
      predictedArrivalAt: out.arrivalAt,
      dueAt: out.dueAt,
    },
    reasons: p.reasons,
  };
}

const isReallocatable = (metric: string): metric is ReallocationMetric => metric === 'arrival' || metric === 'resolution';

/**
 * Proposals for every at-risk clock (DOMAIN.md "At risk", computed by the SLA report) that a different technician
 * can help: running arrival and resolution clocks. Each order and metric is planned on its own, as it stands now.
 */
export async function listProposals(db: Kysely<Database>, ctx: PlanContext, now: number, orderId?: string): Promise<Output> {
  const items = (await atRisk(db, ctx.calendars, now, Number.MAX_SAFE_INTEGER)).filter(
    (i) => i.state === 'running' && isReallocatable(i.metric) && (orderId === undefined || i.orderId === orderId),
  );
  const held = items.length > 0 ? await loadHeldOrders(db, ctx, now) : [];
  const result: Output = { now, proposals: [], unresolved: [] };
  for (const item of items) {
    const metric = item.metric as ReallocationMetric;
    const planned = await planFor(db, ctx, item.orderId, metric, now, held);
    if ('refusal' in planned) {
      result.unresolved.push({ orderId: item.orderId, orderNumber: item.number, metric, dueAt: item.dueAt, reason: planned.refusal });
    } else if (planned.plan.proposals.length === 0) {
      const reason = [planned.plan.current.note, planned.plan.reason].filter(Boolean).join(' ');
      result.unresolved.push({ orderId: item.orderId, orderNumber: item.number, metric, dueAt: item.dueAt, reason });
    } else {
      planned.plan.proposals.forEach((p, i) => result.proposals.push(toProposal(planned, p, i + 1)));
    }
  }
  return result;
}
