import type { World } from './world';

/** One audit entry a call must append: which entity, what happened, and whether the state before / after is kept. */
export interface Entry {
  action: string;
  entityType: string;
  entityId: string;
  before: boolean;
  after: boolean;
}

/** A sample call of one mutating method and the audit entries it must append (one per changed entity). */
export interface AuditCase {
  /** Brings the centre to where the call makes sense; what it records in the audit log is not counted. */
  prepare?: (w: World) => Promise<any>;
  input: (w: World, prepared: any) => unknown;
  /** The token to call with; the admin token when absent. */
  token?: (w: World, prepared: any) => string;
  /** Exactly the entries the call must append, in order. */
  entries: (result: any, w: World, prepared: any) => Entry[];
  /** Remembers what later cases need (e.g. the id of what was created). */
  keep?: (result: any, w: World) => void;
}

export const created = (action: string, entityType: string, entityId: string): Entry => ({ action, entityType, entityId, before: false, after: true });
export const changed = (action: string, entityType: string, entityId: string): Entry => ({ action, entityType, entityId, before: true, after: true });
export const deleted = (action: string, entityType: string, entityId: string): Entry => ({ action, entityType, entityId, before: true, after: false });
/** An order's change: one entry for the order, with its status and version before and after. */
export const orderChange = (action: string, orderId: string): Entry => changed(`workOrder.${action}`, 'work_order', orderId);
