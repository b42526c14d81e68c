import { AppError } from '../../shared/errors';
import type { Principal } from '../../shared/roles';
import type { WorkOrderDetail } from '../../shared/schemas/work-order.schema';
import type { CoreDeps } from '../rpc/handlers';
import { toContractCandidate } from './assignment-context';
import { dispatchOrder, rankForOrder } from './assignment-flow';
import { changeOrder } from './order-transaction';

export interface AssignRequest {
  id: string;
  version: number;
  technicianId: string;
  dispatch: boolean;
  principal: Principal | null;
  now: number;
  /** `manual` for a dispatcher's pick, `batch` for an applied batch proposal. */
  mode: 'manual' | 'batch';
}

/**
 * Gives an order to a chosen technician, provided the engine finds them eligible now (the refusal names the broken
 * constraint), against the version the caller saw; dispatches too unless asked not to.
 */
export async function assignTechnician(deps: CoreDeps, request: AssignRequest): Promise<WorkOrderDetail> {
  const { id, version, technicianId, principal, now } = request;
  const { result, roster } = await rankForOrder(deps.db, id, now, Number.MAX_SAFE_INTEGER);
  const candidate = result.ranked.find((c) => c.technicianId === technicianId);
  if (!candidate) {
    const why = result.ineligible.find((t) => t.technicianId === technicianId)?.violations.map((v) => v.message).join('; ');
    throw new AppError('validation', why ? `That technician is not eligible: ${why}` : `No technician with id "${technicianId}".`, [
      { path: 'technicianId', message: why ?? 'unknown technician' },
    ]);
  }
  return changeOrder(deps, { id, version, action: 'assign', principal, now }, async (row) => ({
    set: {
      status: 'assigned',
      technician_id: technicianId,
      assignment_json: JSON.stringify({ ...toContractCandidate(candidate, roster.names), proposedAt: now, mode: request.mode }),
    },
    to: 'assigned',
    data: { technicianId, previousTechnicianId: row.technician_id, score: candidate.score, via: request.mode },
    after: request.dispatch ? (trx) => dispatchOrder(trx, id, technicianId, principal, now) : undefined,
  }));
}
