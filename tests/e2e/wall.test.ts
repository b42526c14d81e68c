import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceleratedClock } from '../../src/core';
import { ensureWebBuild } from '../../src/server/web-build';
import { api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, SCREENSHOT_DIR } from './helpers/browser';
import { WallPage, type WallMetric } from './pages/wall.page';

/** A Tuesday afternoon in the demo centre (Europe/Amsterdam): most of the crew on shift, a day's work behind it. */
const START = Date.parse('2026-11-24T13:30:00Z');
const ZONE = 'Europe/Amsterdam';
const FULL_HD = { width: 1920, height: 1080 };
const MIN = 60_000;
const METRICS: WallMetric[] = ['response', 'arrival', 'resolution'];
/** Category → the steps' compliance fields, filled as a technician would. */
type Category = { code: string; complianceFields: { key: string; type: string; requiredFor: string; options?: string[] }[] };

let server: TestServer;
let webRoot = '';
let browser: Browser;
let clock: AcceleratedClock;
let key = '';
let display = '';
let categories: Category[] = [];
let customers: { id: string; sites: { id: string; regionId: string | null }[] }[] = [];
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const live: Record<string, { id: string; number: string }> = {};

const call = async (path: string, body?: unknown, token?: string) => {
  const response = await api(server.url, path, { ...(body === undefined ? {} : { body }), ...(token ? { token } : {}) });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
};
const iso = (t: number) => new Date(t).toISOString();
/** Deterministic noise (mulberry32), so every run seeds the same month. */
let state = 4711;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function compliance(code: string, step: string): Record<string, unknown> | undefined {
  const fields = categories.find((c) => c.code === code)!.complianceFields.filter((f) => f.requiredFor === step);
  if (!fields.length) return undefined;
  return Object.fromEntries(fields.map((f) => [f.key, f.type === 'boolean' ? true : f.type === 'number' ? 1 : (f.options?.[0] ?? 'REF-1')]));
}

let seq = 0;
/** A request received at `receivedAt`, then what its technician reported: [status, minutes after receipt]. */
async function order(code: string, receivedAt: number, steps: [string, number][] = [], customerIndex = seq) {
  seq += 1;
  const customer = customers[customerIndex % customers.length]!;
  const created = await call(
    '/api/v1/service-requests',
    {
      idempotencyKey: `wall-${seq}`,
      categoryCode: code,
      description: `Reported fault ${seq}.`,
      customer: { id: customer.id },
      site: { id: customer.sites[0]!.id },
      receivedAt: iso(receivedAt),
    },
    key,
  );
  // History needs a technician; one the engine found no one for (skills, vehicle) is withdrawn, as a dispatcher would.
  if (steps.length && created.status !== 'dispatched') {
    await call(`/api/v1/work-orders/${created.id}/cancel`, { version: created.version, reason: 'Duplicate request' });
  } else if (steps.length) {
    const events = steps.map(([status, after]) => ({
      eventId: `${created.id}-${status}`,
      type: 'status',
      workOrderId: created.id,
      at: iso(receivedAt + after * MIN),
      status,
      ...(compliance(code, status) ? { compliance: compliance(code, status) } : {}),
    }));
    await call('/api/v1/telemetry', { events }, key);
  }
  return created as { id: string; number: string; status: string; version: number };
}

/** A month of finished work: some days and some late afternoons go worse than others, as they do. */
async function seedHistory(): Promise<void> {
  const codes = ['ELEC-OUTAGE', 'LEAK', 'NETWORK-DOWN', 'FIRE-ALARM', 'HVAC-FAIL', 'ELEVATOR-STUCK'];
  const midnight = Date.parse('2026-11-23T23:00:00Z');
  for (let day = 29; day >= 0; day -= 1) {
    const dayFactor = 0.6 + 0.5 * Math.abs(Math.sin(day * 1.7)) + (day % 7 === 3 ? 0.6 : 0);
    for (let i = 0; i < 12; i += 1) {
      const hour = 7 + Math.floor(rand() * 13);
      const receivedAt = midnight - day * 24 * 60 * MIN + hour * 60 * MIN + Math.floor(rand() * 60) * MIN;
      const slow = dayFactor * (hour >= 15 && hour <= 18 ? 1.6 : 1) * (i % 3 === 0 ? 1.4 : 1);
      const accept = Math.round(4 + rand() * 28 * slow);
      const arrive = accept + Math.round(15 + rand() * 80 * slow);
      const done = arrive + Math.round(30 + rand() * 90 * slow);
      if (receivedAt + done * MIN > clock.now() - 20 * MIN) continue;
      await order(codes[(day + i) % codes.length]!, receivedAt, [
        ['accepted', accept],
        ['en_route', accept + 2],
        ['on_site', arrive],
        ['completed', done],
      ], day * 7 + i * 3);
    }
  }
}

