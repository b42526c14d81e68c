import type { MethodOutput } from '@shared/contract';
import type { Priority } from '@shared/schemas/common';
import type { Metric } from './bands';

export type AtRiskItem = MethodOutput<'sla.atRisk'>['items'][number];

/** One order on the wall's at-risk list: its most urgent clock, and which of its other clocks are at risk too. */
export interface RiskRow {
  orderId: string;
  number: string;
  priority: Priority;
  customerName: string;
  technicianName: string | null;
  metric: Metric;
  dueAt: number;
  /** Of the most urgent clock, as the server computed it when the list was read. */
  percentElapsed: number;
  otherMetrics: Metric[];
}

/**
 * `sla.atRisk` lists clocks, earliest due first; the wall lists orders. Each order keeps its earliest-due clock (a
 * breached clock of an order is always its earliest due), in the server's order.
 */
export function riskRows(items: readonly AtRiskItem[], technicianName: (id: string) => string | undefined): RiskRow[] {
  const rows = new Map<string, RiskRow>();
  for (const item of items) {
    const row = rows.get(item.orderId);
    if (row) {
      if (!row.otherMetrics.includes(item.metric) && row.metric !== item.metric) row.otherMetrics.push(item.metric);
      continue;
    }
    rows.set(item.orderId, {
      orderId: item.orderId,
      number: item.number,
      priority: item.priority,
      customerName: item.customerName,
      technicianName: item.technicianId ? (technicianName(item.technicianId) ?? item.technicianId) : null,
      metric: item.metric,
      dueAt: item.dueAt,
      percentElapsed: item.percentElapsed,
      otherMetrics: [],
    });
  }
  return [...rows.values()];
}

/** Past its due instant at `now`: breached (the list is read at one instant and shown at later ones). */
export const isOverdue = (row: Pick<RiskRow, 'dueAt'>, now: number): boolean => row.dueAt <= now;

/** Orders at risk but not yet breached, and orders breached, at `now`. */
export function riskCounts(rows: readonly RiskRow[], now: number): { atRisk: number; breached: number } {
  const breached = rows.filter((r) => isOverdue(r, now)).length;
  return { atRisk: rows.length - breached, breached };
}

export type CountdownTone = 'overdue' | 'soon' | 'ok';
/** Under this much time left the countdown turns amber. */
export const SOON_MS = 30 * 60_000;

/** A ticking clock face: "4:07", "1:04:07", and past a day "2 d 4 h". */
export function clockFace(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  if (hours >= 24) return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Time left to the due instant, or time since it in red: "12:05 left", "3:40 overdue". */
export function riskCountdown(dueAt: number, now: number): { face: string; word: 'left' | 'overdue'; tone: CountdownTone } {
  const left = dueAt - now;
  if (left <= 0) return { face: clockFace(left), word: 'overdue', tone: 'overdue' };
  return { face: clockFace(left), word: 'left', tone: left < SOON_MS ? 'soon' : 'ok' };
}

export type PercentTone = 'over' | 'warn' | 'ok';
/** The first warning threshold policies use (DOMAIN.md: e.g. 75 %, 90 %). */
export const WARN_PERCENT = 75;

export function percentTone(percent: number): PercentTone {
  if (percent >= 100) return 'over';
  return percent >= WARN_PERCENT ? 'warn' : 'ok';
}

/** "87 %"; the bar is capped at full. */
export const percentText = (percent: number): string => `${Math.round(percent)} %`;
export const percentBar = (percent: number): number => Math.max(0, Math.min(100, percent));

/** The list's geometry (AtRiskRow is 52 px high, rows 6 px apart; the "+ N more" line is 40 px). */
export const ROW_HEIGHT = 52;
export const ROW_GAP = 6;
export const MORE_HEIGHT = 40;

/** How many of `count` rows a list body `height` px high shows without scrolling, keeping room for "+ N more". */
export function rowsThatFit(height: number, count: number): number {
  const slots = (room: number) => Math.max(0, Math.floor((room + ROW_GAP) / (ROW_HEIGHT + ROW_GAP)));
  const all = slots(height);
  return count <= all ? count : Math.max(1, slots(height - MORE_HEIGHT - ROW_GAP));
}
