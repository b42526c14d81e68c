import type { Priority } from '@shared/schemas/common';
import type { Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderStatus } from '@shared/schemas/work-order.schema';
import type { Role } from '@shared/roles';

export type TagType = 'default' | 'success' | 'info' | 'warning' | 'error';
export type TechnicianStatus = Technician['status'];

interface Look {
  label: string;
  tag: TagType;
  /** For charts and map markers; the same hue as the tag. */
  color: string;
}

export const PRIORITY_LOOK: Record<Priority, Look> = {
  P1: { label: 'P1 Critical', tag: 'error', color: '#d03050' },
  P2: { label: 'P2 High', tag: 'warning', color: '#f0a020' },
  P3: { label: 'P3 Normal', tag: 'info', color: '#2080f0' },
  P4: { label: 'P4 Low', tag: 'default', color: '#8a8f98' },
};

export const TECHNICIAN_STATUS_LOOK: Record<TechnicianStatus, Look> = {
  available: { label: 'Available', tag: 'success', color: '#18a058' },
  busy: { label: 'Busy', tag: 'warning', color: '#f0a020' },
  off_shift: { label: 'Off shift', tag: 'default', color: '#8a8f98' },
  unavailable: { label: 'Unavailable', tag: 'error', color: '#d03050' },
};

export const WORK_ORDER_STATUS_LOOK: Record<WorkOrderStatus, Omit<Look, 'color'>> = {
  new: { label: 'New', tag: 'error' },
  assigned: { label: 'Assigned', tag: 'warning' },
  dispatched: { label: 'Dispatched', tag: 'info' },
  accepted: { label: 'Accepted', tag: 'info' },
  en_route: { label: 'En route', tag: 'info' },
  on_site: { label: 'On site', tag: 'success' },
  on_hold: { label: 'On hold', tag: 'warning' },
  completed: { label: 'Completed', tag: 'success' },
  closed: { label: 'Closed', tag: 'default' },
  cancelled: { label: 'Cancelled', tag: 'default' },
};

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  dispatcher: 'Dispatcher',
  technician: 'Technician',
  display: 'Wall display',
  integration: 'Integration',
};
