import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core';
import { ensureWebBuild } from '../../src/server/web-build';
import { api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, SCREENSHOT_DIR } from './helpers/browser';
import { LoginPage, ReportsPage, RiskPage, type ReportMetric } from './pages';

/** A Tuesday afternoon in the demo centre (Europe/Amsterdam, 14:30 local): a week of work behind it. */
const START = Date.parse('2026-11-24T13:30:00Z');
/** The morning the two earlier reallocations were applied. */
const MORNING = START - 3 * 60 * 60_000;
const ZONE = 'Europe/Amsterdam';
const SCREEN = { width: 1600, height: 1000 };
const MIN = 60_000;
const METRICS: ReportMetric[] = ['response', 'arrival', 'resolution'];
/** The stale apply the scenario provokes on purpose; any other console error fails the suite. */
const EXPECTED_FAILURES = [{ path: '/api/v1/rpc/reallocation.apply', status: 409 }];

/** Server time that runs at wall-clock speed from wherever the test last set it (seeding moves it forward). */
class SteeredClock implements Clock {
  private offset = 0;
  constructor(start: number) {
    this.set(start);
  }
  now(): number {
    return Date.now() + this.offset;
  }
  set(at: number): void {
    this.offset = at - Date.now();
  }
}

type Category = { code: string; complianceFields: { key: string; type: string; requiredFor: string; options?: string[] }[] };
type Order = { id: string; number: string; version: number; technicianId: string | null };

let server: TestServer;
let browser: Browser;
const clock = new SteeredClock(MORNING);
let key = '';
let manager = '';
let categories: Category[] = [];
let customers: { id: string; sites: { id: string }[] }[] = [];
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const live: Record<string, Order> = {};

const iso = (t: number) => new Date(t).toISOString();
const call = async (path: string, body?: unknown, token?: string) => {
  const response = await api(server.url, path, { ...(body === undefined ? {} : { body }), ...(token ? { token } : {}) });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
};

function compliance(code: string, step: string): Record<string, unknown> | undefined {
  const fields = categories.find((c) => c.code === code)!.complianceFields.filter((f) => f.requiredFor === step);
  if (!fields.length) return undefined;
  return Object.fromEntries(fields.map((f) => [f.key, f.type === 'boolean' ? true : f.type === 'number' ? 1 : (f.options?.[0] ?? 'REF-1')]));
}

let seq = 0;
/** A request received at `receivedAt` (dispatched at once: auto mode), then its technician's reports [status, at]. */
async function order(code: string, receivedAt: number, opts: { priority?: string; customer?: number; steps?: [string, number][] } = {}): Promise<Order> {
  seq += 1;
  const customer = customers[(opts.customer ?? seq * 7) % customers.length]!;
  const created = await call(
    '/api/v1/service-requests',
    {
      idempotencyKey: `reports-risk-${seq}`,
      categoryCode: code,
      ...(opts.priority ? { priority: opts.priority } : {}),
      description: `Reported fault ${seq}.`,
      customer: { id: customer.id },
      site: { id: customer.sites[0]!.id },
      receivedAt: iso(receivedAt),
    },
    key,
  );
  if (opts.steps?.length && created.status === 'dispatched') await report(created.id, code, opts.steps);
  return created;
}

async function report(id: string, code: string, steps: [string, number][]): Promise<void> {
  const events = steps.map(([status, at]) => ({ eventId: `${id}-${status}`, type: 'status', workOrderId: id, at: iso(at), status, ...(compliance(code, status) ? { compliance: compliance(code, status) } : {}) }));
  await call('/api/v1/telemetry', { events }, key);
}

