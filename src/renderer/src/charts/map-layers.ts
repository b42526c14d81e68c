import type { LinesSeriesOption, ScatterSeriesOption } from 'echarts';
import type { Priority } from '@shared/schemas/common';
import type { Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { PRIORITY_LOOK, TECHNICIAN_STATUS_LOOK, type TechnicianStatus } from '../format/labels';
import { orderTip, technicianTip, type MapLookups } from './map-tooltips';

export type CoordinateSystem = 'geo' | 'cartesian2d';

export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const STATUSES = Object.keys(TECHNICIAN_STATUS_LOOK) as TechnicianStatus[];
/** The layers a dispatcher can switch off in the panel's legend: the series names. */
export const LAYER_NAMES = [...PRIORITIES.map((p) => PRIORITY_LOOK[p].label), ...STATUSES.map((s) => TECHNICIAN_STATUS_LOOK[s].label)];

/** The legend lives in the panel (HTML, with counts); ECharts keeps a hidden one so layers can be switched off. */
export const hiddenLegend = (hidden: ReadonlySet<string>) => ({
  show: false,
  data: LAYER_NAMES,
  selected: Object.fromEntries(LAYER_NAMES.map((name) => [name, !hidden.has(name)])),
});

/** Series ids: stable, so live updates merge into the chart and markers glide to their new positions. */
export const ORDER_SERIES = (p: Priority) => `orders-${p}`;
export const TECHNICIAN_SERIES = (s: TechnicianStatus) => `technicians-${s}`;
/** Above this many markers a layer is drawn in ECharts' large mode (one path, no per-marker styling). */
const LARGE = 2000;
const PIN: [number, number] = [15, 20];
const PIN_LARGE: [number, number] = [19, 26];

interface DataItem {
  id: string;
  name: string;
  value: number[];
}

type Point = { dataIndex: number };

/**
 * Where to draw a technician: the last reported position, else the home base (as format/technicians' whereIs; kept
 * here so the chart modules load without the renderer's path aliases, e.g. in unit tests).
 */
export const whereIs = (t: Technician): { lat: number; lon: number; reported: boolean } =>
  t.position ? { lat: t.position.lat, lon: t.position.lon, reported: true } : { lat: t.home.lat, lon: t.home.lon, reported: false };
const at = <T>(items: T[]) => (p: unknown) => items[(p as Point).dataIndex]!;

/**
 * Open orders as pins (the tip on the site) coloured by priority, the most urgent drawn on top. The selected order
 * is larger, outlined and labelled with its number, so the order open in the drawer is easy to find on the map.
 */
export function orderSeries(
  orders: WorkOrderSummary[],
  selectedId: string | null,
  system: CoordinateSystem,
  look: MapLookups,
  large = false,
): ScatterSeriesOption[] {
  const [w, h] = large ? PIN_LARGE : PIN;
  return PRIORITIES.map((priority, index) => {
    const mine = orders.filter((o) => o.priority === priority);
    return {
      id: ORDER_SERIES(priority),
      name: PRIORITY_LOOK[priority].label,
      type: 'scatter',
      coordinateSystem: system,
      z: 10 - index,
      symbol: 'pin',
      symbolSize: [w, h],
      symbolOffset: [0, '-45%'],
      large: mine.length > LARGE,
      largeThreshold: LARGE,
      cursor: 'pointer',
      itemStyle: { color: PRIORITY_LOOK[priority].color, borderColor: '#fff', borderWidth: 1 },
      emphasis: { scale: 1.25 },
      tooltip: { formatter: (p) => orderTip(at(mine)(p), look) },
      data: mine.map((o): DataItem & Record<string, unknown> => {
        const item = { id: o.id, name: o.number, value: [o.site.lon, o.site.lat] };
        if (o.id !== selectedId) return item;
        return {
          ...item,
          symbolSize: [Math.round(w * 1.45), Math.round(h * 1.45)],
          itemStyle: { borderColor: '#0f1b2d', borderWidth: 2 },
          label: { show: true, position: 'top', distance: Math.round(h * 0.8), formatter: o.number, fontSize: 11, fontWeight: 600, color: '#0f1b2d', backgroundColor: 'rgba(255,255,255,0.9)', padding: [1, 4], borderRadius: 3 },
        };
      }),
    };
  });
}

/** Technicians as round markers coloured by status; faded where no position was reported yet (home base). */
export function technicianSeries(technicians: Technician[], system: CoordinateSystem, look: MapLookups, large = false): ScatterSeriesOption[] {
  return STATUSES.map((status) => {
    const mine = technicians.filter((t) => t.status === status);
    return {
      id: TECHNICIAN_SERIES(status),
      name: TECHNICIAN_STATUS_LOOK[status].label,
      type: 'scatter',
      coordinateSystem: system,
      z: 5,
      symbol: 'circle',
      symbolSize: large ? 12 : 10,
      large: mine.length > LARGE,
      largeThreshold: LARGE,
      itemStyle: { color: TECHNICIAN_STATUS_LOOK[status].color, borderColor: '#fff', borderWidth: 1.5 },
      tooltip: { formatter: (p) => technicianTip(at(mine)(p), look) },
      data: mine.map((t): DataItem & Record<string, unknown> => {
        const where = whereIs(t);
        return { id: t.id, name: t.name, value: [where.lon, where.lat], ...(where.reported ? {} : { itemStyle: { opacity: 0.45 } }) };
      }),
    };
  });
}

/** A dashed line from each technician on the road to the site they are heading to. */
export function routeSeries(technicians: Technician[], system: CoordinateSystem, look: MapLookups): LinesSeriesOption {
  const routes = technicians.flatMap((t) => {
    const order = look.currentOrder(t.id);
    if (!order || order.status !== 'en_route') return [];
    const from = whereIs(t);
    return [{ name: `${t.name} → ${order.number}`, coords: [[from.lon, from.lat], [order.site.lon, order.site.lat]] }];
  });
  return {
    id: 'routes',
    type: 'lines',
    coordinateSystem: system,
    z: 4,
    silent: true,
    lineStyle: { color: '#334155', width: 1.2, type: 'dashed', opacity: 0.7 },
    data: routes,
  };
}
