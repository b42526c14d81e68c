import { z } from 'zod';
import { Id } from '../schemas/common';
import { ScoreTerm, WorkOrderDetail } from '../schemas/work-order.schema';
import { STAFF } from '../roles';
import { defineMethod } from './define';

const Proposal = z.object({
  orderId: Id,
  orderNumber: z.string(),
  /** The version the proposal was computed on: applying it later is refused if the order changed since. */
  version: z.number().int(),
  technicianId: Id,
  technicianName: z.string(),
  score: z.number(),
  terms: z.array(ScoreTerm),
});

export const assignmentMethods = {
  'assignments.proposeBatch': defineMethod({
    summary:
      'Plans all open unassigned or proposed orders jointly (minimum total objective under technician capacities, never worse than one-by-one greedy). ' +
      'Orders already dispatched or further are pinned and only use capacity. Changes nothing: apply the proposals you accept.',
    input: z.strictObject({ orderIds: z.array(Id).max(5000).optional() }),
    output: z.object({
      proposals: z.array(Proposal),
      unassigned: z.array(z.object({ orderId: Id, orderNumber: z.string(), reason: z.string(), excludedBy: z.record(z.string(), z.number()) })),
      pinned: z.number().int(),
      totalCost: z.number(),
      greedyCost: z.number(),
      lowerBound: z.number().nullable(),
      provenOptimal: z.boolean(),
      computedMs: z.number(),
    }),
    roles: STAFF,
    mutates: false,
    http: { method: 'POST', path: '/assignments/propose-batch' },
  }),
  'assignments.applyBatch': defineMethod({
    summary:
      'Applies batch proposals one order at a time against each order’s current version: an order a dispatcher changed meanwhile is reported as a conflict and left as it is.',
    input: z.strictObject({ proposals: z.array(z.strictObject({ orderId: Id, version: z.number().int().positive(), technicianId: Id })).min(1).max(5000) }),
    output: z.object({
      results: z.array(
        z.object({ orderId: Id, outcome: z.enum(['applied', 'conflict', 'refused']), detail: z.string().nullable(), order: WorkOrderDetail.nullable() }),
      ),
      applied: z.number().int(),
    }),
    roles: STAFF,
    mutates: true,
    http: { method: 'POST', path: '/assignments/apply-batch' },
  }),
};
