import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core';
import { ensureWebBuild } from '../../src/server/web-build';
import { api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, SCREENSHOT_DIR } from './helpers/browser';
import { BoardPage, LoginPage } from './pages';

/** Tuesday 24 November 2026 in the demo centre's zone (UTC+1): `local('10:30')` is that morning's 10:30. */
const local = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+01:00`);
/** The board is looked at mid-morning, after a working morning played through the API. */
const NOW = local('10:30');
const ZONE = 'Europe/Amsterdam';
const SCREEN = { width: 1600, height: 1000 };
const CATEGORIES = ['ELEC-OUTAGE', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'FRIDGE-TEMP', 'HVAC-FAIL', 'LEAK', 'NETWORK-DOWN', 'PREVENTIVE'];

let server: TestServer;
let browser: Browser;
let clock: SteppedClock;
let context: BrowserContext;
let board: BoardPage;
const problems: string[] = [];

/** Real time that can be set forward, so the morning's work happens at its own times. */
class SteppedClock implements Clock {
  private origin = 0;
  private real = 0;
  constructor(at: number) {
    this.set(at);
  }
  set(at: number): void {
    [this.origin, this.real] = [at, Date.now()];
  }
  now(): number {
    return this.origin + Date.now() - this.real;
  }
}

const call = async (path: string, body?: unknown) => {
  const response = await api(server.url, path, body === undefined ? {} : { body });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
};

let customers: { id: string; sites: { id: string }[] }[] = [];
let requestSeq = 0;
/** A service request through the intake API, as a customer channel sends it; returns the work order. */
async function request(receivedMinutesAgo = 0): Promise<{ id: string; number: string; status: string; categoryCode: string; technicianId: string | null; site: { lat: number; lon: number } }> {
  const i = requestSeq++;
  const customer = customers[(i * 7) % customers.length]!;
  const order = await call('/api/v1/service-requests', {
    idempotencyKey: `e2e-panels-${i}`,
    categoryCode: CATEGORIES[i % CATEGORIES.length],
    description: `Caller reports a fault (panels request ${i + 1}).`,
    customer: { id: customer.id },
    site: { id: customer.sites[0]!.id },
    receivedAt: new Date(clock.now() - receivedMinutesAgo * 60_000).toISOString(),
  });
  return { ...order, site: (await call(`/api/v1/work-orders/${order.id}`)).site };
}

type Order = Awaited<ReturnType<typeof request>>;
let categories: { code: string; complianceFields: { key: string; type: string; requiredFor: string; options?: string[] }[] }[] = [];

/** Moves an order one step as its technician would, with the compliance fields that step asks for. */
async function step(order: Order, to: 'approve' | 'accept' | 'en_route' | 'on_site' | 'completed'): Promise<void> {
  const path = `/api/v1/work-orders/${order.id}`;
  if (to === 'approve') return void (await call(`${path}/approve`, { version: (await call(path)).version }));
  if (to === 'accept') return void (await call(`${path}/accept`, {}));
  const fields = categories.find((c) => c.code === order.categoryCode)?.complianceFields ?? [];
  const wanted = fields.filter((f) => f.requiredFor === to || (to === 'completed' && f.requiredFor === 'on_site'));
  const compliance = Object.fromEntries(wanted.map((f) => [f.key, f.type === 'boolean' ? true : f.type === 'number' ? 1 : (f.options?.[0] ?? 'REF-1')]));
  await call(`${path}/progress`, { status: to, ...(wanted.length ? { compliance } : {}) });
}

/**
 * A working morning, played through the API at its own times: early calls done by half past nine, others on site
 * or on the road, later ones accepted or waiting for approval, so the timeline has every kind of bar.
 */
async function seedDay(): Promise<void> {
  customers = (await call('/api/v1/customers?limit=60')).items;
  categories = await call('/api/v1/categories');
  const assigned = (orders: Order[]) => orders.filter((o) => o.status === 'assigned');
  clock.set(local('07:50'));
  const early = assigned([await request(25), await request(10), await request(0)]);
  for (const o of early) for (const to of ['approve', 'accept', 'en_route'] as const) await step(o, to);
  clock.set(local('08:15'));
  for (const o of early) await step(o, 'on_site');
  clock.set(local('09:05'));
  for (const o of early.slice(0, 2)) await step(o, 'completed');
  clock.set(local('09:40'));
  const mid = assigned([await request(30), await request(15), await request(5)]);
  for (const o of mid) for (const to of ['approve', 'accept', 'en_route'] as const) await step(o, to);
  clock.set(local('10:05'));
  await step(mid[0]!, 'on_site');
  const late = assigned([await request(20), await request(10), await request(0)]);
  for (const o of late.slice(0, 2)) for (const to of ['approve', 'accept'] as const) await step(o, to);
  clock.set(NOW);
  for (let i = 0; i < 4; i += 1) await request(i * 7);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  // The demo centre is seeded at start-up as it stands at 10:30 (who is on shift); then the morning is played.
  clock = new SteppedClock(NOW);
  server = await startTestServer({ webRoot, clock });
  browser = await launchChromium();
  await seedDay();
  context = await browser.newContext({ viewport: SCREEN, timezoneId: ZONE, locale: 'en-GB' });
  // The page's clock runs with the server's, so countdowns, the "now" line and shift hours match the data.
  await context.clock.install({ time: clock.now() });
  context.on('page', (page) => {
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  const login = new LoginPage(await context.newPage(), server.url);
  await login.goto('/board');
  await login.login('dispatcher', 'demo-dispatcher');
  board = new BoardPage(login.page, server.url);
  await board.waitLive();
  await board.mapChart.ready();
  await board.timelineChart.ready();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the board map and timeline in Chromium', () => {
  it('draws the six demo regions as polygons of the shipped boundaries', async () => {
    const regions: { id: string; name: string; center: { lat: number; lon: number } }[] = await call('/api/v1/regions');
    expect(await board.map.locator('[data-map-mode]').getAttribute('data-map-mode')).toBe('regions');
    const geo = await board.mapChart.geo();
    expect(geo.map).toMatch(/^dcr-regions-/);
    expect(geo.regions.sort()).toEqual(regions.map((r) => r.id).sort());
    // Every region centre lands on the drawn map, and hovering it names the region.
    for (const region of regions) expect(await board.mapChart.pagePoint({ geoIndex: 0 }, [region.center.lon, region.center.lat])).not.toBeNull();
    await shot(board.page, 'board-panels-board');
    await board.map.screenshot({ path: join(SCREENSHOT_DIR, 'board-panels-map-docked.png'), animations: 'disabled' });
  });

  it('puts a pin on the map for a new order within a second, and opens it from the pin', async () => {
    const order = await request();
    const created = Date.now();
    await expect.poll(async () => (await board.mapChart.items('orders-')).some((item) => item.id === order.id), { timeout: 1000, interval: 50 }).toBe(true);
    expect(Date.now() - created).toBeLessThan(1000);

    // The pin's tip is on the site; its head, the part to point at, is just above.
    const tip = (await board.mapChart.pagePoint({ geoIndex: 0 }, [order.site.lon, order.site.lat]))!;
    await board.page.mouse.move(tip.x, tip.y - 9);
    await expect.poll(() => board.mapChart.tooltip.innerText()).toContain(order.number);
    await board.page.mouse.click(tip.x, tip.y - 9);
    await board.drawer.number.filter({ hasText: order.number }).waitFor();
    await board.drawer.status.waitFor();
    // The drawer covers the map, so the map's tooltip must not linger over it.
    await board.mapChart.tooltip.waitFor({ state: 'hidden' });
    await shot(board.page, 'board-panels-drawer');
    await board.drawer.close();
  });

  it('moves a technician marker when a position is reported over the API', async () => {
    const technicians: { id: string; name: string; status: string }[] = await call('/api/v1/technicians');
    const technician = technicians.find((t) => t.status === 'available')!;
    const status = `technicians-${technician.status}`;
    const to = await emptySpot();
    await call(`/api/v1/technicians/${technician.id}/position`, { ...to, at: clock.now() });
    await expect
      .poll(async () => (await board.mapChart.seriesData(status)).find((item) => item.id === technician.id)?.value, { timeout: 2000, interval: 50 })
      .toEqual([to.lon, to.lat]);
    const point = (await board.mapChart.pagePoint({ geoIndex: 0 }, [to.lon, to.lat]))!;
    // Markers glide to their new place; hover once they have arrived.
    await expect
      .poll(async () => {
        await board.page.mouse.move(point.x + 1, point.y + 1);
        await board.page.mouse.move(point.x, point.y);
        return board.mapChart.tooltip.innerText().catch(() => '');
      }, { timeout: 5000, interval: 250 })
      .toContain(technician.name);
  });

  it('shows an assigned order as a bar with its number on its technician’s row, and opens it on click', async () => {
    const order = await request();
    expect(order.status).toBe('assigned');
    await expect.poll(async () => (await board.timelineChart.seriesData('timeline-proposed')).find((b) => b.id === order.id)?.name, { timeout: 2000 }).toBe(order.number);

    const popup = await board.popOut('timeline', SCREEN);
    const timeline = new BoardPage(popup, server.url).timelineChart;
    await timeline.ready();
    const bar = (await timeline.seriesData('timeline-proposed')).find((b) => b.id === order.id)!;
    const [row, start, end] = bar.value as [number, number, number];
    const middle = (await timeline.pagePoint({ gridIndex: 0 }, [(start + end) / 2, row]))!;
    await popup.mouse.move(middle.x, middle.y);
    await expect.poll(() => timeline.tooltip.innerText()).toContain(order.number);
    expect(await timeline.tooltip.innerText()).toMatch(/Last change by .+ at \d{2}:\d{2}/);
    await popup.mouse.move(5, 5);
    await timeline.tooltip.waitFor({ state: 'hidden' });
    await shot(popup, 'board-panels-timeline');
    await popup.mouse.click(middle.x, middle.y);
    await popup.getByTestId('order-number').filter({ hasText: order.number }).waitFor();
    await closeBack(popup, 'timeline');
  });

  it('leaves a placeholder when a panel pops out; the window follows events itself and "Bring back" closes it', async () => {
    const popup = await board.popOut('map', SCREEN);
    await board.poppedPlaceholder('map').waitFor();
    expect(await board.poppedPlaceholder('map').innerText()).toMatch(/Map is open in its own window\s*·\s*Bring back/);
    expect(await board.map.count()).toBe(0);
    await shot(board.page, 'board-panels-placeholder');

    const map = new BoardPage(popup, server.url).mapChart;
    await map.ready();
    const order = await request();
    await expect.poll(async () => (await map.items('orders-')).some((item) => item.id === order.id), { timeout: 2000, interval: 50 }).toBe(true);
    await shot(popup, 'board-panels-map');

    // A reload of the board still knows the map is out.
    await board.page.reload();
    await board.waitReady();
    await board.poppedPlaceholder('map').waitFor();

    await Promise.all([popup.waitForEvent('close'), board.bringBackButton('map').click()]);
    await board.map.waitFor();
    await board.mapChart.ready();
  });

  it('logs no console error or warning', () => {
    expect(problems).toEqual([]);
  });
});

/** A spot in town well away from every marker on the map, so hovering it can only find the technician moved there. */
async function emptySpot(): Promise<{ lat: number; lon: number }> {
  const taken = [...(await board.mapChart.items('technicians-')), ...(await board.mapChart.items('orders-'))].map((item) => item.value);
  const km = ([lon, lat]: number[], p: { lat: number; lon: number }) => Math.hypot((lon! - p.lon) * 68, (lat! - p.lat) * 111);
  let best = { lat: 52.37, lon: 4.89 };
  let room = 0;
  for (let lat = 52.3; lat <= 52.44; lat += 0.005) {
    for (let lon = 4.78; lon <= 5.0; lon += 0.005) {
      const spot = { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
      if (km([4.89, 52.37], spot) > 11) continue;
      const nearest = Math.min(...taken.map((v) => km(v, spot)));
      if (nearest > room) [best, room] = [spot, nearest];
    }
  }
  return best;
}

/** Brings a popped panel back from the board and waits for its window to close. */
async function closeBack(popup: Page, panel: 'map' | 'timeline'): Promise<void> {
  await board.poppedPlaceholder(panel).waitFor();
  await Promise.all([popup.waitForEvent('close'), board.bringBackButton(panel).click()]);
  await board.page.getByTestId(panel === 'map' ? 'dispatch-map' : 'timeline').waitFor();
}

mkdirSync(SCREENSHOT_DIR, { recursive: true });
