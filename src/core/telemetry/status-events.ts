import type { MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { TelemetryEvent } from '../../shared/schemas/telemetry.schema';
import type { CallContext, CoreDeps, HandlerMap } from '../rpc/handlers';

export type StatusActions = HandlerMap<'workOrders.accept' | 'workOrders.reject' | 'workOrders.progress' | 'workOrders.hold' | 'workOrders.resume'>;
type Status = Extract<TelemetryEvent, { type: 'status' }>;
type Result = MethodOutput<'telemetry.ingest'>['results'][number];

/**
 * One status event through the order's lifecycle with its own event time: the same actions the technician app
 * uses, so the same rules, history and SLA effects apply. Recorded as received only once it was applied, so a
 * refused event sent again later is tried again.
 */
export async function applyStatusEvent(deps: CoreDeps, actions: StatusActions, e: Status, ctx: CallContext): Promise<Result> {
  const base = { id: e.workOrderId, at: e.at };
  try {
    switch (e.status) {
      case 'accepted':
        await actions['workOrders.accept'](base, ctx);
        break;
      case 'rejected':
        await actions['workOrders.reject']({ ...base, reason: e.reason ?? 'Rejected by the technician' }, ctx);
        break;
      case 'en_route':
      case 'on_site':
      case 'completed':
        await actions['workOrders.progress']({ ...base, status: e.status, compliance: e.compliance }, ctx);
        break;
      case 'on_hold':
        await actions['workOrders.hold']({ ...base, reason: e.reason ?? 'waiting_customer' }, ctx);
        break;
      case 'resumed':
        await actions['workOrders.resume'](base, ctx);
        break;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { eventId: e.eventId, outcome: 'refused', status: error.status, detail: error.message };
  }
  await deps.db
    .insertInto('telemetry_events')
    .values({ event_id: e.eventId, type: 'status', subject_id: e.workOrderId, at: Date.parse(e.at), received_at: ctx.now, sender_id: ctx.principal?.id ?? 'system', lat: null, lon: null, status: e.status })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  return { eventId: e.eventId, outcome: 'applied', status: 200, detail: null };
}