/** A week of finished work, some of it late (the slow ones miss their clocks). */
async function seedWeek(): Promise<void> {
  const codes = ['ELEC-OUTAGE', 'LEAK', 'NETWORK-DOWN', 'FIRE-ALARM', 'HVAC-FAIL', 'ELEVATOR-STUCK'];
  const midnight = Date.parse('2026-11-16T23:00:00Z');
  for (let day = 0; day < 8; day += 1) {
    for (let i = 0; i < 7; i += 1) {
      const receivedAt = midnight + day * 24 * 60 * MIN + (7 + ((i * 5 + day * 3) % 11)) * 60 * MIN + ((i * 17) % 60) * MIN;
      const slow = (i + day) % 5 === 0 ? 2.6 : (i * day) % 7 === 3 ? 1.8 : 1;
      const accept = Math.round((6 + ((i * 7 + day) % 14)) * slow);
      const arrive = accept + Math.round((20 + ((i * 11 + day * 5) % 40)) * slow);
      const done = arrive + Math.round((35 + ((i * 13) % 50)) * slow);
      if (receivedAt + done * MIN > clock.now() - 10 * MIN) continue;
      const at = (m: number) => receivedAt + m * MIN;
      await order(codes[(day + i) % codes.length]!, receivedAt, {
        steps: [['accepted', at(accept)], ['en_route', at(accept + 2)], ['on_site', at(arrive)], ['completed', at(done)]],
      });
    }
  }
}

/**
 * An at-risk P1 set up on purpose: received 100 min ago (arrival due in 20 min), then sent by hand to the eligible
 * technician who arrives after that due instant, so the engine proposes a nearer one.
 */
async function misassigned(customer: number): Promise<{ order: Order; proposals: any[] }> {
  const created = await order('LEAK', clock.now() - 100 * MIN, { priority: 'P1', customer });
  const { ranked } = await call(`/api/v1/work-orders/${created.id}/candidates?limit=50`);
  const late = ranked.find((c: any) => c.reasons.some((r: string) => r.includes('AFTER the arrival due'))) ?? ranked.at(-1);
  const { version } = await call(`/api/v1/work-orders/${created.id}`);
  const assigned = await call(`/api/v1/work-orders/${created.id}/assign`, { version, technicianId: late.technicianId });
  const { proposals } = await call(`/api/v1/reallocation/proposals?orderId=${created.id}`);
  return { order: assigned, proposals };
}

/** This morning: two reallocations applied by the manager, one that worked (on site in time) and one that did not. */
async function seedReallocations(): Promise<void> {
  const cases = [];
  for (const [customer, onSite] of [[3, 9], [40, 35]] as const) {
    const { order: o, proposals } = await misassigned(customer);
    expect(proposals.length, `a proposal for ${o.number}`).toBeGreaterThan(0);
    const p = proposals[0];
    await call('/api/v1/reallocation/apply', { orderId: o.id, version: p.version, metric: p.metric, technicianId: p.technicianId }, manager);
    cases.push({ id: o.id, onSite });
  }
  await server.core.runScheduledJobs();
  await server.core.alerts.settled();
  // The morning's alerts were acknowledged by the desk, one clock after the other, within half an hour (acknowledging
  // one alert acknowledges its clock's others: those answer 409 here).
  for (const [i, alert] of (await call('/api/v1/alerts?status=open&limit=1000')).items.entries()) {
    clock.set(MORNING + (6 + 4 * i) * MIN);
    await api(server.url, `/api/v1/alerts/${alert.id}/acknowledge`, { body: { note: 'seen' }, token: manager });
  }
  clock.set(MORNING + 2 * 60 * MIN);
  const at = (m: number) => MORNING + m * MIN;
  for (const c of cases) await report(c.id, 'LEAK', [['accepted', at(1)], ['en_route', at(2)], ['on_site', at(c.onSite)], ['completed', at(c.onSite + 50)]]);
}

