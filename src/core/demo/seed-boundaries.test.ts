import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionBoundary } from '../../shared/schemas/reference.schema';
import { openDatabase, type AppDatabase } from '../db/open-database';
import { seedDemo } from './seed-demo';

const NOW = Date.UTC(2026, 2, 10, 10, 0);
let store: AppDatabase;

const boundaries = () =>
  store.sqlite.prepare('SELECT code, boundary_geojson AS b FROM regions ORDER BY code').all() as { code: string; b: string | null }[];

beforeAll(async () => {
  store = openDatabase({ file: ':memory:' });
  await seedDemo(store.db, { seed: 7, now: NOW });
});
afterAll(() => store.close());

describe('demo region boundaries in the store', () => {
  it('stores a valid GeoJSON polygon for every region at seed time', () => {
    const rows = boundaries();
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(RegionBoundary.parse(JSON.parse(row.b!)).type).toBe('Polygon');
  });

  it('gives a demo store seeded before boundaries existed its boundaries on the next start, but not an edited region', async () => {
    const before = boundaries();
    store.sqlite.exec(`UPDATE regions SET boundary_geojson = NULL`);
    store.sqlite.exec(`UPDATE regions SET center_lat = center_lat + 0.01 WHERE code = 'HBR'`);
    const again = await seedDemo(store.db, { seed: 7, now: NOW + 1000 });
    expect(again.seeded).toBe(false);
    expect(boundaries()).toEqual(before.map((row) => (row.code === 'HBR' ? { ...row, b: null } : row)));
  });
});
