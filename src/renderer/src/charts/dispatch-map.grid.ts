import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { hiddenLegend, orderSeries, routeSeries, technicianSeries, whereIs } from './map-layers';
import { regionTip, type MapLookups } from './map-tooltips';

interface GridInput extends MapLookups {
  technicians: Technician[];
  regions: Region[];
  orders: WorkOrderSummary[];
  openByRegion: Map<string, number>;
  selectedId: string | null;
  hidden: ReadonlySet<string>;
}

const MIN_SPAN_DEG = 0.05;
const REGION_COLOR = '#1f6feb';

function bounds(points: { lat: number; lon: number }[]) {
  if (points.length === 0) return { minLon: -1, maxLon: 1, minLat: -1, maxLat: 1 };
  const pad = (values: number[]): [number, number] => {
    const [min, max] = [Math.min(...values), Math.max(...values)];
    const span = Math.max(max - min, MIN_SPAN_DEG);
    return [(min + max) / 2 - span * 0.58, (min + max) / 2 + span * 0.58];
  };
  const [minLon, maxLon] = pad(points.map((p) => p.lon));
  const [minLat, maxLat] = pad(points.map((p) => p.lat));
  return { minLon, maxLon, minLat, maxLat };
}

/**
 * The map when no region has a boundary: the same orders, technicians and routes on a plain longitude/latitude
 * grid, each region a labelled marker at its centre sized by its open orders.
 */
export function gridMapOption(input: GridInput, large: boolean): EChartsOption {
  const extent = bounds([...input.technicians.map(whereIs), ...input.regions.map((r) => r.center), ...input.orders.map((o) => o.site)]);
  const degrees = (suffix: string) => (value: number) => `${value.toFixed(2)}°${suffix}`;
  const regions: ScatterSeriesOption = {
    id: 'regions',
    type: 'scatter',
    z: 3,
    silent: false,
    itemStyle: { color: REGION_COLOR, opacity: 0.25 },
    // Grows with the open count but stays a marker: a region with thousands of orders must not cover the map.
    symbolSize: (value: number[]) => Math.min(44, 14 + Math.sqrt(value[2] ?? 0) * 4),
    label: {
      show: true,
      position: 'right',
      color: '#1e3a5f',
      fontWeight: 600,
      backgroundColor: 'rgba(255,255,255,0.85)',
      padding: [2, 4],
      borderRadius: 3,
      formatter: (p) => `${p.name} · ${(p.value as number[])[2]} open`,
    },
    labelLayout: { hideOverlap: true },
    tooltip: { formatter: (p) => regionTip(p.name, (p.value as number[])[2] ?? 0) },
    data: input.regions.map((r) => ({ name: r.name, value: [r.center.lon, r.center.lat, input.openByRegion.get(r.id) ?? 0] })),
  };
  const axis = (min: number, max: number, suffix: string) => ({
    type: 'value' as const,
    min,
    max,
    axisLabel: { formatter: degrees(suffix), fontSize: 10, color: '#8a94a3', showMinLabel: false, showMaxLabel: false },
    splitLine: { lineStyle: { type: 'dashed' as const, color: '#e6ebf1' } },
  });
  return {
    animationDuration: 0,
    animationDurationUpdate: 700,
    grid: { left: 52, right: 12, top: 12, bottom: 28 },
    legend: hiddenLegend(input.hidden),
    tooltip: { trigger: 'item', confine: true },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    xAxis: axis(extent.minLon, extent.maxLon, 'E'),
    yAxis: axis(extent.minLat, extent.maxLat, 'N'),
    series: [
      regions,
      routeSeries(input.technicians, 'cartesian2d', input),
      ...technicianSeries(input.technicians, 'cartesian2d', input, large),
      ...orderSeries(input.orders, input.selectedId, 'cartesian2d', input, large),
    ],
  };
}