function watch(page: Page): void {
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const url = message.location().url;
    const expected = EXPECTED_FAILURES.some((e) => url.endsWith(e.path) && message.text().includes(`status of ${e.status}`));
    if (!expected) problems.push(`console.${message.type()}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: SCREEN, timezoneId: ZONE, locale: 'en-GB', acceptDownloads: true });
  contexts.push(context);
  await context.clock.install({ time: clock.now() });
  context.on('page', watch);
  return context.newPage();
}

/** Charts and transitions settle first, so each picture shows a quiet screen. */
async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(800);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

beforeAll(async () => {
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  server = await startTestServer({ webRoot, clock });
  browser = await launchChromium();
  await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'auto', acceptTimeoutSeconds: 86_400 } });
  key = (await call('/api/v1/api-keys', { kind: 'integration', name: 'Field engine', scopes: ['telemetry:write', 'requests:write'] })).secret;
  manager = (await call('/api/v1/auth/login', { username: 'manager', password: 'demo-manager' })).token;
  categories = await call('/api/v1/categories');
  customers = (await call('/api/v1/customers?limit=200')).items;
  await seedReallocations();
  await seedWeek();
  clock.set(START);
  live.realloc = (await misassigned(11)).order;
  live.breached = await order('ELEC-OUTAGE', START - 45 * MIN, { priority: 'P1', customer: 25 });
  live.atRisk = await order('NETWORK-DOWN', START - 50 * MIN, { priority: 'P2', customer: 31 });
  await server.core.runScheduledJobs();
  await server.core.alerts.settled();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('Reports window: compliance preview and downloads (manager)', () => {
  let reports: ReportsPage;

  it('previews the last 7 days with the adherence GET /api/v1/reports/compliance gives for the same period', async () => {
    const page = await openPage();
    const login = new LoginPage(page, server.url);
    await login.goto('/reports');
    await login.login('manager', 'demo-manager');
    reports = new ReportsPage(page, server.url);
    await reports.waitPreview();
    const period = await reports.previewPeriod();
    // The seven local days up to today, Amsterdam midnight to midnight.
    expect(period).toEqual({ from: '2026-11-17T23:00:00.000Z', to: '2026-11-24T23:00:00.000Z', timeZone: ZONE });
    const query = new URLSearchParams(period).toString();
    const expected = await call(`/api/v1/reports/compliance?${query}`, undefined, manager);
    for (const metric of METRICS) {
      const a = expected.adherence[metric];
      expect(a.counted, `${metric} counted`).toBeGreaterThan(0);
      expect(await reports.headline(metric).getAttribute('data-adherence')).toBe(String(a.adherence));
      expect(await reports.headlineText(metric)).toEqual({
        value: `${(a.adherence * 100).toFixed(1)} %`,
        counts: `${a.met} met ${a.missed} missed ${a.breached} breached of ${a.counted} counted`,
      });
    }
    expect(await reports.audit.getAttribute('data-ok')).toBe('true');
    expect(await reports.audit.innerText()).toContain(`All ${expected.audit.count.toLocaleString('en-GB')} entries check out`);
    expect(expected.correctiveActions).toMatchObject({ total: 2, met: 1, missed: 1, effectiveness: 0.5 });
    expect(await reports.correctiveActions.getByTestId('report-effectiveness').innerText()).toContain('50.0 %');
    expect(await reports.breachCapNote.innerText()).toBe(`All ${expected.breaches.total} listed.`);
    await reports.trend.locator('canvas').first().waitFor();
    await screenshot(page, 'reports-preview');
    // The sections below the fold, for the record: breaches, then escalations and corrective actions.
    await page.getByTestId('report-breaches-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-preview-breaches');
    await reports.correctiveActions.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'reports-preview-follow-up');
    await page.getByTestId('report-header').scrollIntoViewIfNeeded();
  });

  it('narrows the report with a filter and says when the preview is out of date', async () => {
    await reports.chooseFilter('priority', 'P1 Critical');
    await reports.page.getByTestId('report-stale').waitFor();
    await reports.previewButton.click();
    await reports.waitPreview();
    const query = new URLSearchParams({ ...(await reports.previewPeriod()), priority: 'P1' }).toString();
    const expected = await call(`/api/v1/reports/compliance?${query}`, undefined, manager);
    expect(expected.filters.priority).toBe('P1');
    for (const metric of METRICS) expect(await reports.headline(metric).getAttribute('data-adherence')).toBe(String(expected.adherence[metric].adherence ?? ''));
  });

  it('downloads the PDF and the CSV of the same period through the binary routes', async () => {
    const pdf = await reports.download('pdf');
    expect(pdf.suggestedFilename()).toBe('sla-compliance-2026-11-18-to-2026-11-24.pdf');
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026-11-18 00:00 – 2026-11-25 00:00 (Europe/Amsterdam)');
    expect(text).toContain('Priority P1');

    const csv = await reports.download('csv');
    expect(csv.suggestedFilename()).toBe('sla-compliance-2026-11-18-to-2026-11-24.csv');
    expect(readFileSync(await csv.path(), 'utf8')).toMatch(/^\S+,/);
  });
});

describe('SLA risk screen (dispatcher)', () => {
  let risk: RiskPage;

  it('is in the navigation and lists the at-risk and breached orders with live countdowns', async () => {
    const page = await openPage();
    const login = new LoginPage(page, server.url);
    await login.goto('/board');
    await login.login('dispatcher', 'demo-dispatcher');
    risk = new RiskPage(page, server.url);
    await risk.navEntry.click();
    await page.waitForURL(/#\/risk$/);
    await risk.waitReady();
    await risk.waitLive();
    const distinct = async () => new Set((await call('/api/v1/sla/at-risk?limit=500')).items.map((i: any) => i.number)).size;
    await expect.poll(async () => [await risk.orders.count(), await distinct()]).toSatisfy(([shown, total]) => shown === total && shown >= 3);
    for (const o of [live.realloc!, live.breached!]) expect(await risk.order(o.number).getAttribute('data-state')).toBe('breached');
    expect(await risk.order(live.atRisk!.number).getAttribute('data-state')).toBe('at-risk');
    const countdown = risk.countdown(live.breached!.number, 'response');
    const before = await countdown.innerText();
    expect(before).toMatch(/^response overdue 1\d min/);
    await expect.poll(() => risk.countdown(live.realloc!.number, 'arrival').innerText()).toMatch(/^arrival in 1\d min/);
    await risk.proposalGroup(live.realloc!.number).waitFor();
    await risk.effectiveness.waitFor();
    expect(await risk.effectiveness.getAttribute('data-value')).toBe('0.5');
    await screenshot(page, 'risk-screen');
  });

  it('acknowledges an alert: it leaves the open list, and the API shows who acknowledged it', async () => {
    const open = (await call(`/api/v1/alerts?status=open&orderId=${live.breached!.id}`)).items;
    expect(open.map((a: any) => a.level).sort()).toEqual([1, 2, 3]);
    const newest = open[0];
    await risk.alert(newest.id).waitFor();
    await risk.acknowledgeButton(newest.id).click();
    // Acknowledging one level acknowledges its clock's other open alerts with it.
    await expect.poll(() => risk.alertsOf(live.breached!.number).count()).toBe(0);
    const shown = await call(`/api/v1/alerts/${newest.id}`);
    expect(shown.acknowledgedAt).not.toBeNull();
    expect(shown.acknowledgedBy).toBe('Demo Dispatcher');
    expect((await call(`/api/v1/alerts?status=open&orderId=${live.breached!.id}`)).items).toEqual([]);
  });

  it('refuses a proposal made stale by someone else, shows who changed the order, then applies the fresh one live', async () => {
    const { number, id } = live.realloc!;
    const [best] = (await call(`/api/v1/reallocation/proposals?orderId=${id}`)).proposals;
    await risk.proposal(number, best.technicianName).waitFor();
    // Hold the screen's next proposal reads, so the stale proposal stays on screen while the manager edits the order.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await risk.page.route('**/api/v1/rpc/reallocation.proposals', async (route) => {
      await held;
      // A read held past the unroute below is let through by then; nothing is left to continue.
      await route.continue().catch(() => undefined);
    });
    const { version } = await call(`/api/v1/work-orders/${id}`);
    await call(`/api/v1/work-orders/${id}/update`, { version, description: 'Caller adds: water reaches the switchboard.' }, manager);
    await risk.applyButton(number, best.technicianName).click();
    await risk.applyNotice.waitFor();
    expect(await risk.applyNotice.getAttribute('data-kind')).toBe('conflict');
    expect(await risk.applyNotice.innerText()).toMatch(new RegExp(`${number} was changed by Demo Manager at \\d{2}:\\d{2} — now Dispatched`));
    await screenshot(risk.page, 'risk-conflict');
    release();
    await risk.page.unroute('**/api/v1/rpc/reallocation.proposals');

    await expect.poll(() => risk.proposal(number, best.technicianName).count()).toBe(1);
    await risk.applyButton(number, best.technicianName).click();
    await risk.proposalGroup(number).waitFor({ state: 'detached' });
    await expect.poll(() => risk.order(number).innerText()).toContain(best.technicianName);
    await risk.action(number).waitFor();
    expect(await risk.action(number).getAttribute('data-outcome')).toBe('pending');
    const order = await call(`/api/v1/work-orders/${id}`);
    expect(order.technicianId).toBe(best.technicianId);
    await screenshot(risk.page, 'risk-applied');
  });

  it('logs no console error or warning beyond the provoked conflict', () => {
    expect(problems).toEqual([]);
  });
});
