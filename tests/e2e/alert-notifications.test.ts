import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/server/web-build';
import type { AlertEvent } from '../../src/shared/schemas/alerts.schema';
import { startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, openWatchedPage } from './helpers/browser';
import { BoardPage, LoginPage } from './pages';

/**
 * A workstation on the network (a browser, or the desktop app on a remote centre) shows an alert as a system
 * notification to the roles it names, once per alert and change, and a click opens the SLA risk view. The page's
 * Notification is replaced by a recorder, as Chromium headless shows none; the event travels the real stream.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ webRoot: await ensureWebBuild(process.cwd(), () => {}) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const alertEvent = (change: AlertEvent['change'], notifyRoles: AlertEvent['alert']['notifyRoles']): AlertEvent => ({
  change,
  desktop: true,
  alert: {
    id: 'alr_e2e_1',
    kind: 'escalation',
    severity: 'critical',
    title: 'WO-2026-000042: resolution breached',
    message: 'Harbour Foods · Water leak · was due 10:30',
    orderId: null,
    orderNumber: 'WO-2026-000042',
    clockId: null,
    metric: 'resolution',
    level: 3,
    raisedAt: Date.now(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    late: false,
    notifyRoles,
    channels: ['in_app', 'desktop'],
    percentElapsed: 104,
    clockState: 'breached',
    dueAt: Date.now() - 60_000,
    data: {},
    deliveries: { sent: 0, failed: 0, pending: 0, dead: 0 },
  } as unknown as AlertEvent['alert'],
});

describe('alert notifications on a network workstation', () => {
  it('notifies a notified role once per alert and change, ignores others, and opens the risk view on a click', async () => {
    const { page, context, problems } = await openWatchedPage(browser, { width: 1440, height: 900 });
    await page.addInitScript(() => {
      const shown: { title: string; body?: string; tag?: string }[] = [];
      class RecordingNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body?: string; tag?: string }) {
          shown.push({ title, body: options.body, tag: options.tag });
          (window as unknown as { lastNotification: RecordingNotification }).lastNotification = this;
        }
        close(): void {}
      }
      Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
    });
    const login = new LoginPage(page, server.url);
    await login.goto('/board');
    await login.login('dispatcher', 'demo-dispatcher');
    const board = new BoardPage(page, server.url);
    await board.waitLive();

    server.core.bus.publish('alert.raised', alertEvent('raised', ['manager']));
    server.core.bus.publish('alert.raised', alertEvent('raised', ['dispatcher', 'manager']));
    server.core.bus.publish('alert.updated', alertEvent('repeated', ['dispatcher']));
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications);
    await expect.poll(shown).toHaveLength(2);
    expect(await shown()).toEqual([
      { title: 'WO-2026-000042: resolution breached', body: 'Harbour Foods · Water leak · was due 10:30', tag: 'alr_e2e_1:raised' },
      { title: 'Reminder: WO-2026-000042: resolution breached', body: 'Harbour Foods · Water leak · was due 10:30', tag: 'alr_e2e_1:repeated' },
    ]);

    await page.evaluate(() => (window as unknown as { lastNotification: { onclick(): void } }).lastNotification.onclick());
    await page.waitForURL(/#\/risk/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
