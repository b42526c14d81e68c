import { CITY, REGIONS } from './demo-data';
import { CITY_RADIUS_KM, type Point } from './demo-geo';

/**
 * Region boundaries as the nearest-centre (Voronoi) cells of the region centres, clipped to a circle: the shapes
 * the demo's own rule draws (a site belongs to the region whose centre is nearest by great-circle distance).
 *
 * Computed exactly rather than on a grid: in the gnomonic projection centred on the circle's centre every great
 * circle is a straight line, so the set of points nearer to one centre than to another is a half-plane there and
 * a cell is the circle's polygon clipped by one half-plane per other centre. Edges are then split into short
 * pieces before going back to longitude/latitude, where they are drawn (and tested) as straight segments, so the
 * polygons agree with the nearest-centre rule to well under a metre. Pure and deterministic: same input, same
 * coordinates.
 */

export interface GeoJsonPolygon {
  type: 'Polygon';
  /** One exterior ring of [lon, lat] positions, counter-clockwise, first position repeated last (RFC 7946). */
  coordinates: [number, number][][];
}

type Vec3 = [number, number, number];
type Xy = [number, number];

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;
/** Sides of the polygon standing in for the circle (circumscribed, so the whole circle lies inside it). */
const CIRCLE_SIDES = 96;
/** Longest straight piece of an edge, in km, before it is mapped back to longitude/latitude. */
const PIECE_KM = 0.25;
/** Six decimals of a degree is about 10 cm. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const unit = (p: Point): Vec3 => {
  const lat = p.lat * RAD;
  const lon = p.lon * RAD;
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
};

/** The gnomonic plane tangent at `center`: x east, y north, in units of the Earth's radius. */
function gnomonic(center: Point) {
  const c = unit(center);
  const lat = center.lat * RAD;
  const lon = center.lon * RAD;
  const east: Vec3 = [-Math.sin(lon), Math.cos(lon), 0];
  const north: Vec3 = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  return {
    /** The points nearer to `a` than to `b`: k0 + kx·x + ky·y ≥ 0. */
    nearer(a: Point, b: Point): [number, number, number] {
      const normal = sub(unit(a), unit(b));
      return [dot(c, normal), dot(east, normal), dot(north, normal)];
    },
    toLonLat([x, y]: Xy): [number, number] {
      const v: Vec3 = [c[0] + x * east[0] + y * north[0], c[1] + x * east[1] + y * north[1], c[2] + x * east[2] + y * north[2]];
      const length = Math.hypot(...v);
      return [round6(Math.atan2(v[1], v[0]) / RAD), round6(Math.asin(v[2] / length) / RAD)];
    },
  };
}

/** Sutherland–Hodgman: the part of a convex polygon where k0 + kx·x + ky·y ≥ 0. */
function clip(polygon: Xy[], [k0, kx, ky]: [number, number, number]): Xy[] {
  const side = ([x, y]: Xy) => k0 + kx * x + ky * y;
  const out: Xy[] = [];
  polygon.forEach((current, i) => {
    const previous = polygon[(i + polygon.length - 1) % polygon.length]!;
    const [sc, sp] = [side(current), side(previous)];
    if (sc >= 0 !== sp >= 0) {
      const t = sp / (sp - sc);
      out.push([previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])]);
    }
    if (sc >= 0) out.push(current);
  });
  return out;
}

/** The ring with every edge cut into pieces of at most PIECE_KM, closed, in [lon, lat]. */
function toRing(polygon: Xy[], toLonLat: (p: Xy) => [number, number]): [number, number][] {
  const ring: [number, number][] = [];
  polygon.forEach((from, i) => {
    const to = polygon[(i + 1) % polygon.length]!;
    const pieces = Math.max(1, Math.ceil((Math.hypot(to[0] - from[0], to[1] - from[1]) * EARTH_RADIUS_KM) / PIECE_KM));
    for (let k = 0; k < pieces; k += 1) {
      const t = k / pieces;
      const position = toLonLat([from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])]);
      const last = ring.at(-1);
      if (!last || last[0] !== position[0] || last[1] !== position[1]) ring.push(position);
    }
  });
  ring.push([...ring[0]!]);
  return ring;
}

/**
 * One polygon per centre (same order): the points of the circle (`radiusKm` around `circleCenter`) nearer to that
 * centre than to any other. A centre whose cell misses the circle entirely gets null.
 */
export function voronoiCells(centers: readonly Point[], circleCenter: Point, radiusKm: number): (GeoJsonPolygon | null)[] {
  const plane = gnomonic(circleCenter);
  // Azimuthal: the circle stays a circle in the gnomonic plane, of radius tan(angle).
  const outer = Math.tan(radiusKm / EARTH_RADIUS_KM) / Math.cos(Math.PI / CIRCLE_SIDES);
  const circle: Xy[] = Array.from({ length: CIRCLE_SIDES }, (_, k) => {
    const angle = (2 * Math.PI * k) / CIRCLE_SIDES;
    return [outer * Math.cos(angle), outer * Math.sin(angle)];
  });
  return centers.map((center, i) => {
    let cell = circle;
    centers.forEach((other, j) => {
      if (j !== i && cell.length > 0) cell = clip(cell, plane.nearer(center, other));
    });
    return cell.length >= 3 ? { type: 'Polygon', coordinates: [toRing(cell, plane.toLonLat)] } : null;
  });
}

/** Whether [lon, lat] lies inside the polygon (even-odd rule over its rings; a hole's inside is outside). */
export function containsPoint(polygon: GeoJsonPolygon, [lon, lat]: [number, number]): boolean {
  let inside = false;
  for (const ring of polygon.coordinates) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The demo regions' boundaries by region code: Voronoi cells of their centres within the city circle. */
export function demoRegionBoundaries(): Map<string, GeoJsonPolygon> {
  const cells = voronoiCells(REGIONS, CITY, CITY_RADIUS_KM);
  return new Map(REGIONS.flatMap((region, i) => (cells[i] ? [[region.code, cells[i]] as const] : [])));
}
