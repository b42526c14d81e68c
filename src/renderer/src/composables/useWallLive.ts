import { onBeforeUnmount, watch, type Ref } from 'vue';
import type { EventName } from '@shared/contract';
import { api } from '../api';
import type { WallPageId } from '../charts/wall/wall-query';
import type { WallData, WallTopic } from './useWallData';

/**
 * The first event after a quiet spell refreshes at once; a burst (a batch assignment, a telemetry upload) then
 * refreshes at most once per this interval, so no event waits longer than this for its figures to be re-read.
 */
export const LIVE_MIN_GAP_MS = 250;
/** GPS fixes arrive every few seconds per technician; they only move predicted arrivals, so they may wait longer. */
const MOVE_MIN_GAP_MS = 3000;
/** Percent elapsed grows with time, not with events: the figures that show it are re-read this often. */
const TIME_REFRESH_MS = 10_000;
/** Slower drifts no event announces: "today" turning over at midnight, shifts starting and ending. */
const SLOW_REFRESH_MS = 60_000;

/** What each event can change on the wall. */
const EVENT_TOPICS: Partial<Record<EventName, WallTopic[]>> = {
  'workOrder.changed': ['risk', 'adherence', 'info', 'people', 'alerts', 'trends', 'heatmap'],
  'sla.warning': ['risk', 'alerts'],
  'sla.breached': ['risk', 'adherence', 'alerts', 'trends', 'heatmap'],
  'alert.raised': ['alerts'],
  'alert.updated': ['alerts'],
  'technician.moved': ['risk'],
  'reference.changed': ['people', 'heatmap'],
};

/** Topics drawn only on one page: refreshed while that page is on screen, otherwise when it comes back. */
const PAGE_OF: Partial<Record<WallTopic, WallPageId>> = { trends: 'trends', heatmap: 'heatmap' };

/**
 * Keeps the wall live: each event marks the topics it affects, and the marked topics are re-read at once, or, in a
 * burst, LIVE_MIN_GAP_MS after the previous re-read (a throttle with a trailing call: never more than one re-read
 * per interval, and none is lost). Loads of one topic never overlap, and a topic marked while it loads is read
 * again afterwards, so the last answer on screen is never older than the last event.
 */
export function useWallLive(data: WallData, page: Ref<WallPageId>): void {
  const pending = new Set<WallTopic>();
  const offPage = new Set<WallTopic>();
  const running = new Map<WallTopic, Promise<void>>();
  const again = new Set<WallTopic>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = Infinity;
  let lastFlush = -Infinity;

  function load(topic: WallTopic): void {
    if (running.has(topic)) {
      again.add(topic);
      return;
    }
    // A failed refresh keeps the last figures on screen; the next event, tick or reconnection tries again.
    const run = data.loaders[topic]()
      .catch(() => undefined)
      .finally(() => {
        running.delete(topic);
        if (again.delete(topic)) load(topic);
      });
    running.set(topic, run);
  }

  function flush(): void {
    timer = undefined;
    due = Infinity;
    lastFlush = Date.now();
    for (const topic of pending) {
      const onlyOn = PAGE_OF[topic];
      if (onlyOn && onlyOn !== page.value) offPage.add(topic);
      else load(topic);
    }
    pending.clear();
  }

  function mark(topics: readonly WallTopic[], minGap: number): void {
    topics.forEach((t) => pending.add(t));
    const now = Date.now();
    const at = Math.max(now, lastFlush + minGap);
    if (at >= due) return;
    clearTimeout(timer);
    due = at;
    timer = setTimeout(flush, at - now);
  }

  const stops = Object.entries(EVENT_TOPICS).map(([name, topics]) =>
    api.on(name as EventName, () => mark(topics, name === 'technician.moved' ? MOVE_MIN_GAP_MS : LIVE_MIN_GAP_MS)),
  );
  const ticker = setInterval(() => mark(['risk', 'alerts'], 0), TIME_REFRESH_MS);
  const slow = setInterval(() => mark(['adherence', 'info', 'people'], 0), SLOW_REFRESH_MS);

  watch(page, (shown) => {
    const stale = [...offPage].filter((t) => PAGE_OF[t] === shown);
    stale.forEach((t) => offPage.delete(t));
    if (stale.length) mark(stale, 0);
  });

  onBeforeUnmount(() => {
    stops.forEach((stop) => stop());
    clearInterval(ticker);
    clearInterval(slow);
    clearTimeout(timer);
  });
}
