import { greatCircleKm } from '../../core/assignment/geo';
import type { GeoPoint } from '../../shared/schemas/common';

export type LatLon = GeoPoint;

/** The point `km` along the straight line from `a` to `b` (fine at city scale), clamped at `b`. */
export function moveToward(a: LatLon, b: LatLon, km: number): LatLon {
  const total = greatCircleKm(a, b);
  if (total <= km || total === 0) return { ...b };
  const f = km / total;
  return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
}
