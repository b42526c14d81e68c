import type { GeoPoint } from '../../shared/schemas/common';
import type { AssignmentConfig } from './types';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance (haversine), accurate to well under a metre at city scale. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const h = s * s + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes from `from` to `to`: the configured provider, else distance × road factor ÷ speed. */
export function travelMinutes(from: GeoPoint, to: GeoPoint, distanceKm: number, config: AssignmentConfig): number {
  if (config.travelTime) return config.travelTime(from, to);
  return ((distanceKm * config.roadFactor) / config.speedKmh) * 60;
}
