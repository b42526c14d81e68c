import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import { api, rowCounts, startTestServer, type TestServer } from '../helpers/test-server';
import { auditHead, auditSince, column } from './admin-fixture';

// Monday 26 April 2027, 16:00 in Amsterdam (UTC+2); the next day is King's Day.
const clock = new ManualClock(Date.parse('2027-04-26T14:00:00Z'));
let server: TestServer;
let calendarId: string;
let categoryCode: string;

const WEEKDAYS_08_17 = { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']], fri: [['08:00', '17:00']] };

beforeAll(async () => {
  server = await startTestServer({ clock, scheduler: false });
  const calendar = await api(server.url, '/api/v1/calendars', { body: { name: 'Weekdays 08-17', timeZone: 'Europe/Amsterdam', week: WEEKDAYS_08_17 } });
  calendarId = calendar.body.id;
  const category = await api(server.url, '/api/v1/categories', {
    body: { code: 'SOLAR-FAULT', name: 'Solar installation fault', defaultPriority: 'P3', estimatedMinutes: 60 },
  });
  categoryCode = category.body.code;
  // Category-specific and ranked above the demo's priority policies (also specificity 1, rank 10), so it wins.
  const policy = await api(server.url, '/api/v1/sla-policies', {
    body: {
      name: 'Solar weekdays',
      rank: 50,
      match: { categoryId: category.body.id },
      calendarId,
      targets: [
        { metric: 'response', targetSeconds: 4 * 3600 },
        { metric: 'arrival', targetSeconds: 9 * 3600 },
        { metric: 'resolution', targetSeconds: 18 * 3600 },
      ],
    },
  });
  expect([calendar.status, category.status, policy.status]).toEqual([201, 201, 201]);
});
afterAll(async () => server.stop());

const order = async (key: string) =>
  api(server.url, '/api/v1/service-requests', {
    body: {
      idempotencyKey: key,
      categoryCode,
      priority: 'P3',
      description: 'Inverter shows an earth fault.',
      customer: { externalId: 'SOL-1', name: 'Zonnedak BV' },
      site: { externalId: 'SOL-1-A', name: 'Warehouse roof', address: 'Dijk 4, Rivermouth', lat: 52.36, lon: 4.88 },
    },
  });

const dueTimes = (body: any) => body.sla.targets.map((t: any) => [t.metric, new Date(t.dueAt).toISOString()]);

describe('holiday import from the date-holidays library', () => {
  let before: any;

  it('gives an order created before the import due times across King\'s Day', async () => {
    before = (await order('solar-1')).body;
    expect(before.sla.policyName).toBe('Solar weekdays');
    // From Mon 16:00: response 4 h = Mon 16–17 + Tue 08–11; arrival 9 h = 1 + Tue 08–16; resolution 18 h = 1 + 9 + Wed 08–16.
    expect(dueTimes(before)).toEqual([
      ['response', '2027-04-27T09:00:00.000Z'],
      ['arrival', '2027-04-27T14:00:00.000Z'],
      ['resolution', '2027-04-28T14:00:00.000Z'],
    ]);
  });

  it('adds the public holidays of NL 2027 (King\'s Day, Christmas …) in one audited calendar change', async () => {
    const seq = auditHead(server);
    const updatedAt = column(server, 'calendars', 'updated_at', calendarId) as number;
    const response = await api(server.url, `/api/v1/calendars/${calendarId}/holidays/import`, { body: { country: 'NL', years: [2027] } });
    expect(response.status).toBe(200);
    expect(response.body.added.map((h: any) => h.date)).toEqual([
      '2027-01-01', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26',
    ]);
    expect(response.body.added).toContainEqual({ date: '2027-04-27', name: "King's Day" });
    expect(response.body.added).toContainEqual({ date: '2027-12-25', name: 'Christmas Day' });
    expect(response.body.skipped).toEqual([]);
    expect(response.body.calendar.calendar.holidays).toContain('2027-04-27');
    // The clock stands still, yet updated_at moves: the calendar cache of new orders keys on it.
    expect(column(server, 'calendars', 'updated_at', calendarId)).toBe(updatedAt + 1);
    const audit = auditSince(server, seq);
    expect(audit.map((a) => [a.action, a.entityType, a.entityId])).toEqual([['calendar.holidaysImported', 'calendar', calendarId]]);
    expect(audit[0]!.before.calendar.holidays).toEqual([]);
    expect(audit[0]!.after.calendar.holidays).toHaveLength(9);
  });

  it('gives a new order due times that skip the imported holiday, and leaves the earlier order as it was', async () => {
    const after = (await order('solar-2')).body;
    // Tue 27 April is now a holiday: response = Mon 16–17 + Wed 08–11; arrival = 1 + Wed 08–16; resolution = 1 + 9 (Wed) + Thu 08–16.
    expect(dueTimes(after)).toEqual([
      ['response', '2027-04-28T09:00:00.000Z'],
      ['arrival', '2027-04-28T14:00:00.000Z'],
      ['resolution', '2027-04-29T14:00:00.000Z'],
    ]);
    const earlier = (await api(server.url, `/api/v1/work-orders/${before.id}`)).body;
    expect(dueTimes(earlier)).toEqual(dueTimes(before));
  });

  it('skips dates already present, writing nothing', async () => {
    const counts = rowCounts(server);
    const again = await api(server.url, `/api/v1/calendars/${calendarId}/holidays/import`, { body: { country: 'NL', years: [2027] } });
    expect(again.body.added).toEqual([]);
    expect(again.body.skipped.map((h: any) => h.date)).toContain('2027-04-27');
    expect(rowCounts(server)).toEqual(counts);
  });

  it('imports a region\'s holidays and refuses an unknown country or region, naming the field', async () => {
    const other = await api(server.url, '/api/v1/calendars', { body: { name: 'Munich', timeZone: 'Europe/Berlin', week: WEEKDAYS_08_17 } });
    const bavaria = await api(server.url, `/api/v1/calendars/${other.body.id}/holidays/import`, { body: { country: 'DE', region: 'BY', years: [2027] } });
    // Epiphany and Corpus Christi are public in Bavaria, not in all of Germany.
    expect(bavaria.body.added.map((h: any) => h.date)).toEqual(expect.arrayContaining(['2027-01-06', '2027-05-27']));
    const counts = rowCounts(server);
    const country = await api(server.url, `/api/v1/calendars/${other.body.id}/holidays/import`, { body: { country: 'XX', years: [2027] } });
    expect([country.status, country.body.errors]).toEqual([400, [{ path: 'country', message: 'unknown country' }]]);
    const region = await api(server.url, `/api/v1/calendars/${other.body.id}/holidays/import`, { body: { country: 'DE', region: 'ZZ', years: [2027] } });
    expect([region.status, region.body.errors]).toEqual([400, [{ path: 'region', message: 'unknown region of DE' }]]);
    const years = await api(server.url, `/api/v1/calendars/${other.body.id}/holidays/import`, { body: { country: 'DE', years: [] } });
    expect([years.status, years.body.errors[0].path]).toEqual([400, 'years']);
    const unknown = await api(server.url, '/api/v1/calendars/cal_nope/holidays/import', { body: { country: 'NL', years: [2027] } });
    expect(unknown.status).toBe(404);
    expect(rowCounts(server)).toEqual(counts);
  });
});

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Dispatch tests//EN',
  'BEGIN:VEVENT', 'UID:eve', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20271224', 'DTEND;VALUE=DATE:20271225', 'SUMMARY:Christmas Eve closure', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:xmas', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20271225', 'SUMMARY:Christmas', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:meeting', 'DTSTAMP:20270101T000000Z', 'DTSTART:20270301T090000Z', 'DTEND:20270301T100000Z', 'SUMMARY:Staff meeting', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:company', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20250616', 'RRULE:FREQ=YEARLY', 'SUMMARY:Company day', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:trip', 'DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20270812', 'DTEND;VALUE=DATE:20270814', 'SUMMARY:Team outing', 'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('holiday import from an iCalendar file', () => {
  it('adds all-day events (multi-day ones date by date, recurring ones in the years asked), skips timed events and present dates', async () => {
    const seq = auditHead(server);
    const response = await api(server.url, `/api/v1/calendars/${calendarId}/holidays/import-ics`, { body: { ics: ICS, years: [2027, 2028] } });
    expect(response.status).toBe(200);
    expect(response.body.added).toEqual([
      { date: '2027-06-16', name: 'Company day' },
      { date: '2027-08-12', name: 'Team outing' },
      { date: '2027-08-13', name: 'Team outing' },
      { date: '2027-12-24', name: 'Christmas Eve closure' },
      { date: '2028-06-16', name: 'Company day' },
    ]);
    expect(response.body.skipped).toEqual([{ date: '2027-12-25', name: 'Christmas' }]);
    expect(auditSince(server, seq).map((a) => a.action)).toEqual(['calendar.holidaysImported']);
  });

  it('refuses text that is not an iCalendar, naming the field', async () => {
    const response = await api(server.url, `/api/v1/calendars/${calendarId}/holidays/import-ics`, { body: { ics: 'hello' } });
    expect([response.status, response.body.errors]).toEqual([400, [{ path: 'ics', message: 'not a valid iCalendar text' }]]);
  });
});
