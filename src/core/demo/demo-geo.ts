import { CITY, REGIONS } from './demo-data';
import type { Prng } from './prng';

export interface Point {
  lat: number;
  lon: number;
}

const KM_PER_DEGREE = 111.32;
const EARTH_RADIUS_KM = 6371;
/** Everything in the demo lies within this distance of the city centre. */
export const CITY_RADIUS_KM = 15;

export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** A point normally distributed around `center` (sigma in km), redrawn until it lies within the city. */
export function scatter(rng: Prng, center: Point, sigmaKm: number): Point {
  for (;;) {
    const lat = center.lat + (rng.gaussian() * sigmaKm) / KM_PER_DEGREE;
    const lon = center.lon + (rng.gaussian() * sigmaKm) / (KM_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180));
    // Five decimals is about a metre: enough for routing, and keeps the rows readable.
    const point = { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
    if (distanceKm(point, CITY) <= CITY_RADIUS_KM) return point;
  }
}

export function nearestRegionCode(point: Point): string {
  let best: (typeof REGIONS)[number] = REGIONS[0];
  for (const region of REGIONS) if (distanceKm(point, region) < distanceKm(point, best)) best = region;
  return best.code;
}

export const regionId = (code: string): string => `reg_${code.toLowerCase()}`;
