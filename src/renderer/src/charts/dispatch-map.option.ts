import type { EChartsOption, EffectScatterSeriesOption, ScatterSeriesOption } from 'echarts';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import { TECHNICIAN_STATUS_LOOK, type TechnicianStatus } from '../format/labels';
import { whereIs } from '../format/technicians';
import { formatTime } from '../format/time';
import { escapeHtml } from './escape-html';

export interface DispatchMapInput {
  technicians: Technician[];
  regions: Region[];
  openByRegion: Map<string, number>;
  regionName: Map<string, string>;
}

const STATUSES = Object.keys(TECHNICIAN_STATUS_LOOK) as TechnicianStatus[];
const REGION_COLOR = '#1f6feb';
const REGIONS_LEGEND = 'Region · open orders';
const MIN_SPAN_DEG = 0.05;

interface Bounds {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

function boundsOf(points: { lat: number; lon: number }[]): Bounds {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const pad = (min: number, max: number): [number, number] => {
    const span = Math.max(max - min, MIN_SPAN_DEG);
    const mid = (min + max) / 2;
    return [mid - span * 0.58, mid + span * 0.58];
  };
  const [minLon, padMaxLon] = pad(Math.min(...lons), Math.max(...lons));
  // Region labels sit right of their marker: leave them room at the east edge.
  const maxLon = padMaxLon + (padMaxLon - minLon) * 0.12;
  const [minLat, maxLat] = pad(Math.min(...lats), Math.max(...lats));
  return { minLon, maxLon, minLat, maxLat };
}

function technicianTip(t: Technician, regionName: Map<string, string>): string {
  const where = t.position ? `Position reported ${formatTime(t.position.at)}` : 'At home base (no position reported yet)';
  const region = t.regionId ? (regionName.get(t.regionId) ?? t.regionId) : 'No region';
  return [
    `<strong>${escapeHtml(t.name)}</strong>`,
    `${escapeHtml(t.team)} · ${escapeHtml(region)}`,
    TECHNICIAN_STATUS_LOOK[t.status].label,
    where,
  ].join('<br>');
}

/**
 * The dispatch map on a plain longitude/latitude grid (no online tiles: control rooms often have no internet).
 * Series ids are stable, so live updates merge into the chart and points glide to their new positions.
 */
export function dispatchMapOption({ technicians, regions, openByRegion, regionName }: DispatchMapInput): EChartsOption {
  const groups = STATUSES.map((status) => technicians.filter((t) => t.status === status));
  const bounds = boundsOf([...technicians.map(whereIs), ...regions.map((r) => r.center)]);
  const degrees = (suffix: string) => (value: number) => `${value.toFixed(2)}°${suffix}`;

  const technicianSeries: ScatterSeriesOption[] = STATUSES.map((status, index) => ({
    id: `technicians-${status}`,
    name: TECHNICIAN_STATUS_LOOK[status].label,
    type: 'scatter',
    z: 3,
    symbolSize: 11,
    itemStyle: { color: TECHNICIAN_STATUS_LOOK[status].color, borderColor: '#fff', borderWidth: 1.5 },
    tooltip: { formatter: (p) => technicianTip(groups[index]![(p as { dataIndex: number }).dataIndex]!, regionName) },
    data: groups[index]!.map((t) => {
      const at = whereIs(t);
      return { name: t.name, value: [at.lon, at.lat], itemStyle: at.reported ? {} : { opacity: 0.5 } };
    }),
  }));

  // Regions with open work ripple; quiet regions are drawn still, so motion on the map always means work.
  const regionPoints = regions.map((r) => ({ name: r.name, value: [r.center.lon, r.center.lat, openByRegion.get(r.id) ?? 0] }));
  const regionStyle = {
    name: REGIONS_LEGEND,
    // Above the technicians, so a region's label is never hidden behind their markers.
    z: 4,
    itemStyle: { color: REGION_COLOR, opacity: 0.8 },
    // Grows with the open count but stays a marker: a region with thousands of orders must not cover the map.
    symbolSize: (value: number[]) => Math.min(44, 14 + Math.sqrt(value[2] ?? 0) * 4),
    label: {
      show: true,
      position: 'right' as const,
      color: '#1e3a5f',
      fontWeight: 600,
      backgroundColor: 'rgba(255,255,255,0.85)',
      padding: [2, 4],
      borderRadius: 3,
      formatter: (p: { name: string; value: unknown }) => {
        const open = (p.value as number[])[2];
        return open ? `${p.name} · ${open} open` : p.name;
      },
    },
    labelLayout: { moveOverlap: 'shiftY' as const },
    tooltip: { formatter: (p: { name: string; value: unknown }) => `<strong>${escapeHtml(p.name)}</strong><br>${(p.value as number[])[2]} open work orders` },
  };
  const busyRegions: EffectScatterSeriesOption = {
    ...regionStyle,
    id: 'regions-busy',
    type: 'effectScatter',
    rippleEffect: { scale: 2.2, brushType: 'stroke' },
    data: regionPoints.filter((p) => p.value[2]! > 0),
  };
  const quietRegions: ScatterSeriesOption = { ...regionStyle, id: 'regions-quiet', type: 'scatter', data: regionPoints.filter((p) => p.value[2] === 0) };

  return {
    // No zoom-in on first paint (an operator opens the board many times a day); live moves still glide.
    animationDuration: 0,
    animationDurationUpdate: 800,
    grid: { left: 52, right: 12, top: 34, bottom: 28 },
    legend: { top: 4, left: 8, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', confine: true },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    xAxis: {
      type: 'value',
      min: bounds.minLon,
      max: bounds.maxLon,
      axisLabel: { formatter: degrees('E'), fontSize: 10, color: '#8a94a3', showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { type: 'dashed', color: '#e6ebf1' } },
    },
    yAxis: {
      type: 'value',
      min: bounds.minLat,
      max: bounds.maxLat,
      axisLabel: { formatter: degrees('N'), fontSize: 10, color: '#8a94a3', showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { type: 'dashed', color: '#e6ebf1' } },
    },
    series: [quietRegions, busyRegions, ...technicianSeries],
  };
}
