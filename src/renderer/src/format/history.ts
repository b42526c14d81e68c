import type { WorkOrderEvent } from '@shared/schemas/work-order.schema';

const LABEL: Record<string, string> = {
  created: 'Created',
  assigned: 'Technician proposed',
  no_candidate: 'No eligible technician',
  dispatched: 'Dispatched',
  approve: 'Approved',
  assign: 'Assigned by hand',
  update: 'Edited',
  cancel: 'Cancelled',
  close: 'Closed',
  reopen: 'Reopened',
  accept: 'Accepted',
  reject: 'Rejected',
  en_route: 'En route',
  on_site: 'On site',
  completed: 'Completed',
  hold: 'Put on hold',
  resume: 'Resumed',
  accept_timeout: 'Acceptance timed out',
};

export const eventLabel = (type: string): string => LABEL[type] ?? type.replace(/_/g, ' ');

export type EventTone = 'default' | 'success' | 'info' | 'warning' | 'error';

export function eventTone(type: string): EventTone {
  if (['cancel', 'reject', 'accept_timeout', 'no_candidate'].includes(type)) return 'error';
  if (['hold', 'reopen'].includes(type)) return 'warning';
  if (['accept', 'on_site', 'completed', 'close'].includes(type)) return 'success';
  return 'info';
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The facts worth a line in the history: reasons, who was proposed and with what score, what was edited. */
export function eventDetail(event: WorkOrderEvent): string {
  const d = event.data;
  const parts: string[] = [];
  if (text(d.channel)) parts.push(`via ${d.channel}`);
  if (text(d.policy)) parts.push(`SLA policy ${d.policy}`);
  if (text(d.technicianName)) parts.push(String(d.technicianName));
  if (typeof d.score === 'number') parts.push(`score ${d.score.toFixed(1)}`);
  if (text(d.mode)) parts.push(`${d.mode} mode`);
  if (text(d.reason)) parts.push(`reason: ${String(d.reason).replace(/_/g, ' ')}`);
  if (text(d.heldFor)) parts.push(`was waiting: ${String(d.heldFor).replace(/_/g, ' ')}`);
  if (text(d.note)) parts.push(`note: ${d.note}`);
  if (event.type === 'update') {
    if (text(d.priority)) parts.push(`priority ${d.priority}`);
    if (typeof d.estimatedMinutes === 'number') parts.push(`estimate ${d.estimatedMinutes} min`);
    if (text(d.description)) parts.push('description changed');
  }
  if (Array.isArray(d.compliance) && d.compliance.length) parts.push(`recorded ${d.compliance.join(', ')}`);
  if (typeof d.technicians === 'number') parts.push(`${d.technicians} technicians checked, none eligible`);
  return parts.join(' · ');
}
