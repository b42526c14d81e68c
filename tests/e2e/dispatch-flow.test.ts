import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceleratedClock } from '../../src/core';
import { ensureWebBuild } from '../../src/server/web-build';
import { ADMIN_TOKEN, api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, SCREENSHOT_DIR, waitReady } from './helpers/browser';
import { BoardPage, LoginPage, TechPage, type PanelName } from './pages';

/** A Tuesday mid-morning in the demo centre's zone: most of the crew is on shift, so the engine has real choices. */
const START = Date.parse('2026-11-24T09:30:00Z');
const ZONE = 'Europe/Amsterdam';
const FULL_HD = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const CATEGORIES = ['ELEC-OUTAGE', 'ELEVATOR-STUCK', 'FIRE-ALARM', 'FRIDGE-TEMP', 'HVAC-FAIL', 'LEAK', 'NETWORK-DOWN', 'PREVENTIVE'];
/** Failed calls the scenario provokes on purpose (the refused drop, the stale approval); any other console error fails. */
const EXPECTED_FAILURES = [
  { path: '/api/v1/rpc/workOrders.assign', status: 400 },
  { path: '/api/v1/rpc/workOrders.approve', status: 409 },
];

let server: TestServer;
let browser: Browser;
let clock: AcceleratedClock;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

