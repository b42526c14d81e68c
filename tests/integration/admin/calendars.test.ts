import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince, column } from './admin-fixture';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ scheduler: false });
});
afterAll(async () => server.stop());

const NIGHTS = { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']] };

describe('calendar administration', () => {
  let id: string;

  it('creates a calendar that the list then shows, audited with its state after', async () => {
    const seq = auditHead(server);
    const created = await api(server.url, '/api/v1/calendars', {
      body: { name: 'Night shift', timeZone: 'Europe/Amsterdam', week: NIGHTS, overrides: [{ date: '2027-12-31', intervals: [] }] },
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toEqual({
      id,
      name: 'Night shift',
      calendar: { timeZone: 'Europe/Amsterdam', week: NIGHTS, holidays: [], overrides: [{ date: '2027-12-31', intervals: [] }] },
      namedHolidays: [],
    });
    const list = await api(server.url, '/api/v1/calendars');
    expect(list.body.find((c: any) => c.id === id)).toEqual(created.body);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'calendar.created', entityType: 'calendar', entityId: id, before: undefined, after: created.body }]);
  });

  it('updates name, zone and week, replacing the overrides, with before and after in the audit', async () => {
    const seq = auditHead(server);
    const updated = await api(server.url, `/api/v1/calendars/${id}`, {
      method: 'PATCH',
      body: { name: 'Night shift (Lisbon)', timeZone: 'Europe/Lisbon', overrides: [{ date: '2027-06-13', intervals: [['10:00', '14:00']] }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('Night shift (Lisbon)');
    expect(updated.body.calendar).toEqual({
      timeZone: 'Europe/Lisbon',
      week: NIGHTS,
      holidays: [],
      overrides: [{ date: '2027-06-13', intervals: [['10:00', '14:00']] }],
    });
    const [entry] = auditSince(server, seq);
    expect(entry).toMatchObject({ action: 'calendar.updated', entityId: id });
    expect([entry!.before.name, entry!.before.calendar.timeZone, entry!.after.name, entry!.after.calendar.timeZone]).toEqual([
      'Night shift',
      'Europe/Amsterdam',
      'Night shift (Lisbon)',
      'Europe/Lisbon',
    ]);
  });

  it('adds and removes a holiday, moving updated_at each time', async () => {
    const stamp = () => column(server, 'calendars', 'updated_at', id) as number;
    const first = stamp();
    const added = await api(server.url, `/api/v1/calendars/${id}/holidays`, { body: { date: '2027-11-11', name: 'Sint-Maarten' } });
    expect(added.status).toBe(201);
    expect(added.body.namedHolidays).toEqual([{ date: '2027-11-11', name: 'Sint-Maarten' }]);
    const second = stamp();
    expect(second).toBeGreaterThan(first);
    const twice = await api(server.url, `/api/v1/calendars/${id}/holidays`, { body: { date: '2027-11-11', name: 'Again' } });
    expect([twice.status, twice.body.errors]).toEqual([409, [{ path: 'date', message: 'already a holiday' }]]);
    const removed = await api(server.url, `/api/v1/calendars/${id}/holidays/2027-11-11`, { method: 'DELETE' });
    expect([removed.status, removed.body.calendar.holidays]).toEqual([200, []]);
    expect(stamp()).toBeGreaterThan(second);
    const gone = await api(server.url, `/api/v1/calendars/${id}/holidays/2027-11-11`, { method: 'DELETE' });
    expect(gone.status).toBe(404);
  });

  it('refuses a bad zone, a 25:00 interval, a 24:00 start, a date not on the calendar: 400 naming the field, nothing written', async () => {
    const counts = rowCounts(server);
    const base = { name: 'Broken', timeZone: 'Europe/Amsterdam', week: { mon: [['08:00', '17:00']] } };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'must be an IANA time zone'],
      [{ week: { mon: [['08:00', '25:00']] } }, 'week.mon.0.1', 'must be a local time HH:MM'],
      [{ week: { mon: [['24:00', '08:00']] } }, 'week.mon.0.0', '"24:00" is allowed only as an end'],
      [{ week: { monday: [['08:00', '17:00']] } }, 'week.monday', 'unknown field'],
      [{ overrides: [{ date: '2027-02-30', intervals: [] }] }, 'overrides.0.date', 'not a date on the calendar'],
      [{ overrides: [{ date: '2027-03-01', intervals: [] }, { date: '2027-03-01', intervals: [] }] }, 'overrides.1.date', 'date "2027-03-01" is listed twice'],
    ];
    for (const [change, path, message] of cases) {
      const response = await api(server.url, '/api/v1/calendars', { body: { ...base, ...change } });
      expect([response.status, response.body.errors]).toEqual([400, [{ path, message }]]);
    }
    const patch = await api(server.url, `/api/v1/calendars/${id}`, { method: 'PATCH', body: { timeZone: 'Nowhere/Else' } });
    expect([patch.status, patch.body.errors[0].path]).toEqual([400, 'timeZone']);
    expect(rowCounts(server)).toEqual(counts);
  });

  it('answers 404 for an unknown calendar and 409 for a taken name', async () => {
    const missing = await api(server.url, '/api/v1/calendars/cal_missing', { method: 'PATCH', body: { name: 'X' } });
    expect([missing.status, missing.body.detail]).toEqual([404, 'No calendar with id "cal_missing".']);
    const taken = await api(server.url, `/api/v1/calendars/${id}`, { method: 'PATCH', body: { name: '24x7' } });
    expect([taken.status, taken.body.errors]).toEqual([409, [{ path: 'name', message: 'already taken' }]]);
  });

  it('deletes an unused calendar (audited with its state before) and refuses one that policies use, saying what uses it', async () => {
    const used = await api(server.url, '/api/v1/calendars/cal_business', { method: 'DELETE' });
    expect(used.status).toBe(409);
    expect(used.body.detail).toBe('The calendar "Business hours" is still used by 2 SLA policies; it cannot be deleted.');
    const seq = auditHead(server);
    const deleted = await api(server.url, `/api/v1/calendars/${id}`, { method: 'DELETE' });
    expect([deleted.status, deleted.body.id]).toEqual([200, id]);
    expect(auditSince(server, seq)).toMatchObject([{ action: 'calendar.deleted', entityId: id, after: undefined, before: { name: 'Night shift (Lisbon)' } }]);
    expect((await api(server.url, '/api/v1/calendars')).body.some((c: any) => c.id === id)).toBe(false);
  });

  it('is for admins only', async () => {
    const login = await api(server.url, '/api/v1/auth/login', { token: null, body: { username: 'manager', password: 'demo-manager' } });
    const refused = await api(server.url, '/api/v1/calendars', { token: login.body.token, body: { name: 'M', timeZone: 'UTC', week: {} } });
    expect(refused.status).toBe(403);
  });
});
