import { describe, expect, it } from 'vitest';
import type { Region, Technician } from '@shared/schemas/reference.schema';
import type { WorkOrderSummary } from '@shared/schemas/work-order.schema';
import { dispatchMapOption, mapFrame, type DispatchMapInput } from './dispatch-map.option';
import { shadePieces } from './map-shading';
import './echarts';
import { labelPoint, regionFeatures, registerRegionMap } from './region-map';

const square = (lon: number, lat: number): NonNullable<Region['boundary']> => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]],
});
const region = (id: string, name: string, lon: number, boundary = true): Region => ({
  id, code: id.toUpperCase(), name, center: { lat: 52.35, lon: lon + 0.05 }, boundary: boundary ? square(lon, 52.3) : null,
});
const tech = (id: string, status: Technician['status'], position: Technician['position']) =>
  ({ id, name: `Tech ${id}`, status, team: 'Power', regionId: 'a', home: { lat: 52.31, lon: 4.81 }, position }) as Technician;
const order = (id: string, priority: WorkOrderSummary['priority'], extra: Partial<WorkOrderSummary> = {}) =>
  ({ id, number: `WO-2026-${id}`, priority, status: 'new', technicianId: null, regionId: 'a', site: { lat: 52.32, lon: 4.82 }, ...extra }) as WorkOrderSummary;

const REGIONS = [region('a', 'Alpha', 4.8), region('b', 'Beta', 4.9)];

function input(over: Partial<DispatchMapInput> = {}): DispatchMapInput {
  return {
    technicians: [tech('t1', 'available', { lat: 52.33, lon: 4.83, at: 1 }), tech('t2', 'busy', null)],
    regions: REGIONS,
    orders: [order('000001', 'P1'), order('000002', 'P3', { status: 'en_route', technicianId: 't1', site: { lat: 52.36, lon: 4.95 } })],
    openByRegion: new Map([['a', 2]]),
    pieces: shadePieces(2),
    hidden: new Set(),
    regionName: new Map(REGIONS.map((r) => [r.id, r.name])),
    selectedId: null,
    mapName: 'test-map',
    width: 1400,
    height: 900,
    categoryName: (code) => code,
    technicianName: (id) => `Tech ${id}`,
    currentOrder: (id) => (id === 't1' ? order('000002', 'P3', { status: 'en_route', technicianId: 't1', site: { lat: 52.36, lon: 4.95 } }) : null),
    now: () => 0,
    ...over,
  };
}

const series = (option: ReturnType<typeof dispatchMapOption>, id: string) =>
  (option.series as { id: string; data: unknown[]; coordinateSystem?: string }[]).find((s) => s.id === id)!;

describe('dispatch map option', () => {
  it('draws the registered region map, each region shaded by its open orders', () => {
    const option = dispatchMapOption(input());
    expect(option.geo).toMatchObject({ id: 'regions', map: 'test-map', roam: true });
    expect(series(option, 'region-load').data).toEqual([{ name: 'a', value: 2 }, { name: 'b', value: 0 }]);
    expect((option.visualMap as { pieces: { label: string }[] }).pieces.map((p) => p.label)).toEqual(['none', '1', '2', '3', '4+']);
  });

  it('puts every open order at its site, by priority, and technicians by status (faded at home base)', () => {
    const option = dispatchMapOption(input());
    expect(series(option, 'orders-P1')).toMatchObject({ coordinateSystem: 'geo', data: [{ id: '000001', name: 'WO-2026-000001', value: [4.82, 52.32] }] });
    expect(series(option, 'orders-P3').data).toHaveLength(1);
    expect(series(option, 'orders-P2').data).toEqual([]);
    expect(series(option, 'technicians-available').data).toEqual([{ id: 't1', name: 'Tech t1', value: [4.83, 52.33] }]);
    expect(series(option, 'technicians-busy').data).toEqual([{ id: 't2', name: 'Tech t2', value: [4.81, 52.31], itemStyle: { opacity: 0.45 } }]);
    expect(series(option, 'routes').data).toEqual([{ name: 'Tech t1 → WO-2026-000002', coords: [[4.83, 52.33], [4.95, 52.36]] }]);
  });

  it('labels and enlarges the selected order only', () => {
    const [pin] = series(dispatchMapOption(input({ selectedId: '000001' })), 'orders-P1').data as { label?: { show: boolean; formatter: string } }[];
    expect(pin!.label).toMatchObject({ show: true, formatter: 'WO-2026-000001' });
    expect((series(dispatchMapOption(input()), 'orders-P1').data[0] as { label?: unknown }).label).toBeUndefined();
  });

  it('frames the first view on the region centres, true to shape, and keeps layers switched off in the legend off', () => {
    const option = dispatchMapOption(input({ hidden: new Set(['P4 Low', 'Off shift']) }));
    expect(option.geo).toMatchObject({ preserveAspect: 'contain', boundingCoords: mapFrame(REGIONS) });
    const [[west, north], [east, south]] = mapFrame(REGIONS)!;
    // 4.5 km around the centres (4.85…4.95, 52.35): about 0.066° of longitude and 0.040° of latitude here.
    expect([west, east, north, south].map((v) => Math.round(v * 1000) / 1000)).toEqual([4.784, 5.016, 52.39, 52.31]);
    expect(option.legend).toMatchObject({ show: false, selected: { 'P1 Critical': true, 'P4 Low': false, Available: true, 'Off shift': false } });
    expect(option.visualMap).toMatchObject({ show: false, pieces: shadePieces(2) });
  });

  it('falls back to the lon/lat grid with region markers when no region has a boundary', () => {
    const option = dispatchMapOption(input({ mapName: null }));
    expect(option.geo).toBeUndefined();
    expect(series(option, 'regions').data).toHaveLength(2);
    expect(series(option, 'orders-P1').coordinateSystem).toBe('cartesian2d');
  });
});

describe('region map', () => {
  it('names each feature by region id and leaves out regions without a boundary', () => {
    const collection = regionFeatures([...REGIONS, region('c', 'Gamma', 5, false)])!;
    expect(collection.features.map((f) => f.properties.name)).toEqual(['a', 'b']);
    expect(regionFeatures([region('c', 'Gamma', 5, false)])).toBeNull();
  });

  it('puts a label a third of the way from the region centre to the middle of its polygon, never outside it', () => {
    // Square 4.8…4.9 × 52.3…52.4 (middle 4.85, 52.35), centre at its south-west corner area.
    const corner = { ...region('a', 'Alpha', 4.8), center: { lat: 52.31, lon: 4.81 } };
    const [lon, lat] = labelPoint(corner);
    expect([lon.toFixed(4), lat.toFixed(4)]).toEqual(['4.8233', '52.3233']);
    // A centre outside its own (odd) polygon: the third-way point would be outside too, so the centre is used.
    const odd = { ...region('b', 'Beta', 4.8), center: { lat: 52.0, lon: 4.0 } };
    expect(labelPoint(odd)).toEqual([4.0, 52.0]);
    expect(regionFeatures([corner])!.features[0]!.properties.cp).toEqual(labelPoint(corner));
  });

  it('registers the same shapes once, under a name that changes with the shapes', () => {
    const first = registerRegionMap(REGIONS);
    expect(registerRegionMap(REGIONS)).toBe(first);
    expect(registerRegionMap([region('a', 'Alpha', 4.7), REGIONS[1]!])).not.toBe(first);
    expect(registerRegionMap([region('c', 'Gamma', 5, false)])).toBeNull();
  });
});
