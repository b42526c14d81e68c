import { z } from 'zod';
import { EpochMs, Id, IsoInstant, Priority } from '../schemas/common';
import { WorkOrderDetail, WorkOrderStatus } from '../schemas/work-order.schema';
import { STAFF, VIEWERS } from '../roles';
import { defineMethod } from './define';

/**
 * Reallocation (DOMAIN.md "Reallocation"): moves that bring an at-risk order back within its SLA. Only the arrival
 * and resolution clocks can be helped by a different technician; a response clock stops at the technician's own
 * acceptance, which no move makes earlier.
 */
export const ReallocationMetric = z.enum(['arrival', 'resolution']);

/** The lower-priority order a swap takes from the proposed technician, and where it goes. */
const SwappedOrder = z.object({
  orderId: Id,
  orderNumber: z.string(),
  priority: Priority,
  version: z.number().int(),
  fromTechnicianId: Id,
  /** The at-risk order's current technician; null: back to the queue (status `new`). */
  toTechnicianId: Id.nullable(),
  toTechnicianName: z.string().nullable(),
  /** Its predicted arrival where it goes (in the queue: with the best other technician who keeps it in time). */
  predictedArrivalAt: EpochMs,
  /** Its nearest running arrival or resolution due instant, which the prediction keeps; null when it has none. */
  dueAt: EpochMs.nullable(),
});

export const ReallocationProposal = z.object({
  kind: z.enum(['move', 'swap']),
  /** 1 = the best proposal for this order and metric (moves before swaps, then earliest arrival). */
  rank: z.number().int().positive(),
  orderId: Id,
  orderNumber: z.string(),
  priority: Priority,
  status: WorkOrderStatus,
  /** The version the proposal was computed on; applying it later is refused if the order changed since. */
  version: z.number().int(),
  metric: ReallocationMetric,
  dueAt: EpochMs,
  currentTechnicianId: Id.nullable(),
  currentTechnicianName: z.string().nullable(),
  /** Null when nobody holds the order or its technician cannot take it now (the reasons say why). */
  currentPredictedArrivalAt: EpochMs.nullable(),
  technicianId: Id,
  technicianName: z.string(),
  predictedArrivalAt: EpochMs,
  /** When the metric's clock would stop: the arrival, or the arrival plus the estimated work for resolution. */
  predictedStopAt: EpochMs,
  /** Minutes earlier than the current technician; null when there is no current prediction. */
  minutesSaved: z.number().nullable(),
  otherOrder: SwappedOrder.nullable(),
  reasons: z.array(z.string()),
});
export type ReallocationProposal = z.infer<typeof ReallocationProposal>;

export const CorrectiveAction = z.object({
  id: Id,
  orderId: Id,
  orderNumber: z.string(),
  kind: z.enum(['move', 'swap']),
  metric: ReallocationMetric,
  reason: z.string(),
  fromTechnicianId: Id.nullable(),
  toTechnicianId: Id.nullable(),
  otherOrderId: Id.nullable(),
  appliedAt: EpochMs,
  /** The principal's id (`system` for the automatic mode) and name. */
  appliedBy: z.string(),
  appliedByName: z.string(),
  /** Set when the metric's clock stops: met or missed. */
  outcome: z.enum(['met', 'missed']).nullable(),
  outcomeAt: EpochMs.nullable(),
});
export type CorrectiveAction = z.infer<typeof CorrectiveAction>;

const Period = z.strictObject({ from: IsoInstant, to: IsoInstant });

export const reallocationMethods = {
  'reallocation.proposals': defineMethod({
    summary:
      'Moves and swaps that bring at-risk orders (running arrival or resolution clocks, not yet on site) back within their SLA: ' +
      'an eligible technician who arrives before the due instant and earlier than the current one, or one freed by sending a lower-priority order with more slack elsewhere. Changes nothing.',
    input: z.strictObject({ orderId: Id.optional() }),
    output: z.object({
      now: EpochMs,
      proposals: z.array(ReallocationProposal),
      /** At-risk orders with no proposal, and why. */
      unresolved: z.array(z.object({ orderId: Id, orderNumber: z.string(), metric: ReallocationMetric, dueAt: EpochMs, reason: z.string() })),
    }),
    roles: STAFF,
    mutates: false,
    http: { method: 'GET', path: '/reallocation/proposals' },
  }),
  'reallocation.apply': defineMethod({
    summary:
      'Applies a proposal against the orders’ current versions (409 with the current state when one changed) and records the corrective action; ' +
      'a swap changes both orders in one transaction. The proposal is checked again now and refused if it no longer holds.',
    input: z
      .strictObject({
        orderId: Id,
        version: z.number().int().positive(),
        metric: ReallocationMetric,
        technicianId: Id,
        otherOrderId: Id.optional(),
        otherVersion: z.number().int().positive().optional(),
        dispatch: z.boolean().default(true),
      })
      .refine((i) => (i.otherOrderId === undefined) === (i.otherVersion === undefined), { message: 'a swap names the other order and its version', path: ['otherVersion'] }),
    output: z.object({ correctiveAction: CorrectiveAction, order: WorkOrderDetail, otherOrder: WorkOrderDetail.nullable() }),
    roles: STAFF,
    mutates: true,
    http: { method: 'POST', path: '/reallocation/apply' },
    example: { orderId: 'wo_01J0EXAMPLE', version: 3, metric: 'arrival', technicianId: 'tech_0007' },
  }),
  'correctiveActions.list': defineMethod({
    summary: 'Corrective actions applied in [from, to), oldest first, with their outcome once the clock stopped.',
    input: Period,
    output: z.object({ items: z.array(CorrectiveAction) }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/corrective-actions' },
  }),
  'reallocation.effectiveness': defineMethod({
    summary:
      'Of the corrective actions applied in [from, to): how many met and missed their clock, how many are still pending, and effectiveness = met / (met + missed). ' +
      'Actions whose order was cancelled never get an outcome and are counted apart.',
    input: Period,
    output: z.object({
      from: EpochMs,
      to: EpochMs,
      count: z.number().int(),
      met: z.number().int(),
      missed: z.number().int(),
      pending: z.number().int(),
      cancelled: z.number().int(),
      /** Null when no action has an outcome yet. */
      effectiveness: z.number().nullable(),
    }),
    roles: VIEWERS,
    mutates: false,
    http: { method: 'GET', path: '/reallocation/effectiveness' },
  }),
};
