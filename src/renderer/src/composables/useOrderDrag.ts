import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';

/** A private type, so a queue row dropped on a text field pastes nothing and only the roster reacts. */
const ORDER_MIME = 'application/x-dcr-work-order';

export interface DraggedOrder {
  id: string;
  number: string;
  version: number;
}

export function writeOrderDrag(event: DragEvent, order: WorkOrderSummary): void {
  if (!event.dataTransfer) return;
  const payload: DraggedOrder = { id: order.id, number: order.number, version: order.version };
  event.dataTransfer.setData(ORDER_MIME, JSON.stringify(payload));
  event.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag carries a work order (the data itself can only be read on drop). */
export const isOrderDrag = (event: DragEvent): boolean => event.dataTransfer?.types.includes(ORDER_MIME) ?? false;

export function readOrderDrag(event: DragEvent): DraggedOrder | null {
  const raw = event.dataTransfer?.getData(ORDER_MIME);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedOrder>;
    return typeof value.id === 'string' && typeof value.number === 'string' && typeof value.version === 'number'
      ? { id: value.id, number: value.number, version: value.version }
      : null;
  } catch {
    return null;
  }
}
