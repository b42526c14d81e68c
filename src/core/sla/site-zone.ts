import tzLookup from '@photostructure/tz-lookup';

/** A site's zone from its coordinates, with a maintained boundary data set (DOMAIN.md, "Time zone"). */
export function zoneAt(lat: number, lon: number): string {
  return tzLookup(lat, lon);
}
