import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceleratedClock } from '../../src/core';
import { ensureWebBuild } from '../../src/server/web-build';
import { ADMIN_TOKEN, api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, SCREENSHOT_DIR } from './helpers/browser';
import { AdminPage, type AdminTab } from './pages';

/**
 * Thursday 24 December 2026, 15:30 in Amsterdam: the day before Christmas, so an order taken now runs into the
 * public holidays the admin imports (Christmas Day is a Friday, then the weekend).
 */
const START = Date.parse('2026-12-24T14:30:00Z');
const ZONE = 'Europe/Amsterdam';
const VIEWPORT = { width: 1600, height: 1000 };
/** Failed calls the scenario provokes on purpose; any other console error fails the run. */
const EXPECTED_FAILURES = [{ path: '/api/v1/rpc/skills.create', status: 409 }];

let server: TestServer;
let browser: Browser;
let clock: AcceleratedClock;
let webhook: Server;
let webhookUrl = '';
const received: string[] = [];
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

async function openAdmin(): Promise<AdminPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: ZONE, locale: 'en-GB' });
  contexts.push(context);
  await context.clock.install({ time: clock.now() });
  const page = await context.newPage();
  watch(page);
  const admin = new AdminPage(page, server.url);
  await admin.goto(ADMIN_TOKEN);
  await admin.waitLive();
  return admin;
}

/** Transitions finished first, so each picture shows a settled screen. */
const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });

/** A leak reported by a partner system for a site in Amsterdam, received at `receivedAt`. */
const leakRequest = (key: string, receivedAt: string) => ({
  idempotencyKey: key,
  receivedAt,
  categoryCode: 'LEAK',
  priority: 'P3',
  description: 'Water dripping from the ceiling of the meeting room.',
  customer: { externalId: 'E2E-ADMIN-1', name: 'Canal House Offices' },
  site: { externalId: 'E2E-ADMIN-1-HQ', name: 'Canal House', address: 'Herengracht 100, Amsterdam', lat: 52.3738, lon: 4.8897 },
});

