import { registerMap } from 'echarts/core';
import type { Region } from '@shared/schemas/reference.schema';

type Boundary = NonNullable<Region['boundary']>;

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  /** `cp`: where ECharts puts the region's label. */
  features: { type: 'Feature'; properties: { name: string; cp: [number, number] }; geometry: Boundary }[];
}

type Ring = [number, number][];

/** Area and centroid of a ring (shoelace), in degrees: plenty for placing a label. */
function ringCentroid(ring: readonly (readonly number[])[]): { area: number; x: number; y: number } {
  let twice = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twice += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return twice === 0 ? { area: 0, x: ring[0]![0]!, y: ring[0]![1]! } : { area: Math.abs(twice / 2), x: x / (3 * twice), y: y / (3 * twice) };
}

function inside(rings: readonly Ring[], [lon, lat]: [number, number]): boolean {
  let result = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

/**
 * Where a region's name goes: a third of the way from its centre towards the middle of its (largest) polygon.
 * Outer regions reach far out of town, so their middle is often off the first view, while the centre is where
 * their markers crowd; a point between the two is on screen and a little apart. Never outside the region.
 */
export function labelPoint(region: Region): [number, number] {
  const centre: [number, number] = [region.center.lon, region.center.lat];
  if (!region.boundary) return centre;
  const polygons = (region.boundary.type === 'Polygon' ? [region.boundary.coordinates] : region.boundary.coordinates) as Ring[][];
  const largest = polygons.map((rings) => ({ rings, ...ringCentroid(rings[0]!) })).sort((a, b) => b.area - a.area)[0]!;
  const point: [number, number] = [centre[0] + (largest.x - centre[0]) / 3, centre[1] + (largest.y - centre[1]) / 3];
  return inside(largest.rings, point) ? point : centre;
}

/** Region polygons as the GeoJSON ECharts draws; a feature is named by its region's id (names may repeat). */
export function regionFeatures(regions: readonly Region[]): RegionFeatureCollection | null {
  const features = regions.flatMap((r) =>
    r.boundary ? [{ type: 'Feature' as const, properties: { name: r.id, cp: labelPoint(r) }, geometry: r.boundary }] : [],
  );
  return features.length > 0 ? { type: 'FeatureCollection', features } : null;
}

/** 32-bit FNV-1a: a short, stable name for a given set of shapes. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

const registered = new Map<string, string>();

/**
 * Registers the regions' boundaries with ECharts and returns the map's name, or null when no region has one (the
 * map then draws a plain grid). The name changes with the shapes, so an edited boundary is drawn anew rather than
 * served from ECharts' cache of the old one; the same shapes are registered once.
 */
export function registerRegionMap(regions: readonly Region[]): string | null {
  const collection = regionFeatures(regions);
  if (!collection) return null;
  const text = JSON.stringify(collection);
  let name = registered.get(text);
  if (!name) {
    name = `dcr-regions-${fingerprint(text)}`;
    registerMap(name, collection as unknown as Parameters<typeof registerMap>[1]);
    registered.set(text, name);
  }
  return name;
}
