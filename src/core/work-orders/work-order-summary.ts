import type { WorkOrderDetail, WorkOrderSummary } from '../../shared/schemas/work-order.schema';

export function toSummary(order: WorkOrderDetail): WorkOrderSummary {
  const { id, number, status, priority, categoryCode, customerName, siteName, regionId, technicianId, receivedAt, updatedAt, version } = order;
  return { id, number, status, priority, categoryCode, customerName, siteName, regionId, technicianId, receivedAt, updatedAt, version };
}