function watch(page: Page): void {
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const url = message.location().url;
    const expected = EXPECTED_FAILURES.some((e) => url.endsWith(e.path) && message.text().includes(`status of ${e.status}`));
    if (!expected) problems.push(`console.${message.type()}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
}

/** A browser context of its own (storage, clock, connection), its time running with the server's. */
async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: ZONE, locale: 'en-GB' });
  contexts.push(context);
  await context.clock.install({ time: clock.now() });
  context.on('page', watch);
  return context.newPage();
}

/** Transitions (a drawer sliding in, a dialog fading) are finished first, so each picture shows a settled screen. */
const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });

const call = async (path: string, body?: unknown) => {
  const response = await api(server.url, path, body === undefined ? {} : { body });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
};

/** A realistic queue: fifteen requests over the last two hours, some moved along to every stage of the day. */
async function seedQueue(): Promise<void> {
  const customers = (await call('/api/v1/customers?limit=60')).items;
  const categories: { code: string; complianceFields: { key: string; type: string; requiredFor: string; options?: string[] }[] }[] =
    await call('/api/v1/categories');
  const orders = [];
  for (let i = 0; i < 15; i += 1) {
    const customer = customers[(i * 7) % customers.length];
    orders.push(
      await call('/api/v1/service-requests', {
        idempotencyKey: `e2e-seed-${i}`,
        categoryCode: CATEGORIES[i % CATEGORIES.length],
        description: `Caller reports a fault (seeded request ${i + 1}).`,
        customer: { id: customer.id },
        site: { id: customer.sites[0].id },
        contact: { name: 'Site contact', phone: '+31 20 555 0100' },
        receivedAt: new Date(clock.now() - ((i * 37) % 130) * 60_000).toISOString(),
      }),
    );
  }
  const stages = ['approve', 'accept', 'en_route', 'on_site'];
  const proposed = orders.filter((o) => o.status === 'assigned').slice(0, 8);
  for (const [k, order] of proposed.entries()) {
    const path = `/api/v1/work-orders/${order.id}`;
    for (const step of stages.slice(0, (k % 4) + 1)) {
      if (step === 'approve') await call(`${path}/approve`, { version: (await call(path)).version });
      else if (step === 'accept') await call(`${path}/accept`, {});
      else {
        const fields = categories.find((c) => c.code === order.categoryCode)!.complianceFields.filter((f) => f.requiredFor === step);
        const compliance = Object.fromEntries(fields.map((f) => [f.key, f.type === 'boolean' ? true : f.type === 'number' ? 1 : (f.options?.[0] ?? 'REF-1')]));
        await call(`${path}/progress`, { status: step, ...(fields.length ? { compliance } : {}) });
      }
    }
  }
}

async function popOut(board: BoardPage, panel: PanelName): Promise<Page> {
  const [popup] = await Promise.all([board.page.context().waitForEvent('page'), board.popOutButton(panel).click()]);
  await popup.setViewportSize(FULL_HD);
  await popup.locator(`[data-panel="${panel}"]`).waitFor();
  await waitReady(popup);
  return popup;
}

beforeAll(async () => {
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  clock = new AcceleratedClock(1, START);
  server = await startTestServer({ webRoot, clock });
  browser = await launchChromium();
  await seedQueue();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('dispatch flow in Chromium: manual order, proposal, approval, acceptance on the phone, conflicts', () => {
  let board: BoardPage;
  let number = '';

  it('shows the queue sorted by SLA urgency with live countdowns', async () => {
    const page = await openPage(FULL_HD);
    const login = new LoginPage(page, server.url);
    await login.goto('/board');
    await login.login('dispatcher', 'demo-dispatcher');
    board = new BoardPage(page, server.url);
    await board.waitLive();
    await expect.poll(() => board.queueRows.count()).toBeGreaterThanOrEqual(15);
    const countdowns = await board.queue.getByTestId('sla-countdown').allInnerTexts();
    expect(countdowns[0]).toMatch(/^(response|arrival|resolution) (overdue|in) /);
    await screenshot(page, 'dispatch-board');

    // Keyboard: ↓ selects the most urgent row, Enter opens it, Esc closes; the search narrows the queue.
    const first = (await board.queueRows.first().getAttribute('data-number'))!;
    await page.keyboard.press('ArrowDown');
    await board.queue.locator(`[data-number="${first}"][aria-selected="true"]`).waitFor();
    await page.keyboard.press('Enter');
    await board.drawer.number.filter({ hasText: first }).waitFor();
    await board.drawer.close();
    await board.queueSearch.fill(first);
    await expect.poll(() => board.queueRows.count()).toBe(1);
    await board.queueSearch.fill('');
    await board.queueSearch.blur();
    await expect.poll(() => board.queueRows.count()).toBeGreaterThanOrEqual(15);
  });

  it('creates an order by hand (N), validated inline, and shows the proposal with its reasons', async () => {
    // A customer with one site: the form then picks the site by itself.
    const customer = (await call('/api/v1/customers?limit=25&search=Harbour')).items.find((c: { sites: unknown[] }) => c.sites.length === 1);
    await board.page.keyboard.press('n');
    await board.newOrder.root.waitFor();
    await board.newOrder.createButton.click();
    await expect.poll(() => board.newOrder.fieldError('Customer').innerText()).toBe('Choose a customer');
    expect(await board.newOrder.fieldError('Description').innerText()).toBe('Required');
    await screenshot(board.page, 'dispatch-new-order-errors');
    await board.newOrder.fill({
      category: 'Water leak',
      customerSearch: 'Harbour',
      customer: customer.name,
      description: 'Water dripping through the ceiling of screen 2; buckets placed.',
      contactName: 'Eva de Vries',
      contactPhone: '+31 20 555 0199',
    });
    await screenshot(board.page, 'dispatch-new-order');
    await board.newOrder.createButton.click();
    await board.drawer.proposedTechnician.waitFor();
    await board.newOrder.root.waitFor({ state: 'detached' });
    number = (await board.drawer.number.innerText()).trim();
    expect(number).toMatch(/^WO-\d{4}-\d{6}$/);
    expect(await board.drawer.status.innerText()).toBe('Assigned');
    expect(await board.drawer.scoreTerms.count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => board.drawer.scoreTerms.first().innerText()).toMatch(/Travel/);
    await expect.poll(() => board.drawer.candidates.count()).toBeGreaterThan(0);
    await board.queueRow(number).waitFor();
    await screenshot(board.page, 'dispatch-detail');
  });

  it('dispatches on approval: the technician’s phone gets it live and accepts, the board follows', async () => {
    const technicianId = await board.drawer.proposedTechnicianId();
    const device = await call('/api/v1/api-keys', { kind: 'device', name: 'Phone e2e', technicianId });
    const tech = new TechPage(await openPage(PHONE), server.url);
    await tech.goto({ token: device.secret });
    await tech.waitLive();
    // A proposal is not the technician's until a dispatcher approves it.
    expect(await tech.order(number).count()).toBe(0);

    await board.drawer.approveButton.click();
    await expect.poll(() => board.drawer.status.innerText()).toBe('Dispatched');
    await tech.waitOrderStatus(number, 'dispatched');
    await tech.expand(number);
    await screenshot(tech.page, 'dispatch-tech');
    await tech.action(number, 'accept').click();
    await tech.waitOrderStatus(number, 'accepted');

    await board.waitRowStatus(number, 'accepted');
    await board.drawer.changedBanner.waitFor();
  });

  it('pops panels out into windows of their own that stay in sync', async () => {
    await board.drawer.close();
    for (const panel of ['map', 'timeline'] as const) {
      const popup = await popOut(board, panel);
      await popup.locator('canvas').first().waitFor();
      await screenshot(popup, `dispatch-${panel}`);
      await popup.close();
    }
    const queue = await popOut(board, 'queue');
    await queue.locator(`[data-testid="work-order-row"][data-number="${number}"][data-status="accepted"]`).waitFor();
    await queue.close();
  });

  it('assigns by dragging a queue row onto a technician, and explains a refused drop', async () => {
    // The roster lists available technicians first, by name; pick an order with a fit and a misfit among the first rows.
    const STATUS_ORDER = ['available', 'busy', 'off_shift', 'unavailable'];
    const technicians: { id: string; name: string; status: string }[] = await call('/api/v1/technicians');
    technicians.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name));
    const onScreen = new Set(technicians.slice(0, 12).map((t) => t.id));
    let pick: { order: any; fit: any; misfit: any } | undefined;
    for (const order of (await call('/api/v1/work-orders?status=assigned&limit=50')).items) {
      const { ranked, ineligible } = await call(`/api/v1/work-orders/${order.id}/candidates?limit=50`);
      const fit = ranked.find((c: any) => c.technicianId !== order.technicianId && onScreen.has(c.technicianId));
      const misfit = ineligible.find((t: any) => onScreen.has(t.technicianId));
      if (fit && misfit) pick = { order, fit, misfit };
      if (pick) break;
    }
    const { order, fit, misfit } = pick!;

    await board.queueRow(order.number).dragTo(board.rosterRow(misfit.technicianName));
    const refusal = board.page.getByText(`${order.number} not assigned to ${misfit.technicianName}`);
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(misfit.violations[0].message);
    await board.queueRow(order.number).dragTo(board.rosterRow(fit.technicianName));
    await board.waitRowStatus(order.number, 'dispatched');
    expect(await board.queueRow(order.number).innerText()).toContain(fit.technicianName);
  });

  it('refuses an approval made on a stale version and says who changed the order', async () => {
    const customer = (await call('/api/v1/customers?limit=1')).items[0];
    const order = await call('/api/v1/service-requests', {
      idempotencyKey: 'e2e-conflict',
      categoryCode: 'NETWORK-DOWN',
      description: 'Shop tills offline.',
      customer: { id: customer.id },
      site: { id: customer.sites[0].id },
    });
    expect(order.status).toBe('assigned');
    const other = new BoardPage(await openPage(FULL_HD), server.url);
    await other.goto(ADMIN_TOKEN);
    await board.openOrder(order.number);
    await other.openOrder(order.number);

    await board.drawer.approveButton.click();
    await expect.poll(() => board.drawer.status.innerText()).toBe('Dispatched');
    await other.drawer.approveButton.click();
    await other.drawer.notice.waitFor();
    expect(await other.drawer.notice.getAttribute('data-kind')).toBe('conflict');
    expect(await other.drawer.notice.innerText()).toMatch(new RegExp(`${order.number} was changed by Demo Dispatcher at \\d{2}:\\d{2} — now Dispatched`));
    await expect.poll(() => other.drawer.status.innerText()).toBe('Dispatched');
    await screenshot(other.page, 'dispatch-conflict');
  });

  it('logs no console error or warning and no failed request beyond the provoked ones', () => {
    expect(problems).toEqual([]);
  });
});
