import type { Priority } from '@shared/schemas/common';
import type { WorkOrderStatus, WorkOrderSummary } from '@shared/schemas/work-order.schema';

/** The technician filter's value for "no technician yet". */
export const UNASSIGNED = '__unassigned';

export interface QueueFilter {
  statuses: WorkOrderStatus[];
  priorities: Priority[];
  categoryCodes: string[];
  /** A technician id, UNASSIGNED, or null for everyone. */
  technicianId: string | null;
  /** Free text matched against the number, the customer and the site. */
  text: string;
}

export const emptyFilter = (): QueueFilter => ({ statuses: [], priorities: [], categoryCodes: [], technicianId: null, text: '' });

export const isFiltering = (f: QueueFilter): boolean =>
  f.statuses.length > 0 || f.priorities.length > 0 || f.categoryCodes.length > 0 || f.technicianId !== null || f.text.trim() !== '';

/** A predicate for the current filter, built once per filter change rather than once per row. */
export function matcher(f: QueueFilter): (order: WorkOrderSummary) => boolean {
  const statuses = new Set(f.statuses);
  const priorities = new Set(f.priorities);
  const categories = new Set(f.categoryCodes);
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (o) =>
    (statuses.size === 0 || statuses.has(o.status)) &&
    (priorities.size === 0 || priorities.has(o.priority)) &&
    (categories.size === 0 || categories.has(o.categoryCode)) &&
    (f.technicianId === null || (f.technicianId === UNASSIGNED ? o.technicianId === null : o.technicianId === f.technicianId)) &&
    (words.length === 0 || words.every((w) => `${o.number} ${o.customerName} ${o.siteName}`.toLowerCase().includes(w)));
}
