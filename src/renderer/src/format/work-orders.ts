import { OPEN_WORK_ORDER_STATUSES, type WorkOrderStatus, type WorkOrderSummary } from '@shared/schemas/work-order.schema';

export const OPEN_STATUSES: WorkOrderStatus[] = [...OPEN_WORK_ORDER_STATUSES];

export const isOpen = (status: WorkOrderStatus): boolean => OPEN_STATUSES.includes(status);

/** Orders a technician is working on or travelling to, most advanced first: the first is their current order. */
export const FIELD_STATUSES: WorkOrderStatus[] = ['on_site', 'en_route', 'on_hold', 'accepted'];

/** Orders that count against a technician's workload (DOMAIN.md: assigned through on site, plus on hold). */
export const hasTechnicianWork = (order: WorkOrderSummary): boolean => order.technicianId !== null && isOpen(order.status);
