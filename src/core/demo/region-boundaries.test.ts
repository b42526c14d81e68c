import { describe, expect, it } from 'vitest';
import { buildCustomers } from './demo-customers';
import { CITY, REGIONS } from './demo-data';
import { CITY_RADIUS_KM, distanceKm, nearestRegionCode, regionId, scatter } from './demo-geo';
import { buildWorkforce } from './demo-workforce';
import { Prng } from './prng';
import { containsPoint, demoRegionBoundaries, voronoiCells, type GeoJsonPolygon } from './region-boundaries';

const NOW = Date.UTC(2026, 2, 10, 10, 0);
const KM_PER_DEGREE = 111.32;

/** The sites seedDemo writes for a seed (the generators draw from one stream, workforce first). */
function demoSites(seed: number) {
  const rng = new Prng(seed);
  const workforce = buildWorkforce(rng, NOW);
  return buildCustomers(rng, NOW, workforce.technicians.map((t) => t.id)).sites;
}

/** Shoelace area of a ring in km², on a local equirectangular plane (good to a fraction of a percent here). */
function areaKm2(polygon: GeoJsonPolygon): number {
  const ring = polygon.coordinates[0]!;
  const kx = KM_PER_DEGREE * Math.cos((CITY.lat * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    twice += x0 * kx * (y1 * KM_PER_DEGREE) - x1 * kx * (y0 * KM_PER_DEGREE);
  }
  return twice / 2;
}

const boundaries = demoRegionBoundaries();
const regionOfId = new Map(REGIONS.map((r) => [regionId(r.code), r.code]));

describe('demo region boundaries', () => {
  it('gives every region a closed, counter-clockwise polygon that contains its own centre', () => {
    expect([...boundaries.keys()]).toEqual(REGIONS.map((r) => r.code));
    for (const region of REGIONS) {
      const polygon = boundaries.get(region.code)!;
      const ring = polygon.coordinates[0]!;
      expect(ring.length).toBeGreaterThan(10);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(areaKm2(polygon)).toBeGreaterThan(0);
      expect(containsPoint(polygon, [region.lon, region.lat])).toBe(true);
    }
  });

  it('tiles the city circle: the cells add up to its area', () => {
    const total = [...boundaries.values()].reduce((sum, p) => sum + areaKm2(p), 0);
    const circle = Math.PI * CITY_RADIUS_KM ** 2;
    // Circumscribed around the circle (so no site near the edge falls outside), by well under one percent.
    expect(total).toBeGreaterThan(circle);
    expect(total / circle).toBeLessThan(1.005);
  });

  it.each([1, 7, 42])('puts every demo site of seed %i inside its own region and no other', (seed) => {
    const sites = demoSites(seed);
    expect(sites.length).toBeGreaterThan(100);
    for (const site of sites) {
      const own = regionOfId.get(site.region_id!)!;
      const inside = [...boundaries].filter(([, polygon]) => containsPoint(polygon, [site.lon, site.lat])).map(([code]) => code);
      expect(inside, `${site.id} at ${site.lat},${site.lon}`).toEqual([own]);
    }
  });

  it('agrees with the nearest-centre rule on many points, near the borders too', () => {
    const rng = new Prng(99);
    for (let i = 0; i < 5000; i += 1) {
      const point = scatter(rng, CITY, 8);
      const inside = [...boundaries].filter(([, polygon]) => containsPoint(polygon, [point.lon, point.lat])).map(([code]) => code);
      expect(inside).toEqual([nearestRegionCode(point)]);
    }
  });

  it('is deterministic and leaves out a centre whose cell misses the circle', () => {
    expect(demoRegionBoundaries()).toEqual(boundaries);
    const far = { lat: CITY.lat + 1, lon: CITY.lon };
    const [near, none] = voronoiCells([CITY, far], CITY, 5);
    expect(none).toBeNull();
    expect(distanceKm(CITY, { lat: near!.coordinates[0]![0]![1], lon: near!.coordinates[0]![0]![0] })).toBeGreaterThanOrEqual(5);
  });
});
