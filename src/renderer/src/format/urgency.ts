import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';

const dueAt = (order: WorkOrderSummary): number => order.nextDue?.dueAt ?? Number.POSITIVE_INFINITY;

/**
 * Dispatch order: the SLA instant that comes first, then priority, then whoever has waited longest. Orders with
 * no running clock go last.
 */
export function byUrgency(a: WorkOrderSummary, b: WorkOrderSummary): number {
  const due = dueAt(a) - dueAt(b);
  if (due) return due;
  return a.priority.localeCompare(b.priority) || a.receivedAt - b.receivedAt;
}
