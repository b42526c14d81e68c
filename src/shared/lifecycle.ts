import { AppError } from './errors';
import type { WorkOrderStatus } from './schemas/work-order.schema';

/**
 * The lifecycle of DOMAIN.md as data: for each action, the states it may start from. Anything else is refused
 * with a message naming both, so a dispatcher or an integration sees exactly why.
 */
export const TRANSITIONS = {
  approve: { from: ['assigned'], to: 'dispatched' },
  assign: { from: ['new', 'assigned', 'dispatched', 'accepted'], to: 'assigned' },
  update: { from: ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'], to: null },
  cancel: { from: ['new', 'assigned', 'dispatched', 'accepted', 'en_route', 'on_site', 'on_hold'], to: 'cancelled' },
  close: { from: ['completed'], to: 'closed' },
  reopen: { from: ['completed'], to: 'new' },
  accept: { from: ['dispatched'], to: 'accepted' },
  reject: { from: ['dispatched', 'accepted'], to: 'new' },
  en_route: { from: ['accepted'], to: 'en_route' },
  on_site: { from: ['accepted', 'en_route'], to: 'on_site' },
  completed: { from: ['on_site'], to: 'completed' },
  hold: { from: ['accepted', 'en_route', 'on_site'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: null },
  accept_timeout: { from: ['dispatched'], to: 'new' },
} as const satisfies Record<string, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus | null }>;

export type LifecycleAction = keyof typeof TRANSITIONS;

/** Whether `action` may start from `status` (the renderer enables its buttons by it; the server decides). */
export function canTransition(action: LifecycleAction, status: WorkOrderStatus): boolean {
  return (TRANSITIONS[action].from as readonly WorkOrderStatus[]).includes(status);
}

export function assertTransition(action: LifecycleAction, status: WorkOrderStatus): void {
  const allowed: readonly WorkOrderStatus[] = TRANSITIONS[action].from;
  if (!allowed.includes(status)) {
    throw new AppError(
      'conflict',
      `Cannot ${action.replace('_', ' ')} an order that is ${status.replace('_', ' ')}; allowed from: ${allowed.join(', ')}.`,
      [{ path: 'status', message: `is ${status}` }],
    );
  }
}
