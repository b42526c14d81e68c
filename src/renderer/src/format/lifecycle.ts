import { canTransition, type LifecycleAction } from '@shared/lifecycle';
import type { WorkOrderStatus } from '@shared/schemas/work-order.schema';

/** Which order buttons are enabled: the contract's lifecycle table (the server stays the authority, 409 otherwise). */
export const can = (action: LifecycleAction, status: WorkOrderStatus): boolean => canTransition(action, status);