/** Orders running now: breached, at risk at every escalation level, and some on track. */
async function seedLive(): Promise<void> {
  const now = clock.now();
  // This morning's finished work, so every gauge has something to count: on time, a late acceptance, on time.
  const morning = Date.parse('2026-11-24T07:00:00Z');
  await order('LEAK', morning + 10 * MIN, [['accepted', 20], ['en_route', 25], ['on_site', 70], ['completed', 150]], 3);
  await order('ELEC-OUTAGE', morning + 65 * MIN, [['accepted', 45], ['en_route', 50], ['on_site', 100], ['completed', 170]], 11);
  await order('NETWORK-DOWN', morning + 150 * MIN, [['accepted', 10], ['en_route', 12], ['on_site', 50], ['completed', 110]], 19);
  live.breached = await order('ELEC-OUTAGE', now - 42 * MIN);
  live.response = await order('LEAK', now - 56 * MIN);
  live.arrival = await order('FIRE-ALARM', now - 112 * MIN, [['accepted', 12], ['en_route', 30]]);
  live.arrivalP2 = await order('NETWORK-DOWN', now - 220 * MIN, [['accepted', 20], ['en_route', 40]]);
  live.resolution = await order('LEAK', now - 462 * MIN, [['accepted', 10], ['en_route', 15], ['on_site', 100]]);
  live.warned = await order('HVAC-FAIL', now - 47 * MIN);
  live.firstWarning = await order('FIRE-ALARM', now - 26 * MIN, [['accepted', 3], ['en_route', 6]]);
  live.late = await order('ELEC-OUTAGE', now - 140 * MIN, [['accepted', 15], ['en_route', 30]]);
  for (const [code, ago] of [['HVAC-FAIL', 25], ['LEAK', 12], ['NETWORK-DOWN', 6], ['PREVENTIVE', 50]] as const) await order(code, now - ago * MIN);
}

async function openWall(viewport = FULL_HD): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: ZONE, locale: 'en-GB' });
  contexts.push(context);
  await context.clock.install({ time: clock.now() });
  const page = await context.newPage();
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return page;
}

/** Charts animate in; the picture is taken once they have settled. */
async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(1200);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

const percent = (a: number | null) => (a === null ? '—' : `${(a * 100).toFixed(1)} %`);
/** `sla.atRisk` lists clocks; the wall lists each order once, by its most urgent clock. */
const distinctOrders = (items: { number: string }[]) => [...new Set(items.map((i) => i.number))];

