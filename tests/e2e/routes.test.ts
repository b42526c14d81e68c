import { existsSync, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/server/web-build';
import { ADMIN_TOKEN, api, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, openWatchedPage, screenshot, waitReady } from './helpers/browser';

let server: TestServer;
let browser: Browser;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  server = await startTestServer({ webRoot });
  browser = await launchChromium();
  tokens.admin = ADMIN_TOKEN;
  tokens.display = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'display', name: 'Wall e2e' } })).body.secret;
  tokens.device = (await api(server.url, '/api/v1/api-keys', { body: { kind: 'device', name: 'Phone e2e', technicianId: 'tech_0001' } })).body.secret;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every window of the product, with the token kind that may open it and the screen it is made for. */
const ROUTES = [
  { route: 'board', token: 'admin', viewport: { width: 1920, height: 1080 } },
  { route: 'wall', token: 'display', viewport: { width: 1920, height: 1080 } },
  { route: 'reports', token: 'admin', viewport: { width: 1440, height: 900 } },
  { route: 'admin', token: 'admin', viewport: { width: 1440, height: 900 } },
  { route: 'tech', token: 'device', viewport: { width: 390, height: 844 } },
] as const;

describe('every window opens in Chromium against the headless server', () => {
  it('serves the UI and health', async () => {
    expect((await api(server.url, '/api/health', { token: null })).status).toBe(200);
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('<div id="app"');
  });

  it.each(ROUTES)('/$route renders with no console error', async ({ route, token, viewport }) => {
    const { page, context, problems } = await openWatchedPage(browser, viewport);
    await page.goto(`${server.url}/#/${route}?token=${encodeURIComponent(tokens[token]!)}`);
    await waitReady(page);
    // The pairing token is kept in storage and removed from the address bar.
    expect(page.url()).not.toContain('token=');
    expect(page.url()).toContain(`#/${route}`);
    const path = await screenshot(page, route);
    expect(statSync(path).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends a visitor without a token to the login page, and signs in', async () => {
    const { page, context, problems } = await openWatchedPage(browser, { width: 1366, height: 768 });
    await page.goto(`${server.url}/#/board`);
    await page.waitForURL(/#\/login/);
    await waitReady(page);
    await screenshot(page, 'login');
    await page.getByLabel('Username').fill('dispatcher');
    await page.getByLabel('Password').fill('demo-dispatcher');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/#\/board/);
    await waitReady(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the screenshots as artifacts', () => {
    for (const name of [...ROUTES.map((r) => r.route), 'login']) expect(existsSync(`tests/e2e/screenshots/${name}.png`)).toBe(true);
  });
});
