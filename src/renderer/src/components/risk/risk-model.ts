import type { MethodOutput } from '@shared/contract';
import type { Priority } from '@shared/schemas/common';
import { formatSpan } from '../../format/countdown';

/** The SLA risk screen's model: `sla.atRisk` clocks gathered per order, proposals gathered per order and metric. */

export type AtRiskItem = MethodOutput<'sla.atRisk'>['items'][number];
export type Proposal = MethodOutput<'reallocation.proposals'>['proposals'][number];
export type Unresolved = MethodOutput<'reallocation.proposals'>['unresolved'][number];
type Metric = AtRiskItem['metric'];

const PRIORITY_RANK: Record<Priority, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

export interface RiskClock {
  metric: Metric;
  state: AtRiskItem['state'];
  dueAt: number;
  percentElapsed: number;
  predictedStopAt: number;
}

export interface RiskOrder {
  orderId: string;
  number: string;
  priority: Priority;
  customerName: string;
  technicianId: string | null;
  /** Its at-risk clocks, earliest due first. */
  clocks: RiskClock[];
  /** Every reason given for any of its clocks, once each. */
  reasons: string[];
  /** The earliest due instant among its clocks: the order's urgency. */
  firstDueAt: number;
}

/** Whether a clock is past its due instant as of `now` (a running clock can cross it between two reads). */
export const isOverdue = (clock: { state: string; dueAt: number }, now: number): boolean => clock.state === 'breached' || clock.dueAt <= now;

/** One row per order, most urgent (earliest due) first; ties by priority, then number. */
export function groupAtRisk(items: readonly AtRiskItem[]): RiskOrder[] {
  const byOrder = new Map<string, RiskOrder>();
  for (const item of items) {
    let order = byOrder.get(item.orderId);
    if (!order) {
      order = { orderId: item.orderId, number: item.number, priority: item.priority, customerName: item.customerName, technicianId: item.technicianId, clocks: [], reasons: [], firstDueAt: item.dueAt };
      byOrder.set(item.orderId, order);
    }
    order.clocks.push({ metric: item.metric, state: item.state, dueAt: item.dueAt, percentElapsed: item.percentElapsed, predictedStopAt: item.predictedStopAt });
    for (const reason of item.reasons) if (!order.reasons.includes(reason)) order.reasons.push(reason);
    order.firstDueAt = Math.min(order.firstDueAt, item.dueAt);
  }
  const orders = [...byOrder.values()];
  for (const order of orders) order.clocks.sort((a, b) => a.dueAt - b.dueAt);
  return orders.sort((a, b) => a.firstDueAt - b.firstDueAt || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.number.localeCompare(b.number));
}

/** "response overdue 12 min" / "arrival in 23 min", read against `now` (it ticks). */
export function clockCountdown(clock: { metric: Metric; dueAt: number }, now: number): { text: string; overdue: boolean } {
  const left = clock.dueAt - now;
  if (left <= 0) return { text: `${clock.metric} overdue ${formatSpan(left)}`, overdue: true };
  return { text: `${clock.metric} in ${formatSpan(left)}`, overdue: false };
}

/** "13 min before due" / "2 min 30 s after due": where a predicted instant falls against the due instant. */
export function versusDue(at: number, dueAt: number): { text: string; late: boolean } {
  const delta = dueAt - at;
  return delta >= 0 ? { text: `${formatSpan(delta)} before due`, late: false } : { text: `${formatSpan(delta)} after due`, late: true };
}

export interface ProposalGroup {
  key: string;
  orderId: string;
  orderNumber: string;
  priority: Priority;
  metric: Proposal['metric'];
  dueAt: number;
  currentTechnicianName: string | null;
  currentPredictedArrivalAt: number | null;
  /** Best first (rank 1). */
  options: Proposal[];
}

/** Proposals gathered per order and metric, the most urgent due first; each group's options by rank. */
export function groupProposals(proposals: readonly Proposal[]): ProposalGroup[] {
  const groups = new Map<string, ProposalGroup>();
  for (const p of proposals) {
    const key = `${p.orderId}:${p.metric}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        orderId: p.orderId,
        orderNumber: p.orderNumber,
        priority: p.priority,
        metric: p.metric,
        dueAt: p.dueAt,
        currentTechnicianName: p.currentTechnicianName,
        currentPredictedArrivalAt: p.currentPredictedArrivalAt,
        options: [],
      };
      groups.set(key, group);
    }
    group.options.push(p);
  }
  const list = [...groups.values()];
  for (const group of list) group.options.sort((a, b) => a.rank - b.rank);
  return list.sort((a, b) => a.dueAt - b.dueAt || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]);
}

/** What `reallocation.apply` needs to apply this proposal: the versions it was computed on. */
export function applyInput(p: Proposal) {
  return {
    orderId: p.orderId,
    version: p.version,
    metric: p.metric,
    technicianId: p.technicianId,
    ...(p.otherOrder ? { otherOrderId: p.otherOrder.orderId, otherVersion: p.otherOrder.version } : {}),
  };
}

/** "88 %" for percent elapsed (server figures carry two decimals); "—" when there is no clock. */
export function percentText(percent: number | null): string {
  return percent === null ? '—' : `${Math.floor(percent)} %`;
}

export function percentTone(percent: number | null): 'ok' | 'warn' | 'over' {
  if (percent === null || percent < 75) return 'ok';
  return percent < 100 ? 'warn' : 'over';
}
