import { z } from 'zod';
import { EpochMs, Id, Priority } from './common';

export const WORK_ORDER_STATUSES = [
  'new',
  'assigned',
  'dispatched',
  'accepted',
  'en_route',
  'on_site',
  'on_hold',
  'completed',
  'closed',
  'cancelled',
] as const;
export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

/** The row shape of the dispatch queue; the full order with history is a separate method. */
export const WorkOrderSummary = z.object({
  id: Id,
  number: z.string(),
  status: WorkOrderStatus,
  priority: Priority,
  categoryCode: z.string(),
  customerName: z.string(),
  siteName: z.string(),
  regionId: z.string().nullable(),
  technicianId: z.string().nullable(),
  receivedAt: EpochMs,
  updatedAt: EpochMs,
  version: z.number().int(),
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;