beforeAll(async () => {
  webhook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(body);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/dispatch`;
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  clock = new AcceleratedClock(1, START);
  server = await startTestServer({ webRoot, clock });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => webhook?.close(resolve));
});

describe('administration in Chromium', () => {
  let admin: AdminPage;

  it('refuses an invalid interval inline, then creates a calendar and imports the public holidays of the Netherlands', async () => {
    admin = await openAdmin();
    await admin.openTab('Calendars');
    await admin.startCalendar('Field ops NL', 'Amsterdam', 'Europe/Amsterdam');
    await expect.poll(() => admin.interval('Monday', 0, 'start').inputValue()).toBe('08:00');
    await expect.poll(() => admin.interval('Friday', 0, 'end').inputValue()).toBe('17:00');
    expect(await admin.weekEditor.locator('[data-day="sat"]').innerText()).toContain('Closed');

    // 25:00 is not a time: the calendar schema says so next to the interval, and nothing is saved.
    await admin.interval('Monday', 0, 'end').fill('25:00');
    await admin.saveDrawer(admin.calendarDrawer);
    const error = admin.weekEditor.locator('[data-day="mon"]').getByRole('alert');
    await expect.poll(() => error.innerText()).toBe('End: must be a local time HH:MM');
    await screenshot(admin.page, 'admin-calendar-error');
    const calendars = async () => (await api(server.url, '/api/v1/calendars')).body.map((c: { name: string }) => c.name);
    expect(await calendars()).not.toContain('Field ops NL');

    await admin.interval('Monday', 0, 'end').fill('17:00');
    await admin.saveDrawer(admin.calendarDrawer);
    await admin.calendarDrawer.getByTestId('holidays-panel').waitFor();
    expect(await error.count()).toBe(0);
    expect(await calendars()).toContain('Field ops NL');

    // This year and the next are ticked by default: the server's clock says 2026.
    await admin.calendarDrawer.getByTestId('import-holidays').click();
    await expect.poll(() => admin.yearCheckbox(2026).isChecked()).toBe(true);
    expect(await admin.yearCheckbox(2027).isChecked()).toBe(true);
    await admin.holidayImportDialog.getByRole('button', { name: 'Cancel' }).click();
    await admin.importHolidays('Netherlands (NL)', 'Nether');
    const result = admin.holidayImportDialog.getByTestId('holiday-import-result');
    expect(await result.innerText()).toMatch(/Added \d+ holidays/);
    const christmas = result.getByRole('row').filter({ hasText: 'Christmas Day' });
    expect(await christmas.allInnerTexts()).toEqual(['Fri, 25 Dec 2026\tChristmas Day', 'Sat, 25 Dec 2027\tChristmas Day']);
    await screenshot(admin.page, 'admin-holiday-import');
    await admin.holidayImportDialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => admin.holidaysTable.getByRole('row').filter({ hasText: 'Christmas Day' }).count()).toBe(2);
    await screenshot(admin.page, 'admin-calendar-drawer');
    await admin.closeDrawer(admin.calendarDrawer);

    const row = admin.calendarRow('Field ops NL');
    expect(await row.innerText()).toContain('Mon–Fri 08:00–17:00');
    const stored = (await api(server.url, '/api/v1/calendars')).body.find((c: { name: string }) => c.name === 'Field ops NL');
    expect(stored.calendar.timeZone).toBe('Europe/Amsterdam');
    expect(stored.calendar.holidays).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-26', '2027-01-01', '2027-12-25']));
  });

  it('creates a policy on that calendar; a new order is measured by it and its due time skips the holiday', async () => {
    await admin.openTab('SLA policies');
    await admin.createPolicy({
      name: 'Leaks on field ops NL',
      priority: 'P3 Normal',
      category: 'LEAK',
      calendar: 'Field ops NL',
      targets: { Resolution: { hours: 4 } },
    });
    const row = admin.policyRow('Leaks on field ops NL');
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 7)).toEqual(['Leaks on field ops NL', 'P3 · LEAK', '0', 'Field ops NL', '—', '—', '4 h']);
    const policies = (await api(server.url, '/api/v1/sla-policies')).body;
    const calendar = (await api(server.url, '/api/v1/calendars')).body.find((c: { name: string }) => c.name === 'Field ops NL');
    expect(policies.find((p: { name: string }) => p.name === 'Leaks on field ops NL')).toMatchObject({
      calendarId: calendar.id,
      match: { priority: 'P3', customerId: null, contractCode: null },
      targets: [{ metric: 'resolution', targetSeconds: 4 * 3600 }],
      warningThresholds: [75, 90],
      active: true,
    });

    // Received 15:00 on Thursday 24 December: 2 h of work that day (to 17:00), then Christmas Day (Friday, an
    // imported holiday) and the weekend; the other 2 h run from 08:00 on Monday 28 December: due 10:00 CET.
    // Without the holiday it would have been due on Friday 25 December at 10:00.
    const created = await api(server.url, '/api/v1/service-requests', { body: leakRequest('e2e-admin-leak-1', '2026-12-24T15:00:00+01:00') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.sla.policyName).toBe('Leaks on field ops NL');
    const resolution = created.body.sla.targets.find((t: { metric: string }) => t.metric === 'resolution');
    expect(resolution.targetSeconds).toBe(4 * 3600);
    expect(resolution.dueAt).toBe(Date.parse('2026-12-28T10:00:00+01:00'));
    expect(created.body.sla.targets.map((t: { metric: string }) => t.metric)).toEqual(['resolution']);
  });

  it('creates an integration key, whose secret works for intake until the key is revoked', async () => {
    await admin.openTab('API keys');
    await admin.createKey('Integration', 'CRM e2e', ['requests:write']);
    await admin.secretDialog.waitFor();
    const secret = await admin.secret();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(admin.page, 'admin-key-secret');

    const first = await api(server.url, '/api/v1/service-requests', { token: secret, body: leakRequest('e2e-admin-key-1', '2026-12-24T15:10:00+01:00') });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    await admin.closeSecretDialog();
    expect(await admin.keyRow('CRM e2e').innerText()).toContain('requests:write');

    await admin.revokeKey('CRM e2e');
    await expect.poll(() => admin.keyRow('CRM e2e').innerText()).toContain('Revoked');
    const refused = await api(server.url, '/api/v1/service-requests', { token: secret, body: leakRequest('e2e-admin-key-2', '2026-12-24T15:12:00+01:00') });
    expect(refused.status).toBe(401);
  });

  it('sends a test message through a webhook channel and shows the delivery result', async () => {
    await admin.openTab('Alert channels');
    await admin.page.getByTestId('new-channel').click();
    const drawer = admin.drawer('channel-drawer');
    await drawer.getByText('Webhook', { exact: true }).click();
    await drawer.getByLabel('Name').fill('Ops chat');
    await drawer.getByLabel('URL').fill(webhookUrl);
    await admin.saveDrawer(drawer);
    const secretDialog = admin.page.getByRole('dialog').filter({ hasText: 'Signing secret' });
    expect((await secretDialog.getByRole('textbox', { name: 'Webhook secret' }).inputValue()).length).toBeGreaterThanOrEqual(16);
    await secretDialog.getByRole('button', { name: 'I have stored the secret' }).click();
    const row = admin.page.getByTestId('channels-table').getByRole('row').filter({ hasText: 'Ops chat' });
    await row.getByRole('button', { name: 'Send test' }).click();
    const result = admin.page.getByTestId('channel-test-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('Delivered');
    expect(received.length).toBe(1);
    await screenshot(admin.page, 'admin-channel-test');
    await result.getByRole('button', { name: 'Done' }).click();
    await result.waitFor({ state: 'detached' });
  });

  it('says so clearly when a code is taken, next to the field and above the form', async () => {
    await admin.openTab('Skills');
    await admin.page.getByTestId('new-skill').click();
    const drawer = admin.drawer('skill-drawer');
    await drawer.getByLabel('Code').fill('hvac');
    await drawer.getByLabel('Name').fill('Heating, again');
    await admin.saveDrawer(drawer);
    await expect.poll(() => drawer.getByTestId('form-error').innerText()).toBe('A skill with code "hvac" already exists.');
    await expect.poll(() => admin.fieldError(drawer, 'Code').innerText()).toBe('already taken');
    await screenshot(admin.page, 'admin-skill-conflict');
    await drawer.getByLabel('Code').fill('solar');
    await drawer.getByLabel('Name').fill('Solar panels');
    await admin.saveDrawer(drawer);
    await drawer.waitFor({ state: 'hidden' });
    await admin.page.getByTestId('skills-table').getByRole('row').filter({ hasText: 'Solar panels' }).waitFor();
  });

  it('shows every section, dense and readable, at 1600×1000', async () => {
    const tabs: [AdminTab, string][] = [
      ['SLA policies', 'policies'],
      ['Calendars', 'calendars'],
      ['Escalation protocols', 'escalation'],
      ['Categories', 'categories'],
      ['Skills', 'skills'],
      ['Vehicles', 'vehicles'],
      ['Technicians', 'technicians'],
      ['Users', 'users'],
      ['API keys', 'keys'],
      ['Alert channels', 'channels'],
      ['Dispatch', 'dispatch'],
    ];
    // Toasts of the earlier steps are gone first, so they hide nothing.
    await admin.page.locator('.n-message').first().waitFor({ state: 'detached' });
    for (const [tab, key] of tabs) {
      await admin.openTab(tab);
      await admin.page.locator(`[data-section="${key}"]`).waitFor();
      await screenshot(admin.page, `admin-${key}`);
    }
    const drawers: [AdminTab, string, string][] = [
      ['SLA policies', 'Edit', 'policy-drawer'],
      ['Escalation protocols', 'Edit', 'escalation-drawer'],
      ['Categories', 'Edit', 'category-drawer'],
      ['Technicians', 'Edit', 'technician-drawer'],
      ['Vehicles', 'Edit', 'vehicle-drawer'],
      ['Users', 'Edit', 'user-drawer'],
    ];
    for (const [tab, button, testId] of drawers) {
      await admin.openTab(tab);
      await admin.panel.getByRole('button', { name: button }).first().click();
      const drawer = admin.drawer(testId);
      await drawer.waitFor();
      await screenshot(admin.page, `admin-${testId}`);
      await admin.closeDrawer(drawer);
    }
    expect(problems).toEqual([]);
  });
});
