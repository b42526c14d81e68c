import { expect } from 'vitest';
import { ManualClock } from '../../../../src/core';
import { api, startTestServer, type ApiResponse, type TestServer } from '../../helpers/test-server';

/**
 * A small centre built through the admin API for the audit coverage test: one 24x7 calendar, a P1 policy (arrival
 * 60 min, resolution 4 h, warnings at 75 / 90 %, escalating to dispatchers at 75 %), one category (60 min, HVAC
 * level 2), and two technicians due north of the site (10 and 40 km), on shift around the clock.
 */

// Monday 2 March 2026, 09:00 UTC.
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MIN = 60_000;
export const SITE = { lat: 52.0, lon: 5.0 };
const KM_PER_DEGREE_LAT = (6371.0088 * Math.PI) / 180;
/** A point `km` due north of `from`, where the great-circle distance is exact. */
export const north = (km: number, from = SITE) => ({ lat: from.lat + km / KM_PER_DEGREE_LAT, lon: from.lon });
const ALL_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface World {
  server: TestServer;
  clock: ManualClock;
  /** Calls a method over HTTP through the RPC endpoint; the admin token unless another is given. */
  call(method: string, input: unknown, token?: string): Promise<ApiResponse>;
  /** Like `call`, and fails the test unless it succeeded; returns the body. */
  ok(method: string, input: unknown, token?: string): Promise<any>;
  /** Entities made along the way, by name. */
  ids: Record<string, string>;
  /** A new P1 work order at `site` through the real intake (proposed to the nearest technician). */
  newOrder(site?: { lat: number; lon: number }): Promise<any>;
  /** A technician on shift around the clock with HVAC level 3, whose home base is `home`. */
  newTechnician(name: string, home: { lat: number; lon: number }): Promise<string>;
  /** The order's current version. */
  version(orderId: string): Promise<number>;
}

export async function buildWorld(): Promise<World> {
  const clock = new ManualClock(T0);
  const server = await startTestServer({ clock, scheduler: false, demo: false });
  const call = (method: string, input: unknown, token?: string) => api(server.url, `/api/v1/rpc/${method}`, { body: input ?? {}, ...(token ? { token } : {}) });
  const ok = async (method: string, input: unknown, token?: string) => {
    const response = await call(method, input, token);
    expect(response.status, `${method}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };
  const ids: Record<string, string> = {};
  let requests = 0;
  const world: World = {
    server,
    clock,
    call,
    ok,
    ids,
    newOrder: (site = SITE) =>
      ok('serviceRequests.create', {
        idempotencyKey: `audit-${++requests}`,
        categoryCode: 'FIX',
        priority: 'P1',
        description: `Audit coverage order ${requests}`,
        customer: { externalId: `C-${requests}`, name: `Customer ${requests}` },
        site: { externalId: `S-${requests}`, name: 'Site', address: 'Noordweg 1', ...site },
      }),
    newTechnician: async (name, home) =>
      (
        await ok('technicians.create', {
          name,
          team: 'North',
          home,
          timeZone: 'UTC',
          dailyCapacityMinutes: 1440,
          skills: [{ skillCode: 'hvac', level: 3 }],
          shifts: ALL_WEEK.map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        })
      ).id,
    version: async (orderId) => (await ok('workOrders.get', { id: orderId })).version,
  };
  await seed(world);
  return world;
}

async function seed({ ok, ids, newTechnician }: World): Promise<void> {
  // Nobody is requeued for not accepting while the test moves the clock.
  await ok('settings.setDispatch', { mode: 'approve', acceptTimeoutSeconds: 86_400 });
  await ok('skills.create', { code: 'hvac', name: 'HVAC' });
  const week = Object.fromEntries(ALL_WEEK.map((d) => [d, [['00:00', '24:00']]]));
  ids.calendar = (await ok('calendars.create', { name: '24x7', timeZone: 'UTC', week })).id;
  ids.protocol = (
    await ok('escalationProtocols.create', {
      name: 'Dispatch desk',
      levels: [{ level: 1, threshold: { kind: 'percent', percent: 75 }, notify: ['dispatcher'], channels: ['in_app'], ackTimeoutSeconds: 900 }],
    })
  ).id;
  ids.category = (await ok('categories.create', { code: 'FIX', name: 'Fix', defaultPriority: 'P3', estimatedMinutes: 60, requiredSkills: [{ skillCode: 'hvac', minLevel: 2 }] })).id;
  ids.policy = (
    await ok('slaPolicies.create', {
      name: 'P1 test',
      match: { priority: 'P1' },
      calendarId: ids.calendar,
      targets: [
        { metric: 'arrival', targetSeconds: 3600 },
        { metric: 'resolution', targetSeconds: 4 * 3600 },
      ],
      pausingReasons: ['waiting_parts'],
      reopenWindowSeconds: 7 * 86_400,
      escalationProtocolId: ids.protocol,
    })
  ).id;
  ids.near = await newTechnician('Tech near', north(10));
  ids.far = await newTechnician('Tech far', north(40));
  ids.deviceToken = (await ok('apiKeys.create', { kind: 'device', name: 'Phone near', technicianId: ids.near })).secret;
}
