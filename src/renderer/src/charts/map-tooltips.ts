import type { Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { countdown } from '../format/countdown';
import { PRIORITY_LOOK, TECHNICIAN_STATUS_LOOK, WORK_ORDER_STATUS_LOOK } from '../format/labels';
import { formatTime } from '../format/time';
import { escapeHtml } from './escape-html';

/** What the map's tooltips look up besides the point itself. */
export interface MapLookups {
  regionName: Map<string, string>;
  categoryName: (code: string) => string;
  technicianName: (id: string) => string;
  /** The order a technician is working on or heading to, if any. */
  currentOrder: (technicianId: string) => WorkOrderSummary | null;
  /** Read when the tooltip opens, so an SLA countdown is never stale. */
  now: () => number;
}

const TONE_COLOR = { overdue: '#c81e1e', soon: '#b45309', ok: '#1f6f3f' } as const;
const muted = (text: string) => `<span style="color:#6b7785">${text}</span>`;

export function orderTip(o: WorkOrderSummary, look: MapLookups): string {
  const due = o.nextDue ? countdown(o.nextDue, look.now()) : null;
  const who = o.technicianId ? ` · ${escapeHtml(look.technicianName(o.technicianId))}` : ' · unassigned';
  return [
    `<strong>${escapeHtml(o.number)}</strong> · <span style="color:${PRIORITY_LOOK[o.priority].color}">${PRIORITY_LOOK[o.priority].label}</span>`,
    `${escapeHtml(o.customerName)} ${muted(`· ${escapeHtml(o.siteName)}`)}`,
    `${escapeHtml(look.categoryName(o.categoryCode))} · ${WORK_ORDER_STATUS_LOOK[o.status].label}${who}`,
    due ? `<strong style="color:${TONE_COLOR[due.tone]}">SLA ${escapeHtml(due.text)}</strong>` : muted('No SLA clock running'),
    muted('Click to open'),
  ].join('<br>');
}

export function technicianTip(t: Technician, look: MapLookups): string {
  const where = t.position ? `Position reported ${formatTime(t.position.at)}` : 'At home base (no position reported yet)';
  const region = t.regionId ? (look.regionName.get(t.regionId) ?? t.regionId) : 'No region';
  const current = look.currentOrder(t.id);
  return [
    `<strong>${escapeHtml(t.name)}</strong> · <span style="color:${TECHNICIAN_STATUS_LOOK[t.status].color}">${TECHNICIAN_STATUS_LOOK[t.status].label}</span>`,
    `${escapeHtml(t.team)} · ${escapeHtml(region)}`,
    current ? `${escapeHtml(current.number)} · ${WORK_ORDER_STATUS_LOOK[current.status].label}` : muted('No order under way'),
    muted(where),
  ].join('<br>');
}

export function regionTip(name: string, open: number): string {
  return `<strong>${escapeHtml(name)}</strong><br>${open === 1 ? '1 open work order' : `${open} open work orders`}`;
}
