import { rmSync, mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/server/web-build';
import { makeTestCertificate, type TestCertificate } from '../helpers/tls-certificate';
import { CentreProcess, freePort } from './helpers/centre-process';
import { launchChromium, screenshot } from './helpers/browser';
import { BoardPage, LoginPage } from './pages';

/**
 * One installation hosts the centre over TLS; two workstations (their own browser contexts: own storage, own
 * sign-in) work the same queue. Each sees the other's changes within a second; the host is killed and started
 * again mid-session, both resume without a reload, and an order typed during the outage is created exactly once.
 */
const ADMIN_TOKEN = 'two-workstations-admin-token-0123';
const SCREEN = { width: 1500, height: 900 };
const WITHIN_MS = 1000;

let certificate: TestCertificate;
let dataDir: string;
let centre: CentreProcess;
let browser: Browser;
let alice: BoardPage;
let bob: BoardPage;
let customer: { id: string; name: string };
const problems: string[] = [];

function adminGet(path: string): Promise<any> {
  return new Promise((done, fail) => {
    const req = request(`${centre.url}${path}`, { ca: certificate.cert, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done(JSON.parse(body)));
    });
    req.on('error', fail);
    req.end();
  });
}

async function workstation(username: string, password: string): Promise<BoardPage> {
  // The workstation trusts the centre's certificate (in the desktop app it is pinned when first connecting).
  const context = await browser.newContext({ viewport: SCREEN, ignoreHTTPSErrors: true, locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${username}: ${error.message}`));
  const login = new LoginPage(page, centre.url);
  await login.goto('/board');
  await login.login(username, password);
  const board = new BoardPage(page, centre.url);
  await board.waitReady();
  await board.waitLive();
  // A reload would wipe this; finding it later proves the page lived through the restart.
  await page.evaluate(() => ((window as unknown as { sessionMark: string }).sessionMark = 'same page'));
  return board;
}

const sessionMark = (page: Page) => page.evaluate(() => (window as unknown as { sessionMark?: string }).sessionMark);

/** Fills the manual-entry form for `customer` and clicks Create; the caller decides what to wait for. */
async function typeOrder(board: BoardPage, description: string): Promise<void> {
  await startOrder(board);
  await finishOrder(board, description);
}

/** Opens the manual-entry form and picks category and customer (looked up on the centre). */
async function startOrder(board: BoardPage): Promise<void> {
  await board.page.keyboard.press('n');
  await board.newOrder.root.waitFor();
  await board.newOrder.fill({ category: 'Water leak', customerSearch: customer.name, customer: customer.name, description: '' });
}

async function finishOrder(board: BoardPage, description: string): Promise<void> {
  await board.newOrder.root.getByLabel('Description').fill(description);
  await board.newOrder.createButton.click();
}

/** The number of the order the drawer opened with once the form's call has been answered (not `previous`). */
async function openedNumber(board: BoardPage, previous = '', timeout = 30_000): Promise<string> {
  const shown = board.drawer.number.filter({ hasText: /WO-\d{4}-\d{6}/ });
  await (previous ? shown.filter({ hasNotText: previous }) : shown).waitFor({ timeout });
  return (await board.drawer.number.innerText()).trim();
}

/** Milliseconds until a condition holds on the other workstation (printed: the figure the issue asks about). */
async function timeUntil(what: string, wait: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await wait();
  const elapsed = Math.round(performance.now() - started);
  console.info(`two workstations: ${what} seen by the other in ${elapsed} ms`);
  return elapsed;
}

beforeAll(async () => {
  certificate = makeTestCertificate();
  dataDir = mkdtempSync(join(tmpdir(), 'dcr-two-ws-'));
  const webRoot = await ensureWebBuild(resolve(import.meta.dirname, '..', '..'), () => undefined);
  const port = await freePort();
  centre = new CentreProcess(
    ['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--demo', '--web-root', webRoot, '--tls-cert', certificate.certFile, '--tls-key', certificate.keyFile],
    { DISPATCH_ADMIN_TOKEN: ADMIN_TOKEN },
  );
  await centre.start();
  expect(centre.url).toBe(`https://127.0.0.1:${port}`);
  const customers = (await adminGet('/api/v1/customers?limit=50')).items as { id: string; name: string; sites: unknown[] }[];
  customer = customers.find((c) => c.sites.length === 1)!;
  browser = await launchChromium();
  alice = await workstation('dispatcher', 'demo-dispatcher');
  bob = await workstation('manager', 'demo-manager');
});

afterAll(async () => {
  await browser?.close();
  await centre?.kill();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(certificate.dir, { recursive: true, force: true });
});

describe('two workstations on one centre', () => {
  let number = '';

  it('shows each workstation the other one’s changes within a second', async () => {
    await typeOrder(alice, 'Two workstations: leak under the sink in the canteen.');
    number = await openedNumber(alice);
    expect(number).toMatch(/^WO-\d{4}-\d{6}$/);
    expect(await timeUntil('new order', () => bob.queueRow(number).waitFor())).toBeLessThan(WITHIN_MS);

    await bob.openOrder(number);
    await bob.drawer.approveButton.click();
    await expect.poll(() => bob.drawer.status.innerText()).toBe('Dispatched');
    expect(await timeUntil('approval', () => alice.waitRowStatus(number, 'dispatched'))).toBeLessThan(WITHIN_MS);
    await bob.drawer.close();
  });

  it('survives a host restart: the loss is shown at once, nothing typed meanwhile is lost or sent twice', async () => {
    await alice.drawer.close();
    // Alice is in the middle of entering a call when the host goes down.
    await startOrder(alice);
    await centre.kill();
    for (const board of [alice, bob]) {
      await board.page.getByTestId('connection-banner').and(board.page.locator('.lost')).waitFor({ timeout: 5000 });
    }

    const description = 'Typed during the outage: ceiling tile soaked above the server room.';
    await finishOrder(alice, description);
    await alice.page.locator('[data-testid="connection-banner"][data-waiting="1"]').waitFor();
    await alice.newOrder.root.getByTestId('order-waiting').waitFor();
    await screenshot(alice.page, 'two-workstations-offline');

    await centre.start();
    for (const board of [alice, bob]) {
      await board.waitLive(30_000);
      expect(await sessionMark(board.page)).toBe('same page');
    }
    // The dialog's own call was kept and completes now: the new order opens in the drawer.
    const typed = await openedNumber(alice, number, 15_000);
    await alice.page.getByTestId('connection-banner').waitFor({ state: 'detached' });
    await bob.queueRow(typed).waitFor({ timeout: 5000 });

    const recent = (await adminGet('/api/v1/work-orders?limit=100')).items as { number: string; description?: string; id: string }[];
    const details = await Promise.all(recent.map((o) => adminGet(`/api/v1/work-orders/${o.id}`)));
    expect(details.filter((o) => o.description === description).map((o) => o.number)).toEqual([typed]);
  });

  it('keeps working together after the restart', async () => {
    await alice.drawer.close();
    await bob.openOrder(number);
    await screenshot(bob.page, 'two-workstations-after-restart');
    await typeOrder(bob, 'After the restart: water on the floor by the lift.');
    const made = await openedNumber(bob, number);
    expect(await timeUntil('order after the restart', () => alice.queueRow(made).waitFor())).toBeLessThan(WITHIN_MS);
    expect(problems).toEqual([]);
  });
});