beforeAll(async () => {
  // A private copy of the build: a rebuild of out/web by another run cannot pull assets from under this one.
  webRoot = mkdtempSync(join(tmpdir(), 'dcr-wall-web-'));
  cpSync(await ensureWebBuild(process.cwd(), () => {}), webRoot, { recursive: true });
  clock = new AcceleratedClock(1, START);
  server = await startTestServer({ webRoot, clock });
  browser = await launchChromium();
  await api(server.url, '/api/v1/settings/dispatch', { method: 'PUT', body: { mode: 'auto', acceptTimeoutSeconds: 3600 } });
  key = (await call('/api/v1/api-keys', { kind: 'integration', name: 'Field engine', scopes: ['telemetry:write', 'requests:write'] })).secret;
  display = (await call('/api/v1/api-keys', { kind: 'display', name: 'Wall 1' })).secret;
  categories = await call('/api/v1/categories');
  customers = (await call('/api/v1/customers?limit=200')).items;
  await seedHistory();
  // What the month raised is history: the managers acknowledged it long ago.
  await server.core.alerts.settled();
  for (const alert of (await call('/api/v1/alerts?status=open&limit=1000')).items) {
    await api(server.url, `/api/v1/alerts/${alert.id}/acknowledge`, { body: { note: 'history' } });
  }
  await seedLive();
  await server.core.runScheduledJobs();
  await server.core.alerts.settled();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

describe('SLA wall display in Chromium at 1920×1080 with a display token', () => {
  let wall: WallPage;

  it('shows today’s adherence per metric exactly as sla.adherence counts it', async () => {
    wall = new WallPage(await openWall(), server.url);
    await wall.goto(display, { rotate: 'off' });
    await wall.waitLive();
    expect(wall.routePath()).toBe('/wall?rotate=off');
    const figures: string[] = [];
    for (const metric of METRICS) {
      await expect
        .poll(async () => {
          const { from, to } = await wall.gaugePeriod(metric);
          const shown = await wall.gaugeText(metric);
          const body = await call(`/api/v1/sla/adherence?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&metric=${metric}`, undefined, display);
          return [shown, Date.parse(from) === body.from ? percent(body.results[0].overall.adherence) : 'other period'];
        })
        .toSatisfy(([shown, expected]) => shown === expected);
      figures.push(await wall.gaugeText(metric));
      // "Today" starts at the centre's local midnight.
      expect((await wall.gaugePeriod(metric)).from).toBe('2026-11-23T23:00:00.000Z');
    }
    expect(figures.filter((f) => f !== '—').length).toBeGreaterThanOrEqual(2);
  });

  it('lists the orders sla.atRisk reports, most urgent first, with counts in the tiles', async () => {
    await expect
      .poll(async () => {
        const expected = distinctOrders((await call('/api/v1/sla/at-risk?limit=2000', undefined, display)).items);
        const shown = await wall.riskNumbers();
        return { shown, more: await wall.riskMore(), expected: expected.slice(0, shown.length), total: expected.length };
      })
      .toSatisfy(({ shown, more, expected, total }) => shown.length >= 5 && JSON.stringify(shown) === JSON.stringify(expected) && shown.length + more === total);
    expect(await wall.riskRow(live.breached!.number).getAttribute('data-state')).toBe('breached');
    expect(await wall.tileValue('breached')).toBeGreaterThanOrEqual(1);
    expect((await wall.tileValue('at-risk')) + (await wall.tileValue('breached'))).toBe(
      distinctOrders((await call('/api/v1/sla/at-risk?limit=2000', undefined, display)).items).length,
    );
    // Countdowns tick every second.
    const countdown = wall.riskRow(live.breached!.number).getByTestId('risk-countdown');
    const before = await countdown.innerText();
    await expect.poll(() => countdown.innerText(), { timeout: 3000 }).not.toBe(before);
    expect(before).toMatch(/^\d+:\d\d overdue$/);
  });

  it('shows the open alerts with their escalation level, newest first', async () => {
    await wall.tickerItem(live.breached!.number).waitFor();
    const badges = await wall.ticker.locator('[data-testid="ticker-item"] .badge').allInnerTexts();
    expect(badges.every((b) => /^(L\d|INFO)$/.test(b))).toBe(true);
    expect(badges).toContain('L3');
    // Kiosk: without mouse movement the pointer and the full-screen button go.
    await wall.waitIdle();
    expect(await wall.root.evaluate((el) => getComputedStyle(el).cursor)).toBe('none');
    await screenshot(wall.page, 'wall-now');
  });

  it('follows a telemetry event within a second: the technician on site takes the order off the list', async () => {
    const { number, id } = live.arrival!;
    await wall.riskRow(number).waitFor();
    const started = Date.now();
    const sent = call('/api/v1/telemetry', { events: [{ eventId: `${id}-on-site`, type: 'status', workOrderId: id, at: iso(clock.now()), status: 'on_site', compliance: compliance('FIRE-ALARM', 'on_site') }] }, key);
    await wall.riskRow(number).waitFor({ state: 'detached', timeout: 5000 });
    const latency = Date.now() - started;
    await sent;
    console.info(`telemetry → wall: ${latency} ms`);
    expect(latency).toBeLessThan(1000);
  });

  it('shows an alert on the ticker as soon as it is raised', async () => {
    const fresh = await order('FIRE-ALARM', clock.now() - 24 * MIN);
    await server.core.runScheduledJobs();
    await wall.tickerItem(fresh.number).waitFor({ timeout: 5000 });
    expect(await wall.tickerItem(fresh.number).locator('.badge').innerText()).toBe('L1');
  });

  it('draws trends for 24 h, 7 d and 30 d and the breach heatmap', async () => {
    await wall.show('trends');
    for (const range of ['24h', '7d', '30d'] as const) await wall.trend(range).locator('canvas').first().waitFor();
    await screenshot(wall.page, 'wall-trends');
    await wall.show('heatmap');
    await wall.heatmap.locator('canvas').first().waitFor();
    expect(Number(await wall.page.getByTestId('heat-total').locator('.value').innerText())).toBeGreaterThan(0);
    await screenshot(wall.page, 'wall-heatmap');
  });

  it('rotates pages, pauses on Space, and fits the screen without scrollbars at 1080p and 720p', async () => {
    const rotating = new WallPage(await openWall({ width: 1280, height: 720 }), server.url);
    await rotating.goto(display, { rotate: '5' });
    expect(await rotating.currentPage()).toBe('now');
    await rotating.progress.waitFor();
    await expect.poll(() => rotating.currentPage(), { timeout: 8000 }).toBe('trends');
    await rotating.page.keyboard.press(' ');
    await rotating.pausedBadge.waitFor();
    await rotating.show('now');
    await screenshot(rotating.page, 'wall-720p');
    for (const page of [rotating.page, wall.page]) {
      const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
      expect(overflow).toEqual([0, 0]);
    }
  });

  it('logs no console error or warning', () => {
    expect(problems).toEqual([]);
  });
});
