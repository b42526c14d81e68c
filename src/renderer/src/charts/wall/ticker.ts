import type { Alert } from '@shared/schemas/alerts.schema';
import { METRIC_LABEL, type Metric } from './bands';
import { percentText } from './risk-rows';

export type LevelTone = 'l1' | 'l2' | 'l3' | 'info';

export interface TickerItem {
  id: string;
  badge: string;
  tone: LevelTone;
  number: string | null;
  metric: string | null;
  /** The clock's percent elapsed as read from the server (alerts carry the figure of the moment they are read). */
  percent: string | null;
  title: string;
  raisedAt: number;
}

/** L1 amber, L2 orange, L3 and above red; an alert outside any protocol (an anomaly) is informational. */
export function levelTone(level: number): LevelTone {
  if (level <= 0) return 'info';
  if (level === 1) return 'l1';
  return level === 2 ? 'l2' : 'l3';
}

/**
 * The ticker's items: open alerts, one per SLA clock (its highest level open: a clock that went L1, L2, L3 shows as
 * L3), newest first (equal instants: the higher level first). Alerts of no clock (anomalies) each stand alone.
 */
export function tickerItems(alerts: readonly Alert[]): TickerItem[] {
  const top = new Map<string, Alert>();
  for (const a of alerts) {
    if (a.acknowledgedAt !== null) continue;
    const key = a.clockId ?? `alert:${a.id}`;
    const known = top.get(key);
    if (!known || a.level > known.level || (a.level === known.level && a.raisedAt > known.raisedAt)) top.set(key, a);
  }
  return [...top.values()]
    .sort((a, b) => b.raisedAt - a.raisedAt || b.level - a.level)
    .map((a) => ({
      id: a.id,
      badge: a.level > 0 ? `L${a.level}` : 'INFO',
      tone: levelTone(a.level),
      number: a.orderNumber,
      metric: a.metric ? METRIC_LABEL[a.metric as Metric] : null,
      percent: a.percentElapsed === null ? null : percentText(a.percentElapsed),
      title: a.title,
      raisedAt: a.raisedAt,
    }));
}

/** How long ago an alert was raised, in the coarse steps a glance needs: "just now", "12 min ago", "3 h ago". */
export function alertAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`;
}
