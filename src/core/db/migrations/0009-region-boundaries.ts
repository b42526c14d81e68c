/**
 * Region boundaries for the dispatch map: a GeoJSON Polygon or MultiPolygon geometry ([lon, lat], WGS 84), shipped
 * with the data so the map needs no online tiles. Null where a region has none (the map then falls back to a plain
 * grid). Shipped: never edit, add a new migration.
 */
export default /* sql */ `
ALTER TABLE regions ADD COLUMN boundary_geojson TEXT CHECK (boundary_geojson IS NULL OR json_valid(boundary_geojson));
`;
