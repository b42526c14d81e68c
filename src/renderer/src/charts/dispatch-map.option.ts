import type { EChartsOption, MapSeriesOption } from 'echarts';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { gridMapOption } from './dispatch-map.grid';
import { hiddenLegend, orderSeries, routeSeries, technicianSeries } from './map-layers';
import type { ShadePiece } from './map-shading';
import { regionTip, type MapLookups } from './map-tooltips';

export interface DispatchMapInput extends MapLookups {
  technicians: Technician[];
  regions: Region[];
  /** Every open order (each drawn as a pin at its site). */
  orders: WorkOrderSummary[];
  openByRegion: Map<string, number>;
  /** The shading steps (shadePieces), shared with the key the panel shows beside the map. */
  pieces: ShadePiece[];
  /** Layers switched off in the panel's legend, by name (e.g. "P4 Low", "Off shift"). */
  hidden: ReadonlySet<string>;
  /** The order open in the drawer, drawn larger and labelled. */
  selectedId: string | null;
  /** The ECharts map registered from the regions' boundaries (registerRegionMap), or null for the plain grid. */
  mapName: string | null;
  /** The chart's size in pixels: a big map (a window of its own) gets larger labels and markers. */
  width: number;
  height: number;
}

/** Around each region centre, how far its sites and crews reach (sites scatter about 2 km): the first view. */
const FRAME_KM = 4.5;
const KM_PER_DEGREE = 111.32;

/**
 * The first view: the region centres with FRAME_KM around them, not the whole service area, so the part of town
 * where the work is fills the panel. Anything outside is a pan or a scroll away; the view never moves by itself.
 */
export function mapFrame(regions: readonly Region[]): [[number, number], [number, number]] | undefined {
  if (regions.length === 0) return undefined;
  const lats = regions.map((r) => r.center.lat);
  const lons = regions.map((r) => r.center.lon);
  const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
  const dLat = FRAME_KM / KM_PER_DEGREE;
  const dLon = FRAME_KM / (KM_PER_DEGREE * Math.cos((mid * Math.PI) / 180));
  return [
    [Math.min(...lons) - dLon, Math.max(...lats) + dLat],
    [Math.max(...lons) + dLon, Math.min(...lats) - dLat],
  ];
}

/**
 * "Old Town" over "3 open" on a big map; only the name on a small one, where the shading (and the tooltip) tell the
 * count and a longer label would hide markers. White-backed, so it stays legible.
 */
function regionLabel(input: DispatchMapInput, large: boolean) {
  return {
    show: true,
    formatter: (p: { name: string }) => {
      const open = input.openByRegion.get(p.name) ?? 0;
      const name = input.regionName.get(p.name) ?? p.name;
      return large ? `{name|${name}}\n{count|${open} open}` : `{name|${name}}`;
    },
    backgroundColor: 'rgba(255,255,255,0.88)',
    borderRadius: 4,
    padding: large ? [3, 7] : [2, 5],
    rich: {
      name: { fontSize: large ? 13 : 11, fontWeight: 600, color: '#1e3a5f', lineHeight: large ? 17 : 16 },
      count: { fontSize: large ? 12 : 11, color: '#475569', lineHeight: large ? 16 : 15, align: 'center' as const },
    },
  };
}

/**
 * The dispatch map: the regions' own polygons (shipped with the data, no online tiles: control rooms often have
 * no internet) shaded by open orders, every open order as a pin coloured by priority, technicians by status, and
 * a dashed line from each technician en route to the site. Without boundaries, the same layers on a lon/lat grid.
 */
export function dispatchMapOption(input: DispatchMapInput): EChartsOption {
  const large = Math.min(input.width, input.height) >= 520;
  if (!input.mapName) return gridMapOption(input, large);
  const centreLat = input.regions.reduce((sum, r) => sum + r.center.lat, 0) / Math.max(1, input.regions.length);

  const load: MapSeriesOption = {
    id: 'region-load',
    type: 'map',
    geoIndex: 0,
    tooltip: { formatter: (p) => regionTip(input.regionName.get((p as { name: string }).name) ?? '', Number((p as { value: unknown }).value) || 0) },
    data: input.regions.filter((r) => r.boundary).map((r) => ({ name: r.id, value: input.openByRegion.get(r.id) ?? 0 })),
  };

  return {
    // No zoom-in on first paint (an operator opens the board many times a day); live moves still glide.
    animationDuration: 0,
    animationDurationUpdate: 700,
    tooltip: { trigger: 'item', confine: true },
    legend: hiddenLegend(input.hidden),
    visualMap: { id: 'shading', type: 'piecewise', show: false, seriesIndex: 0, pieces: input.pieces },
    geo: {
      id: 'regions',
      map: input.mapName,
      roam: true,
      scaleLimit: { min: 0.5, max: 30 },
      // Longitude degrees shrink with latitude: without this the city would be drawn stretched east–west.
      aspectScale: Math.cos((centreLat * Math.PI) / 180),
      boundingCoords: mapFrame(input.regions),
      // True to shape, framed on the work, as large as fits; the polygons run on to the panel's edges.
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      preserveAspect: 'contain',
      label: regionLabel(input, large),
      itemStyle: { areaColor: input.pieces[0]?.color, borderColor: '#7f93ad', borderWidth: 1 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#fdf1cf', borderColor: '#1e3a5f', borderWidth: 1.5 } },
      select: { disabled: true },
    },
    series: [
      load,
      routeSeries(input.technicians, 'geo', input),
      ...technicianSeries(input.technicians, 'geo', input, large),
      ...orderSeries(input.orders, input.selectedId, 'geo', input, large),
    ],
  };
}
