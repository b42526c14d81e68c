import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core';
import type { SlaMetric } from '../../../src/core/db/schema';
import { api, startTestServer, type TestServer } from '../helpers/test-server';
import { insertAlerts, insertCorrectiveActions, insertOrders, pickCustomers, type CustomerRef } from './report-fixture';
import { csvSection, download, inspectPdf, parseCsv, rowLine, section } from './report-files';
import { actions, alerts, FROM, handCount, NOW, ORDERS, pct, TO, type Counts } from './report-scenario';

let server: TestServer;
let customers: { A: CustomerRef; B: CustomerRef };
let orders: Record<string, { id: string; number: string }>;

const METRICS: [SlaMetric, string][] = [
  ['response', 'Response'],
  ['arrival', 'Arrival'],
  ['resolution', 'Resolution'],
];
const period = `from=${new Date(FROM).toISOString()}&to=${new Date(TO).toISOString()}`;

beforeAll(async () => {
  server = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
  const db = server.database.db;
  customers = await pickCustomers(db);
  orders = await insertOrders(db, customers, ORDERS);
  await insertAlerts(db, alerts((key) => orders[key]!.id));
  await insertCorrectiveActions(db, actions((key) => orders[key]!.id));
});
afterAll(async () => server.stop());

/** The cells of an adherence row as the PDF prints them: met, missed, breached, counted, adherence. */
const adherenceCells = (label: string, c: Counts) => [label, String(c.met), String(c.missed), String(c.breached), String(c.counted), pct(c.adherence)];

