import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince } from './admin-fixture';

let server: TestServer;
let regionId: string;
let vehicleId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
  regionId = (await api(server.url, '/api/v1/regions')).body[0].id;
  vehicleId = (await api(server.url, '/api/v1/vehicles', { body: { registration: 'WF-1', label: 'New van', capabilities: ['van'] } })).body.id;
  for (const role of ['manager', 'dispatcher']) {
    tokens[role] = (await api(server.url, '/api/v1/auth/login', { token: null, body: { username: role, password: `demo-${role}` } })).body.token;
  }
});
afterAll(async () => server.stop());

const CERTIFIED_UNTIL = Date.parse('2028-01-01T00:00:00Z');
const SAM = () => ({
  name: 'Sam de Vries',
  team: 'North',
  regionId,
  home: { lat: 52.39, lon: 4.9 },
  dailyCapacityMinutes: 480,
  skills: [{ skillCode: 'plumbing', level: 3, certifiedUntil: CERTIFIED_UNTIL }],
  vehicleId,
  shifts: [
    { weekday: 'tue', start: '22:00', end: '06:00' },
    { weekday: 'mon', start: '08:00', end: '17:00' },
  ],
});

describe('technicians', () => {
  let sam: any;

  it('creates a technician, zone derived from the home base, which the list then shows', async () => {
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/technicians', { body: SAM() });
    expect(created.status).toBe(201);
    sam = created.body;
    expect(sam).toMatchObject({
      name: 'Sam de Vries',
      externalId: null,
      team: 'North',
      regionId,
      status: 'available',
      home: { lat: 52.39, lon: 4.9 },
      position: null,
      dailyCapacityMinutes: 480,
      skills: [{ skillCode: 'plumbing', level: 3, certifiedUntil: CERTIFIED_UNTIL }],
      vehicle: { id: vehicleId, registration: 'WF-1', status: 'in_service', capabilities: ['van'] },
      shifts: [
        { weekday: 'mon', start: '08:00', end: '17:00' },
        { weekday: 'tue', start: '22:00', end: '06:00' },
      ],
      timeZone: 'Europe/Amsterdam',
      active: true,
    });
    expect((await api(server.url, '/api/v1/technicians')).body.find((t: any) => t.id === sam.id)).toEqual(sam);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'technician.created', entityType: 'technician', entityId: sam.id, after: sam }]);
  });

  it('updates capacity, skills and shifts (replaced), with before and after in the audit', async () => {
    const seq = auditHead(server);
    const updated = await api(server.url, `/api/v1/technicians/${sam.id}`, {
      method: 'PATCH',
      body: { dailyCapacityMinutes: 420, skills: [{ skillCode: 'hvac', level: 2 }], shifts: [{ weekday: 'fri', start: '07:00', end: '15:00' }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      dailyCapacityMinutes: 420,
      skills: [{ skillCode: 'hvac', level: 2, certifiedUntil: null }],
      shifts: [{ weekday: 'fri', start: '07:00', end: '15:00' }],
    });
    expect(auditSince(server, seq)).toMatchObject([
      { action: 'technician.updated', before: { dailyCapacityMinutes: 480, skills: sam.skills }, after: { dailyCapacityMinutes: 420, skills: updated.body.skills } },
    ]);
  });

  it('refuses a negative capacity, a level 6, an unknown skill, a 25:00 shift, a bad zone: 400 naming the field, nothing written', async () => {
    const counts = rowCounts(server);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dailyCapacityMinutes: -30 }, 'dailyCapacityMinutes', 'must not be negative'],
      [{ skills: [{ skillCode: 'plumbing', level: 6 }] }, 'skills.0.level', 'levels run from 1 to 5'],
      [{ skills: [{ skillCode: 'astrology', level: 2 }] }, 'skills.0.skillCode', 'unknown skill "astrology"'],
      [{ shifts: [{ weekday: 'mon', start: '08:00', end: '25:00' }] }, 'shifts.0.end', 'must be a local time HH:MM'],
      [{ shifts: [{ weekday: 'mon', start: '24:00', end: '08:00' }] }, 'shifts.0.start', '"24:00" is allowed only as an end'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'must be an IANA time zone, e.g. Europe/Amsterdam'],
      [{ regionId: 'reg_nowhere' }, 'regionId', 'unknown region'],
      [{ home: { lat: 91, lon: 4.9 } }, 'home.lat', 'Too big: expected number to be <=90'],
    ];
    for (const [change, path, message] of cases) {
      const response = await api(server.url, '/api/v1/technicians', { body: { ...SAM(), vehicleId: null, ...change } });
      expect([response.status, response.body.errors]).toEqual([400, [{ path, message }]]);
    }
    const patch = await api(server.url, `/api/v1/technicians/${sam.id}`, { method: 'PATCH', body: { skills: [{ skillCode: 'hvac', level: 0 }] } });
    expect([patch.status, patch.body.errors]).toEqual([400, [{ path: 'skills.0.level', message: 'levels run from 1 to 5' }]]);
    expect(rowCounts(server)).toEqual(counts);
  });

  it('refuses a vehicle someone else drives and a taken external id (409 naming the field), and an unknown technician (404)', async () => {
    const driven = await api(server.url, '/api/v1/technicians', { body: { ...SAM(), name: 'Other' } });
    expect([driven.status, driven.body.errors]).toEqual([409, [{ path: 'vehicleId', message: 'already assigned to another technician' }]]);
    await api(server.url, `/api/v1/technicians/${sam.id}`, { method: 'PATCH', body: { externalId: 'HR-77' } });
    const taken = await api(server.url, '/api/v1/technicians', { body: { ...SAM(), vehicleId: null, externalId: 'HR-77' } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'externalId', message: 'already taken' }]]);
    const missing = await api(server.url, '/api/v1/technicians/tech_nope', { method: 'PATCH', body: { name: 'X' } });
    expect([missing.status, missing.body.detail]).toEqual([404, 'No technician with id "tech_nope".']);
  });

  it('retires a technician: inactive and unavailable, so never proposed; reactivating makes them available', async () => {
    const retired = await api(server.url, `/api/v1/technicians/${sam.id}`, { method: 'PATCH', body: { active: false } });
    expect(retired.body).toMatchObject({ active: false, status: 'unavailable' });
    const order = await api(server.url, '/api/v1/service-requests', {
      body: {
        idempotencyKey: 'wf-1',
        categoryCode: 'HVAC-FAIL',
        description: 'No heating.',
        customer: { externalId: 'WF-C', name: 'WF customer' },
        site: { externalId: 'WF-S', name: 'Site', address: 'Weg 1', lat: 52.39, lon: 4.9 },
      },
    });
    const candidates = (await api(server.url, `/api/v1/work-orders/${order.body.id}/candidates`)).body;
    expect(candidates.ranked.some((c: any) => c.technicianId === sam.id)).toBe(false);
    expect(candidates.ineligible.find((t: any) => t.technicianId === sam.id).violations).toContainEqual({ constraint: 'status', message: 'is unavailable' });
    const back = await api(server.url, `/api/v1/technicians/${sam.id}`, { method: 'PATCH', body: { active: true } });
    expect(back.body).toMatchObject({ active: true, status: 'available' });
  });

  it('is for admins: a manager may not create or change technicians', async () => {
    expect((await api(server.url, '/api/v1/technicians', { token: tokens.manager!, body: SAM() })).status).toBe(403);
    expect((await api(server.url, `/api/v1/technicians/${sam.id}`, { token: tokens.manager!, method: 'PATCH', body: { name: 'X' } })).status).toBe(403);
  });

  describe('time off', () => {
    const window = { startsAt: Date.parse('2027-07-05T00:00:00Z'), endsAt: Date.parse('2027-07-19T00:00:00Z'), reason: 'Holiday' };

    it('is planned by admins and managers, audited, and listed for dispatchers, who may not change it', async () => {
      const seq = auditHead(server);
      const added = await api(server.url, `/api/v1/technicians/${sam.id}/time-off`, { token: tokens.manager!, body: window });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({ id: added.body.id, technicianId: sam.id, ...window });
      expect(auditSince(server, seq)).toMatchObject([{ action: 'timeOff.added', entityType: 'time_off', entityId: added.body.id, before: undefined, after: added.body }]);
      const listed = await api(server.url, `/api/v1/time-off?technicianId=${sam.id}`, { token: tokens.dispatcher! });
      expect(listed.body).toEqual([added.body]);
      const later = await api(server.url, `/api/v1/time-off?technicianId=${sam.id}&endingAfter=${window.endsAt}`);
      expect(later.body).toEqual([]);
      expect((await api(server.url, `/api/v1/technicians/${sam.id}/time-off`, { token: tokens.dispatcher!, body: window })).status).toBe(403);
      expect((await api(server.url, `/api/v1/time-off/${added.body.id}`, { token: tokens.dispatcher!, method: 'DELETE' })).status).toBe(403);
      const removed = await api(server.url, `/api/v1/time-off/${added.body.id}`, { token: tokens.manager!, method: 'DELETE' });
      expect(removed.body).toEqual(added.body);
      expect(auditSince(server, seq).map((a) => a.action)).toEqual(['timeOff.added', 'timeOff.removed']);
    });

    it('refuses an end before the start (400) and an unknown technician (404)', async () => {
      const backwards = await api(server.url, `/api/v1/technicians/${sam.id}/time-off`, { body: { ...window, endsAt: window.startsAt } });
      expect([backwards.status, backwards.body.errors]).toEqual([400, [{ path: 'endsAt', message: 'must be after startsAt' }]]);
      expect((await api(server.url, '/api/v1/technicians/tech_nope/time-off', { body: window })).status).toBe(404);
      expect((await api(server.url, '/api/v1/time-off/off_nope', { method: 'DELETE' })).status).toBe(404);
    });
  });
});
