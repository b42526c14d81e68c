import { onBeforeUnmount } from 'vue';
import type { EventName } from '@shared/contract';
import { api } from '../api';
import type { RiskData, RiskTopic } from './useRiskData';

/** A burst of events (a reallocation changes two orders, a breach raises an alert) refreshes each topic once. */
export const RISK_DEBOUNCE_MS = 300;
/** Percent elapsed and predicted arrivals move with time, not only with events: re-read this often. */
const TIME_REFRESH_MS = 30_000;

/** What each event can change on the risk screen. */
const EVENT_TOPICS: Partial<Record<EventName, RiskTopic[]>> = {
  'workOrder.changed': ['risk', 'proposals', 'actions'],
  'sla.warning': ['risk', 'proposals', 'alerts'],
  'sla.breached': ['risk', 'proposals', 'alerts'],
  'alert.raised': ['alerts'],
  'alert.updated': ['alerts'],
  'reallocation.applied': ['risk', 'proposals', 'actions'],
};

/**
 * Keeps the risk screen live: each event marks the topics it affects, and the marked topics are re-read once,
 * RISK_DEBOUNCE_MS after the first event of a burst. Loads of one topic never overlap, and a topic marked while it
 * loads is read again afterwards, so what is on screen is never older than the last event. Returns `refresh`
 * for the screen's own actions (apply, acknowledge) to call.
 */
export function useRiskLive(data: RiskData): { refresh: (topics: readonly RiskTopic[]) => Promise<void> } {
  const pending = new Set<RiskTopic>();
  const running = new Map<RiskTopic, Promise<void>>();
  const again = new Set<RiskTopic>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function load(topic: RiskTopic): Promise<void> {
    const current = running.get(topic);
    if (current) {
      again.add(topic);
      return current;
    }
    // A failed refresh keeps the last figures on screen; the next event, tick or reconnection tries again.
    const run = data.loaders[topic]()
      .catch(() => undefined)
      .finally(() => {
        running.delete(topic);
        if (again.delete(topic)) void load(topic);
      });
    running.set(topic, run);
    return run;
  }

  function flush(): void {
    timer = undefined;
    const topics = [...pending];
    pending.clear();
    topics.forEach((t) => void load(t));
  }

  function mark(topics: readonly RiskTopic[]): void {
    topics.forEach((t) => pending.add(t));
    // Not pushed back by later events: a steady stream (a busy centre) still refreshes every RISK_DEBOUNCE_MS.
    timer ??= setTimeout(flush, RISK_DEBOUNCE_MS);
  }

  const stops = Object.entries(EVENT_TOPICS).map(([name, topics]) => api.on(name as EventName, () => mark(topics)));
  const ticker = setInterval(() => mark(['risk', 'proposals', 'alerts']), TIME_REFRESH_MS);

  onBeforeUnmount(() => {
    stops.forEach((stop) => stop());
    clearInterval(ticker);
    clearTimeout(timer);
  });

  return { refresh: async (topics) => void (await Promise.all(topics.map(load))) };
}
