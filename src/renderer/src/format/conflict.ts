import { WorkOrderStatus } from '@shared/schemas/work-order.schema';
import { WORK_ORDER_STATUS_LOOK } from './labels';
import { formatTime } from './time';

/** The shape `problem.current` has on a stale-version 409 (see the contract's versioned actions). */
interface CurrentState {
  status: string;
  updatedBy: string;
  updatedAt: number;
}

function isCurrentState(value: unknown): value is CurrentState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'string' && typeof v.updatedBy === 'string' && typeof v.updatedAt === 'number';
}

/**
 * "WO-2026-000123 was changed by Dana at 10:42 — now Dispatched", or null when the 409 was not about a stale
 * version (e.g. a transition the order's state does not allow).
 */
export function conflictNotice(number: string, current: unknown): string | null {
  if (!isCurrentState(current)) return null;
  const status = WorkOrderStatus.safeParse(current.status);
  const label = status.success ? WORK_ORDER_STATUS_LOOK[status.data].label : current.status;
  return `${number} was changed by ${current.updatedBy} at ${formatTime(current.updatedAt)} — now ${label}`;
}