describe('compliance report figures', () => {
  it('counts adherence as DOMAIN.md defines it, the same in JSON, PDF and CSV', async () => {
    const expected = handCount(ORDERS, FROM, TO);
    // The scenario was built for these figures; the hand count must agree before anything else is compared.
    expect([expected.response, expected.arrival, expected.resolution].map((c) => [c.met, c.missed, c.breached])).toEqual([
      [4, 1, 0],
      [2, 1, 1],
      [1, 1, 2],
    ]);

    const json = await api(server.url, `/api/v1/reports/compliance?${period}`);
    expect(json.status).toBe(200);
    for (const [metric] of METRICS) {
      expect(json.body.adherence[metric]).toMatchObject({ met: expected[metric].met, missed: expected[metric].missed, breached: expected[metric].breached });
      expect(json.body.adherence[metric].adherence).toBeCloseTo(expected[metric].adherence!, 4);
    }

    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${period}`)).bytes);
    const adherence = section(pdf.text, '1 Adherence by metric', '2 Trend');
    expect(rowLine(adherence, adherenceCells('Response', expected.response))).toBeDefined();
    expect(rowLine(adherence, ['Response', '4', '1', '0', '5', '80.0 %'])).toBeDefined();
    expect(rowLine(adherence, adherenceCells('Arrival', expected.arrival))).toBeDefined();
    expect(rowLine(adherence, adherenceCells('Resolution', expected.resolution))).toBeDefined();

    const csv = parseCsv((await download(server.url, `/api/v1/reports/compliance.csv?${period}`)).bytes.toString('utf8'));
    const rows = csvSection(csv, 'adherence');
    for (const [metric] of METRICS) {
      const row = rows.find((r) => r.metric === metric)!;
      expect([row.met, row.missed, row.breached, row.counted].map(Number)).toEqual([expected[metric].met, expected[metric].missed, expected[metric].breached, expected[metric].counted]);
      expect(Number(row.adherence)).toBeCloseTo(expected[metric].adherence!, 4);
    }
  });

  it('agrees with sla.adherence for the same unfiltered period', async () => {
    const report = (await api(server.url, `/api/v1/reports/compliance?${period}`)).body;
    const adherence = (await api(server.url, `/api/v1/sla/adherence?${period}`)).body;
    for (const result of adherence.results) {
      const mine = report.adherence[result.metric];
      expect({ met: mine.met, missed: mine.missed, breached: mine.breached, adherence: mine.adherence }).toEqual(result.overall);
    }
  });

  it('breaks adherence down by customer, and a customer filter narrows every figure to that customer', async () => {
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${period}`)).bytes);
    const byCustomer = section(pdf.text, 'By customer', '4 Breaches');
    for (const key of ['A', 'B'] as const) {
      const counts = handCount(ORDERS.filter((o) => o.customer === key), FROM, TO);
      // pdftotext prints the cell "2 / 3" as "2/3".
      const cells = METRICS.flatMap(([m]) => [counts[m].counted === 0 ? '—' : `${counts[m].met}/${counts[m].counted}`, pct(counts[m].adherence)]);
      // Long names are cut with an ellipsis in the PDF: the row is found by the name's start.
      const line = byCustomer.split('\n').find((l) => l.trim().startsWith(customers[key].name.slice(0, 20)));
      expect(line?.trim().split(/\s{2,}/).slice(1)).toEqual(cells);
    }

    const onlyB = handCount(ORDERS.filter((o) => o.customer === 'B'), FROM, TO);
    expect([onlyB.response, onlyB.arrival, onlyB.resolution].map((c) => pct(c.adherence))).toEqual(['66.7 %', '50.0 %', '0.0 %']);
    const filtered = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${period}&customerId=${customers.B.id}`)).bytes);
    const adherence = section(filtered.text, '1 Adherence by metric', '2 Trend');
    for (const [metric, label] of METRICS) expect(rowLine(adherence, adherenceCells(label, onlyB[metric]))).toBeDefined();
    expect(filtered.pages[0]).toContain(`Customer ${customers.B.name}`);
    expect(filtered.text).not.toContain(orders.O1!.number);
  });

  it('filters by priority and region as by hand', async () => {
    const p1 = handCount(ORDERS.filter((o) => o.priority === 'P1'), FROM, TO);
    const byPriority = (await api(server.url, `/api/v1/reports/compliance?${period}&priority=P1`)).body;
    for (const [metric] of METRICS) expect(byPriority.adherence[metric].counted).toBe(p1[metric].counted);
    expect(byPriority.adherence.response.adherence).toBeCloseTo(2 / 3, 4);

    const regionA = handCount(ORDERS.filter((o) => o.customer === 'A'), FROM, TO);
    const csv = parseCsv((await download(server.url, `/api/v1/reports/compliance.csv?${period}&regionId=${customers.A.regionId}`)).bytes.toString('utf8'));
    const adherence = csvSection(csv, 'adherence');
    for (const [metric] of METRICS) expect(Number(adherence.find((r) => r.metric === metric)!.counted)).toBe(regionA[metric].counted);
    expect(csvSection(csv, 'report').find((r) => r.field === 'filter_region')!.value).toBe(customers.A.regionName);
  });
});

describe('compliance report sections', () => {
  it('lists every breach with its overrun, and the orders still breached and open at the end', async () => {
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${period}`)).bytes);
    const breaches = section(pdf.text, '4.1 Breach history', '4.2 Orders breached');
    expect(breaches).toContain('6 clocks missed in the period or breached at its end, all listed, largest overrun first.');
    // O1 resolution: due 12:00, stopped 14:30; O3 arrival: due 4 March 11:00, still running at 9 March 00:00.
    expect(breaches).toMatch(new RegExp(`${orders.O1!.number}.*Resolution\\s+2026-03-02 12:00\\s+2026-03-02 14:30\\s+2 h 30 min`));
    expect(breaches).toMatch(new RegExp(`${orders.O3!.number}.*Arrival\\s+2026-03-04 11:00\\s+open at end\\s+4 d 13 h`));
    const open = section(pdf.text, '4.2 Orders breached', '5 Escalations');
    expect(open).toMatch(new RegExp(`${orders.O3!.number}.*Arrival, Resolution\\s+2026-03-04 11:00\\s+4 d 13 h\\s+en route`));
    expect(open).toMatch(new RegExp(`${orders.O4!.number}.*Resolution\\s+2026-03-08 18:00\\s+6 h 00 min\\s+completed`));

    const csv = parseCsv((await download(server.url, `/api/v1/reports/compliance.csv?${period}`)).bytes.toString('utf8'));
    const rows = csvSection(csv, 'breach');
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.order_number === orders.O1!.number)).toMatchObject({ metric: 'resolution', stopped_at: '2026-03-02T14:30:00.000Z', overrun_seconds: '9000' });
    expect(csvSection(csv, 'open_breached_order').map((r) => r.order_number)).toEqual([orders.O3!.number, orders.O4!.number]);
  });

  it('reports escalations with acknowledgement times, corrective actions with effectiveness, and the audit chain', async () => {
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${period}`)).bytes);
    const escalations = section(pdf.text, '5 Escalations', '6 Corrective actions');
    // Level 1: acknowledged after 2, 5 and 10 min: median 5 min, 90th percentile (3rd of 3) 10 min.
    expect(rowLine(escalations, ['Level 1', '3', '3', '0', '5 min 00 s', '10 min 00 s', '10 min 00 s'])).toBeDefined();
    expect(rowLine(escalations, ['Level 3', '1', '0', '1', '—', '—', '—'])).toBeDefined();
    expect(escalations).toMatch(/2026-03-04 11:00\s+3\s+\S+\s+Arrival breached\s+not acknowledged/);
    const corrective = section(pdf.text, '6 Corrective actions', '7 Audit log');
    // 2 met, 1 missed, 1 pending: effectiveness 2 / 3.
    expect(rowLine(corrective, ['All kinds', '4', '2', '1', '1', '66.7 %'])).toBeDefined();
    expect(rowLine(corrective, ['reassign', '3', '1', '1', '1', '50.0 %'])).toBeDefined();

    const audit = (await api(server.url, '/api/v1/audit/verify')).body;
    expect(audit.ok).toBe(true);
    const statement = section(pdf.text, '7 Audit log verification', '\f');
    expect(statement).toContain(`verified from its first entry to its last: ${audit.count} entries`);
    expect(statement).toContain(audit.firstHash);
    expect(statement).toContain(audit.lastHash);
  });

  it('says "None in this period" for empty sections', async () => {
    const quiet = `from=2026-01-05T00:00:00Z&to=2026-01-12T00:00:00Z`;
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${quiet}`)).bytes);
    expect(rowLine(section(pdf.text, '1 Adherence', '2 Trend'), ['Response', '0', '0', '0', '0', '—'])).toBeDefined();
    expect(section(pdf.text, '2 Trend', '3 Breakdowns')).toContain('None in this period: no clock was counted.');
    expect(section(pdf.text, '5 Escalations', '6 Corrective').replace(/\s+/g, ' ')).toContain('None in this period.');
    expect(section(pdf.text, '6 Corrective actions', '7 Audit').replace(/\s+/g, ' ')).toContain('None in this period.');
  });
});

