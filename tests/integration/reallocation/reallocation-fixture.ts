import { afterAll, beforeAll, expect } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A small centre built by hand, so every figure in the reallocation tests can be checked with a pencil: one 24x7
 * calendar, a P1 policy (arrival 60 min, resolution 4 h, warnings at 75 / 90 %), a P4 policy (arrival 8 h,
 * resolution 24 h), one category (60 min, HVAC level 2), and technicians placed due north of the sites, where
 * the great-circle distance is exact: the drive is km × 1.3 road factor ÷ 40 km/h × 60 = km × 1.95 min.
 */

// Monday 2 March 2026, 09:00 UTC.
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
const KM_PER_DEGREE_LAT = (6371.0088 * Math.PI) / 180;

export interface Place {
  lat: number;
  lon: number;
}

/** A point `km` due north of `from`. */
export const north = (from: Place, km: number): Place => ({ lat: from.lat + km / KM_PER_DEGREE_LAT, lon: from.lon });

export interface TechnicianSpec {
  id: string;
  name: string;
  at: Place;
  capacityMinutes?: number;
  status?: 'available' | 'unavailable';
}

export function useReallocationCentre(technicians: TechnicianSpec[]) {
  const clock = new ManualClock(T0);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock, scheduler: false, demo: false });
    await seedReference(server, technicians);
    // Nobody is requeued for not accepting while a test moves the clock by hours.
    expect((await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'approve', acceptTimeoutSeconds: 86_400 } })).status).toBe(200);
  });
  afterAll(async () => server.stop());

  const at = (minutes: number) => clock.set(T0 + minutes * MIN);
  const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
  let requests = 0;
  return {
    clock,
    get server() {
      return server;
    },
    at,
    iso,
    api: (path: string, init?: Parameters<typeof api>[2]) => api(server.url, path, init),
    /** A service request through the real intake; returns the created order. */
    async createOrder(site: Place, priority: 'P1' | 'P4') {
      const key = `realloc-${++requests}`;
      const response = await api(server.url, '/api/v1/service-requests', {
        body: {
          idempotencyKey: key,
          categoryCode: 'FIX',
          priority,
          description: `Reallocation test ${key}`,
          customer: { externalId: `C-${key}`, name: `Customer ${key}` },
          site: { externalId: `S-${key}`, name: 'Site', address: 'Noordweg 1', lat: site.lat, lon: site.lon },
        },
      });
      expect(response.status).toBe(201);
      return response.body;
    },
    async order(id: string) {
      const response = await api(server.url, `/api/v1/work-orders/${id}`);
      expect(response.status).toBe(200);
      return response.body;
    },
    /** A dispatcher's hand assignment (dispatched at once). */
    async assign(id: string, technicianId: string) {
      const { version } = (await api(server.url, `/api/v1/work-orders/${id}`)).body;
      const response = await api(server.url, `/api/v1/work-orders/${id}/assign`, { body: { version, technicianId } });
      expect(response.status).toBe(200);
      return response.body;
    },
    /** The technician accepts and reports on site at `minutes` after T0 (the clock is moved there). */
    async arrive(id: string, minutes: number) {
      at(minutes);
      expect((await api(server.url, `/api/v1/work-orders/${id}/accept`, { body: { at: iso(minutes) } })).status).toBe(200);
      expect((await api(server.url, `/api/v1/work-orders/${id}/progress`, { body: { status: 'on_site', at: iso(minutes) } })).status).toBe(200);
    },
    period: (fromMinutes: number, toMinutes: number) => `from=${iso(fromMinutes)}&to=${iso(toMinutes)}`,
  };
}

async function seedReference(server: TestServer, technicians: TechnicianSpec[]): Promise<void> {
  const db = server.database.db;
  const stamp = { created_at: T0, updated_at: T0 };
  const allDay = [['00:00', '24:00']];
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]));
  await db.insertInto('skills').values({ id: 'sk_hvac', code: 'HVAC', name: 'HVAC' }).execute();
  await db.insertInto('calendars').values({ id: 'cal_247', name: '24x7', time_zone: 'UTC', week_json: JSON.stringify(week), ...stamp }).execute();
  await db.insertInto('categories').values({ id: 'cat_fix', code: 'FIX', name: 'Fix', default_priority: 'P3', estimated_minutes: 60, ...stamp }).execute();
  await db.insertInto('category_skills').values({ category_id: 'cat_fix', skill_id: 'sk_hvac', min_level: 2 }).execute();
  const policies = [
    { id: 'sla_p1', priority: 'P1' as const, arrival: HOUR, resolution: 4 * HOUR },
    { id: 'sla_p4', priority: 'P4' as const, arrival: 8 * HOUR, resolution: 24 * HOUR },
  ];
  for (const p of policies) {
    await db
      .insertInto('sla_policies')
      .values({ id: p.id, name: `${p.priority} test`, priority: p.priority, calendar_id: 'cal_247', warning_thresholds_json: '[75,90]', ...stamp })
      .execute();
    await db
      .insertInto('sla_targets')
      .values([
        { policy_id: p.id, metric: 'arrival', target_seconds: p.arrival / 1000 },
        { policy_id: p.id, metric: 'resolution', target_seconds: p.resolution / 1000 },
      ])
      .execute();
  }
  for (const t of technicians) {
    await db
      .insertInto('technicians')
      .values({ id: t.id, name: t.name, team: 'Test', home_lat: t.at.lat, home_lon: t.at.lon, status: t.status ?? 'available', daily_capacity_minutes: t.capacityMinutes ?? 480, time_zone: 'UTC', ...stamp })
      .execute();
    await db.insertInto('technician_skills').values({ technician_id: t.id, skill_id: 'sk_hvac', level: 3, certified_until: null }).execute();
    await db
      .insertInto('shifts')
      .values(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((weekday) => ({ id: `sh_${t.id}_${weekday}`, technician_id: t.id, weekday: weekday as 'mon', start_time: '00:00', end_time: '24:00' })))
      .execute();
  }
}
