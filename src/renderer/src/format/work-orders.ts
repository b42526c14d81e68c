import { OPEN_WORK_ORDER_STATUSES, type WorkOrderStatus, type WorkOrderSummary } from '@shared/schemas/work-order.schema';

export const OPEN_STATUSES: WorkOrderStatus[] = [...OPEN_WORK_ORDER_STATUSES];

export const isOpen = (status: WorkOrderStatus): boolean => OPEN_STATUSES.includes(status);

/** Dispatch order: most urgent first, then whoever has waited longest. */
export function byUrgency(a: WorkOrderSummary, b: WorkOrderSummary): number {
  return a.priority.localeCompare(b.priority) || a.receivedAt - b.receivedAt;
}