describe('a period that has not ended', () => {
  // Now is 20 March 12:00. Both response clocks are still running: F1 was due at 10:00, F2 is due at 14:00.
  beforeAll(async () => {
    const spec = (key: string, due: string) => ({
      key, customer: 'B' as const, priority: 'P1' as const, categoryCode: 'LEAK', status: 'new' as const,
      clocks: [{ metric: 'response' as const, state: 'running' as const, startedAt: Date.parse('2026-03-20T09:00:00Z'), dueAt: Date.parse(due), stoppedAt: null }],
    });
    await insertOrders(server.database.db, customers, [spec('F1', '2026-03-20T10:00:00Z'), spec('F2', '2026-03-20T14:00:00Z')]);
  });

  it('is judged as it stands now: a clock not yet due is not breached, whatever the period end', async () => {
    const week = 'from=2026-03-16T00:00:00Z&to=2026-03-23T00:00:00Z';
    const json = (await api(server.url, `/api/v1/reports/compliance?${week}`)).body;
    expect(json.period).toMatchObject({ to: Date.parse('2026-03-23T00:00:00Z'), asOf: NOW });
    expect(json.adherence.response).toEqual({ met: 0, missed: 0, breached: 1, counted: 1, adherence: 0 });
    // Four and a half days: the half day is a bucket of its own, ending now.
    expect(json.trend.points.map((p: any) => p.end)).toEqual([...['17', '18', '19', '20'].map((d) => Date.parse(`2026-03-${d}T00:00:00Z`)), NOW]);
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${week}`)).bytes);
    expect(pdf.pages[0]!.replace(/\s+/g, ' ')).toContain('Figures as of 2026-03-20 12:00: the period had not ended when the report was made');
  });
});

describe('a long breach history', () => {
  // 520 missed response clocks in the week of 2 February, overrun 1 to 520 minutes.
  const week = 'from=2026-02-02T00:00:00Z&to=2026-02-09T00:00:00Z';
  beforeAll(async () => {
    const start = Date.parse('2026-02-03T08:00:00Z');
    const late = Array.from({ length: 520 }, (_, i) => ({
      key: `L${i}`, customer: 'A' as const, priority: 'P3' as const, categoryCode: 'LEAK', status: 'closed' as const,
      clocks: [{ metric: 'response' as const, state: 'missed' as const, startedAt: start, dueAt: start + 3_600_000, stoppedAt: start + 3_600_000 + (i + 1) * 60_000 }],
    }));
    await insertOrders(server.database.db, customers, late);
  });

  it('lists the 500 largest overruns, states the total and the cap, and repeats the header on every page it spans', async () => {
    const pdf = inspectPdf((await download(server.url, `/api/v1/reports/compliance.pdf?${week}`)).bytes);
    const history = section(pdf.text, '4.1 Breach history', '4.2 Orders breached');
    expect(history.replace(/\s+/g, ' ')).toContain(
      '520 clocks missed in the period or breached at its end; the 500 with the largest overrun are listed (the table is capped at 500 rows).',
    );
    expect(history).toMatch(/P3\s+Response\s+2026-02-03 09:00\s+2026-02-03 17:40\s+8 h 40 min/);
    expect(history).toMatch(/21 min 00 s\s*$/m);
    expect(history).not.toMatch(/20 min 00 s/);
    const continued = history.split('Breach history (continued)').length - 1;
    expect(continued).toBeGreaterThanOrEqual(10);
    expect(history.match(/^\s*Order\s+Customer\s+Priority\s+Metric\s+Due\s+Stopped\s+Overrun\s*$/gm)).toHaveLength(continued + 1);
    expect(pdf.pngCount).toBe(pdf.pages.length);

    const csv = parseCsv((await download(server.url, `/api/v1/reports/compliance.csv?${week}`)).bytes.toString('utf8'));
    expect(csvSection(csv, 'breach')).toHaveLength(500);
    expect(csvSection(csv, 'report').find((r) => r.field === 'breaches_total')!.value).toBe('520');
  });
});

describe('compliance report files', () => {
  it('is an A4 PDF download with page numbers, the period and filters on every page, the same bytes every time', async () => {
    const first = await download(server.url, `/api/v1/reports/compliance.pdf?${period}&priority=P1&timeZone=Europe/Amsterdam`);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/pdf');
    expect(first.disposition).toBe('attachment; filename="sla-compliance-2026-03-02-to-2026-03-09.pdf"');
    const pdf = inspectPdf(first.bytes);
    expect(pdf.pngCount).toBe(pdf.pages.length);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pngCount}`);
      expect(page).toContain('2026-03-02 01:00 – 2026-03-09 01:00 (Europe/Amsterdam)');
      expect(page).toContain('Filters: all customers · Priority P1 · all regions · all categories');
    });
    expect((await download(server.url, `/api/v1/reports/compliance.pdf?${period}&priority=P1&timeZone=Europe/Amsterdam`)).bytes.equals(first.bytes)).toBe(true);
    // reports.export (what IPC carries, also on the RPC endpoint) returns the same file, base64-encoded.
    const input = { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString(), priority: 'P1', timeZone: 'Europe/Amsterdam', format: 'pdf' };
    const exported = (await api(server.url, '/api/v1/rpc/reports.export', { body: input })).body;
    expect(exported).toMatchObject({ filename: 'sla-compliance-2026-03-02-to-2026-03-09.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(exported.base64, 'base64').equals(first.bytes)).toBe(true);
  });

  it('is a CSV download whose sections name their columns, quoted as RFC 4180 asks', async () => {
    const file = await download(server.url, `/api/v1/reports/compliance.csv?${period}`);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.disposition).toBe('attachment; filename="sla-compliance-2026-03-02-to-2026-03-08.csv"');
    const text = file.bytes.toString('utf8');
    const rows = parseCsv(text);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['report', 'field', 'value']);
    expect(text).toContain('\r\nadherence,metric,met,missed,breached,counted,adherence,');
    expect(text).toContain('\r\nadherence,response,4,1,0,5,0.8,');
    expect(csvSection(rows, 'trend').filter((r) => r.metric === 'arrival').map((r) => r.breached)).toEqual(['0', '0', '1', '1', '1', '1', '1']);
  });
});

