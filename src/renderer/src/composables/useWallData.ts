import { computed, shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import type { Alert } from '@shared/schemas/alerts.schema';
import type { Technician } from '@shared/schemas/reference.schema';
import { api } from '../api';
import type { BreachHeatmap } from '../charts/wall/heatmap';
import { riskRows } from '../charts/wall/risk-rows';
import type { TrendRange, Trends } from '../charts/wall/trends';
import { localMidnight } from '@shared/zone-time';
import { browserZone } from '../charts/wall/zone-time';

export type WallTopic = 'adherence' | 'risk' | 'info' | 'people' | 'alerts' | 'trends' | 'heatmap';
export const TREND_RANGES: readonly TrendRange[] = ['24h', '7d', '30d'];
/** The heatmap covers the last seven local days: recent enough to act on, long enough to show a pattern. */
export const HEATMAP_RANGE = '7d';
/** `sla.atRisk`'s largest page: the KPI tiles count every order at risk, not only the ones that fit on screen. */
const AT_RISK_LIMIT = 2000;
const ALERT_LIMIT = 50;

export interface TodayAdherence {
  from: number;
  to: number;
  results: MethodOutput<'sla.adherence'>['results'];
}

/**
 * Everything the wall shows, loaded per topic so an event refreshes only what it can have changed. The centre's
 * zone (from `sla.trends`) decides where "today" starts; until it is known, the browser's own zone does.
 */
export function useWallData() {
  const zone = shallowRef(browserZone());
  let zoneKnown = false;
  const today = shallowRef<TodayAdherence | null>(null);
  const atRisk = shallowRef<MethodOutput<'sla.atRisk'> | null>(null);
  const info = shallowRef<MethodOutput<'system.info'> | null>(null);
  const technicians = shallowRef<Technician[]>([]);
  /** Null until read; a server without the alerts API leaves it null and the ticker says so. */
  const alerts = shallowRef<Alert[] | null>(null);
  const alertsFailed = shallowRef(false);
  const trends = shallowRef<Partial<Record<TrendRange, Trends>>>({});
  const heatmap = shallowRef<BreachHeatmap | null>(null);

  function learnZone(timeZone: string): void {
    zoneKnown = true;
    zone.value = timeZone;
  }

  async function ensureZone(): Promise<void> {
    if (zoneKnown) return;
    try {
      learnZone((await api.call('sla.trends', { range: '24h', metric: 'response' })).timeZone);
    } catch {
      // Without the trends API the wall's own zone stands in for the centre's.
    }
  }

  /** Per topic, the number of the latest read: an answer that overtook a newer read is dropped. */
  const reads = new Map<WallTopic, number>();
  function latest<T>(topic: WallTopic, read: () => Promise<T>, apply: (value: T) => void): () => Promise<void> {
    return async () => {
      const mine = (reads.get(topic) ?? 0) + 1;
      reads.set(topic, mine);
      const value = await read();
      if (reads.get(topic) === mine) apply(value);
    };
  }

  const loaders: Record<WallTopic, () => Promise<void>> = {
    adherence: latest(
      'adherence',
      async () => {
        await ensureZone();
        const now = Date.now();
        const from = localMidnight(zone.value, now);
        return api.call('sla.adherence', { from: new Date(from).toISOString(), to: new Date(now).toISOString() });
      },
      (result) => (today.value = { from: result.from, to: result.to, results: result.results }),
    ),
    risk: latest('risk', () => api.call('sla.atRisk', { limit: AT_RISK_LIMIT }), (result) => (atRisk.value = result)),
    info: latest('info', () => api.call('system.info', {}), (result) => (info.value = result)),
    people: latest('people', () => api.call('technicians.list', {}), (result) => (technicians.value = result)),
    alerts: latest(
      'alerts',
      () => api.call('alerts.list', { status: 'open', limit: ALERT_LIMIT }).catch(() => null),
      (result) => {
        // A server without the alerts API (or a failed read) leaves the last list on screen and says so.
        alertsFailed.value = result === null;
        if (result) alerts.value = result.items;
      },
    ),
    trends: latest(
      'trends',
      () => Promise.all(TREND_RANGES.map((range) => api.call('sla.trends', { range }))),
      (results) => {
        learnZone(results[0]!.timeZone);
        trends.value = Object.fromEntries(results.map((r) => [r.range, r]));
      },
    ),
    heatmap: latest('heatmap', () => api.call('sla.breachHeatmap', { range: HEATMAP_RANGE }), (result) => (heatmap.value = result)),
  };

  /**
   * The first load (and every reload after the live stream reconnects): the Now page's figures must load, the
   * rest (trends, heatmap, alerts) may fail on their own without blanking the wall.
   */
  async function loadAll(): Promise<void> {
    const optional = Promise.allSettled([loaders.trends(), loaders.heatmap(), loaders.alerts()]);
    await Promise.all([loaders.adherence(), loaders.risk(), loaders.info(), loaders.people()]);
    await optional;
  }

  const technicianName = computed(() => {
    const names = new Map(technicians.value.map((t) => [t.id, t.name]));
    return (id: string) => names.get(id);
  });
  const rows = computed(() => riskRows(atRisk.value?.items ?? [], technicianName.value));
  const crew = computed(() => {
    const active = technicians.value.filter((t) => t.active);
    return { available: active.filter((t) => t.status === 'available').length, onDuty: active.filter((t) => t.status !== 'off_shift').length };
  });

  return { zone, today, atRisk, info, technicians, alerts, alertsFailed, trends, heatmap, rows, crew, loaders, loadAll };
}

export type WallData = ReturnType<typeof useWallData>;
