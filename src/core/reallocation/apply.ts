import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { Candidate } from '../../shared/schemas/work-order.schema';
import { inTransaction } from '../db/transaction';
import type { CoreDeps } from '../rpc/handlers';
import { toContractCandidate } from '../work-orders/assignment-context';
import { dispatchOrder } from '../work-orders/assignment-flow';
import { loadHeldOrders, planFor, type PlanContext, type Planned } from './context';
import { insertCorrectiveAction } from './corrective-actions';
import { assertCurrentVersion, changeOrderIn, readOrderRow, type Change, type OrderRow } from '../work-orders/order-transaction';
import { toProposal } from './proposals';

type ApplyInput = ParsedInput<'reallocation.apply'>;
type ApplyOutput = MethodOutput<'reallocation.apply'>;

interface Handover {
  technicianId: string;
  candidate: Candidate;
  /** `manual` when a dispatcher applied it, `auto` when the automatic mode did (the assignment's mode). */
  mode: 'manual' | 'auto';
  dispatch: boolean;
  principal: Principal | null;
  now: number;
  data: Record<string, unknown>;
}

/** Gives the order to a technician (status `assigned`) and, unless told not to, dispatches it at once. */
function handOver(row: OrderRow, h: Handover): Change {
  return {
    set: { status: 'assigned', technician_id: h.technicianId, assignment_json: JSON.stringify({ ...h.candidate, proposedAt: h.now, mode: h.mode }) },
    to: 'assigned',
    data: { technicianId: h.technicianId, previousTechnicianId: row.technician_id, via: 'reallocation', ...h.data },
    after: h.dispatch ? (trx) => dispatchOrder(trx, row.id, h.technicianId, h.principal, h.now) : undefined,
  };
}

/** A swapped-out order with nobody to take it at once goes back to the queue, where the usual proposal follows. */
function backToQueue(row: OrderRow, data: Record<string, unknown>): Change {
  return { set: { status: 'new', technician_id: null, assignment_json: null }, to: 'new', data: { technicianId: null, previousTechnicianId: row.technician_id, via: 'reallocation', ...data } };
}

function noLongerHolds(input: ApplyInput, planned: Planned): string {
  const subject = `${input.otherOrderId ? 'The swap' : 'The move'} of ${planned.facts.number} to ${input.technicianId}`;
  if ('refusal' in planned) return `${subject} no longer applies: ${planned.refusal}`;
  const now = planned.plan.proposals.find((p) => p.technicianId === input.technicianId);
  const instead = now ? ` It is now a ${now.kind}${now.swapOut ? ` with ${now.swapOut.held.number}` : ''}.` : '';
  return `${subject} no longer brings its ${input.metric} within the SLA. ${planned.plan.current.note}${instead}`;
}

/**
 * Applies one proposal, checked again against the store as it is now, in one transaction: the corrective action,
 * the at-risk order's new technician and, for a swap, the other order's new place. Stale versions are a 409 with
 * the current state; a proposal that no longer holds is a 409 that says why. Nothing is written in either case.
 */
export function applyReallocation(deps: CoreDeps, ctx: PlanContext, input: ApplyInput, principal: Principal | null, now: number, automatic: boolean): Promise<ApplyOutput> {
  return inTransaction(deps.db, deps.bus, async (trx, emit) => {
    assertCurrentVersion(await readOrderRow(trx, input.orderId), input.version);
    if (input.otherOrderId !== undefined) assertCurrentVersion(await readOrderRow(trx, input.otherOrderId), input.otherVersion!);
    // Only the named order is offered to swap out: the swap applied is exactly the one the caller saw.
    const held = input.otherOrderId === undefined ? [] : await loadHeldOrders(trx, ctx, now, [input.otherOrderId]);
    const planned = await planFor(trx, ctx, input.orderId, input.metric, now, held);
    const proposal = 'refusal' in planned ? undefined : planned.plan.proposals.find((p) => p.technicianId === input.technicianId && p.swapOut?.held.orderId === input.otherOrderId);
    if ('refusal' in planned || !proposal) throw new AppError('conflict', noLongerHolds(input, planned));

    const { target, names } = planned;
    const shown = toProposal(planned, proposal, 1);
    const out = proposal.swapOut;
    const correctiveAction = await insertCorrectiveAction(
      trx,
      {
        orderId: target.orderId,
        kind: proposal.kind,
        metric: target.metric,
        reason: proposal.reasons.join(' '),
        fromTechnicianId: target.technicianId,
        toTechnicianId: proposal.technicianId,
        otherOrderId: out?.held.orderId ?? null,
        details: { dueAt: shown.dueAt, currentPredictedArrivalAt: shown.currentPredictedArrivalAt, predictedArrivalAt: shown.predictedArrivalAt, predictedStopAt: shown.predictedStopAt, minutesSaved: shown.minutesSaved, otherOrder: shown.otherOrder },
      },
      principal,
      now,
    );
    const common = { mode: automatic ? ('auto' as const) : ('manual' as const), dispatch: input.dispatch, principal, now };
    const data = { kind: proposal.kind, metric: target.metric, correctiveActionId: correctiveAction.id };
    const order = await changeOrderIn(trx, emit, { id: target.orderId, version: input.version, action: 'assign', principal, now }, async (row) =>
      handOver(row, { ...common, technicianId: proposal.technicianId, candidate: toContractCandidate(proposal.candidate, names), data }),
    );
    const otherOrder = !out
      ? null
      : await changeOrderIn(trx, emit, { id: out.held.orderId, version: input.otherVersion, action: 'assign', principal, now }, async (row) => {
          const why = { ...data, swappedFor: target.orderId };
          return out.toTechnicianId && out.candidate
            ? handOver(row, { ...common, technicianId: out.toTechnicianId, candidate: toContractCandidate(out.candidate, names), data: why })
            : backToQueue(row, why);
        });
    emit('reallocation.applied', { correctiveAction, automatic });
    return { correctiveAction, order, otherOrder };
  });
}
