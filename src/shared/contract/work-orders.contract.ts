import { z } from 'zod';
import { EpochMs, Id, PageInput, Priority, page } from '../schemas/common';
import { WorkOrderStatus, WorkOrderSummary } from '../schemas/work-order.schema';
import { VIEWERS } from '../roles';
import { defineMethod } from './define';

/** Comma-separated lists are accepted so the same schema serves JSON bodies and query strings. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const workOrderMethods = {
  'workOrders.list': defineMethod({
    summary: 'Work orders, newest change first, with filters and cursor paging (a technician sees only their own).',
    input: PageInput.extend({
      status: listOf(WorkOrderStatus).optional(),
      priority: listOf(Priority).optional(),
      technicianId: Id.optional(),
      customerId: Id.optional(),
      updatedSince: z.coerce.number().int().nonnegative().pipe(EpochMs).optional(),
    }).strict(),
    output: page(WorkOrderSummary),
    roles: [...VIEWERS, 'technician'],
    scopes: ['work-orders:read'],
    mutates: false,
    http: { method: 'GET', path: '/work-orders' },
  }),
};