describe('compliance report access and validation', () => {
  it('is for managers, admins and API keys with reports:read', async () => {
    const login = async (username: string) => (await api(server.url, '/api/v1/auth/login', { token: null, body: { username, password: `demo-${username}` } })).body.token;
    expect((await download(server.url, `/api/v1/reports/compliance.pdf?${period}`, await login('manager'))).status).toBe(200);
    const refused = await api(server.url, `/api/v1/reports/compliance.csv?${period}`, { token: await login('dispatcher') });
    expect([refused.status, refused.contentType]).toEqual([403, 'application/problem+json; charset=utf-8']);
    expect((await api(server.url, `/api/v1/reports/compliance.pdf?${period}`, { token: null })).status).toBe(401);
    const key = async (scopes: string[]) => (await api(server.url, '/api/v1/api-keys', { body: { kind: 'integration', name: `Auditor ${scopes}`, scopes } })).body.secret;
    expect((await download(server.url, `/api/v1/reports/compliance.csv?${period}`, await key(['reports:read']))).status).toBe(200);
    expect((await download(server.url, `/api/v1/reports/compliance.csv?${period}`, await key(['work-orders:read']))).status).toBe(403);
  });

  it.each([
    ['a period that ends before it starts', `from=${new Date(TO).toISOString()}&to=${new Date(FROM).toISOString()}`, 'to'],
    ['an unknown priority', `${period}&priority=P9`, 'priority'],
    ['an unknown customer', `${period}&customerId=cus_nobody`, 'customerId'],
    ['an unknown zone', `${period}&timeZone=Mars/Olympus`, 'timeZone'],
    ['a missing start', `to=${new Date(TO).toISOString()}`, 'from'],
    ['an unknown field', `${period}&format=xlsx`, 'format'],
  ])('refuses %s with a 400 problem naming the field', async (_case, query, field) => {
    for (const path of ['/api/v1/reports/compliance.pdf', '/api/v1/reports/compliance.csv', '/api/v1/reports/compliance']) {
      const response = await api(server.url, `${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});
