import type { WorkOrderDetail, WorkOrderSummary } from '../../shared/schemas/work-order.schema';

type Target = NonNullable<WorkOrderDetail['sla']>['targets'][number];

/** The next SLA instant that matters: the earliest due time among clocks still running (or already breached). */
export function nextDueOf(targets: readonly Target[]): WorkOrderSummary['nextDue'] {
  let next: WorkOrderSummary['nextDue'] = null;
  for (const t of targets) {
    if ((t.state === 'running' || t.state === 'breached') && t.dueAt !== null && (next === null || t.dueAt < next.dueAt)) {
      next = { metric: t.metric, dueAt: t.dueAt };
    }
  }
  return next;
}

export function toSummary(order: WorkOrderDetail): WorkOrderSummary {
  const { id, number, status, priority, categoryCode, customerName, siteName, regionId, technicianId, receivedAt, updatedAt, updatedBy, version, estimatedMinutes, nextDue } = order;
  const site = { lat: order.site.lat, lon: order.site.lon };
  return { id, number, status, priority, categoryCode, customerName, siteName, regionId, technicianId, receivedAt, updatedAt, updatedBy, version, estimatedMinutes, site, nextDue };
}
