import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreCheck, CentreSetting } from '../../src/shared/bridge';
import { ensureWebBuild } from '../../src/server/web-build';
import { startTestServer, type TestServer } from '../integration/helpers/test-server';
import { launchChromium, openWatchedPage, screenshot } from './helpers/browser';
import { ConnectPage, LoginPage } from './pages';

/**
 * The desktop app's connect page in Chromium, served by the headless server like every other page. Main is not
 * here, so `window.dispatchDesktop` is a fake injected before the app starts; it records every call.
 */
const CENTRE = 'https://192.168.1.20:5170';
const FINGERPRINT = '3F:A9:0C:12:7B:E4:55:D1:08:9A:CE:21:6F:B3:47:E0:92:1D:5C:AB:73:F8:06:4E:B9:2A:C1:D7:58:3E:90:6B';
const CHECK: CentreCheck = {
  url: CENTRE,
  version: '1.6.0',
  trustedBySystem: false,
  certificate: { subject: 'CN=dispatch-centre.lan, O=Northwind Field Services', validFrom: '2025-01-06T09:00:00.000Z', validTo: '2027-01-06T09:00:00.000Z', fingerprint256: FINGERPRINT },
};

interface FakeDesktop {
  current: CentreSetting;
  check: CentreCheck;
  /** The page is a remote centre's copy, which main does not answer. */
  foreignPage?: boolean;
}

/** Runs in the page before the app: answers like main would, and records the calls in `window.desktopCalls`. */
function installFakeDesktop({ current, check, foreignPage }: FakeDesktop): void {
  const calls: unknown[][] = [];
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const forbidden = { type: 'urn:x', title: 'Not allowed', status: 403, code: 'forbidden', detail: "Only the app's own pages may choose the centre." };
  Object.assign(window, {
    desktopCalls: calls,
    dispatchDesktop: {
      currentCentre: () => (calls.push(['currentCentre']), foreignPage ? Promise.resolve({ ok: false, error: forbidden }) : ok(current)),
      probeCentre: (url: string) => {
        calls.push(['probeCentre', url]);
        if (url.includes('192.168.1.20')) return ok(check);
        const detail = `Nothing answers at https://${url}. Check the address and port, and that the centre is running.`;
        return Promise.resolve({ ok: false, error: { type: 'urn:x', title: 'Bad request', status: 400, code: 'bad_request', detail } });
      },
      connectCentre: (url: string, fingerprint: string | null) => (calls.push(['connectCentre', url, fingerprint]), ok(null)),
      useLocalCentre: () => (calls.push(['useLocalCentre']), ok(null)),
      showConnectPage: () => (calls.push(['showConnectPage']), ok(null)),
    },
  });
}

let server: TestServer;
let browser: Browser;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  const webRoot = await ensureWebBuild(process.cwd(), () => {});
  server = await startTestServer({ webRoot, demo: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function desktopPage(fake: FakeDesktop | null): Promise<{ page: Page; problems: string[] }> {
  const { page, context, problems } = await openWatchedPage(browser, { width: 1440, height: 900 });
  opened.push(context);
  if (fake) await page.addInitScript(installFakeDesktop, fake);
  // Errors must show inline; a dialog would block a workstation.
  page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  return { page, problems };
}

const desktopCalls = (page: Page) => page.evaluate(() => (window as unknown as { desktopCalls: unknown[][] }).desktopCalls);

describe('connect to a centre (desktop app)', () => {
  afterAll(async () => {
    for (const context of opened) await context.close();
  });

  it('checks a centre, shows its certificate fingerprint, and trusts and connects with it', async () => {
    const { page, problems } = await desktopPage({ current: { mode: 'local' }, check: CHECK });
    const connect = new ConnectPage(page, server.url);
    await connect.goto();
    await expect.poll(() => connect.currentCentre.textContent()).toContain("this computer's own centre");

    await connect.check('192.168.1.20:5170');
    await connect.result.waitFor();
    expect(await connect.version.textContent()).toBe('1.6.0');
    expect(await connect.subject.textContent()).toBe('CN=dispatch-centre.lan, O=Northwind Field Services');
    // Grouped in four lines of eight pairs, all 32 pairs present.
    const lines = await connect.fingerprint.locator('span').allTextContents();
    expect(lines).toHaveLength(4);
    expect(lines.join(':')).toBe(FINGERPRINT);
    expect(await connect.fingerprint.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    expect(await connect.result.textContent()).toContain("Compare this fingerprint with the one shown on the centre's host before trusting it.");
    expect(await connect.result.textContent()).toContain('Not trusted by this computer');
    expect(await connect.useOwnCentreButton.count()).toBe(0);
    await screenshot(page, 'connect');

    await connect.connectButton.click();
    await expect.poll(() => desktopCalls(page)).toContainEqual(['connectCentre', CENTRE, FINGERPRINT]);
    expect(await desktopCalls(page)).toContainEqual(['probeCentre', '192.168.1.20:5170']);
    expect(problems).toEqual([]);
  });

  it('shows a failed check inline, and forgets a check when the address changes', async () => {
    const { page, problems } = await desktopPage({ current: { mode: 'local' }, check: CHECK });
    const connect = new ConnectPage(page, server.url);
    await connect.goto();
    await connect.check('192.168.1.20:5170');
    await connect.result.waitFor();

    await connect.check('nowhere.lan:5170');
    await connect.error.waitFor();
    expect(await connect.error.textContent()).toBe('Nothing answers at https://nowhere.lan:5170. Check the address and port, and that the centre is running.');
    expect(await connect.result.count()).toBe(0);
    await screenshot(page, 'connect-error');
    expect(problems).toEqual([]);
  });

  it('after a refused certificate, says how to pair again, and can go back to this computer', async () => {
    const current: CentreSetting = { mode: 'remote', url: CENTRE, fingerprint: FINGERPRINT };
    const { page, problems } = await desktopPage({ current, check: CHECK });
    const connect = new ConnectPage(page, server.url);
    await connect.goto('certificate');
    expect(await connect.problem.textContent()).toContain('compare the new fingerprint');
    // The saved centre is filled in, ready to be checked again.
    await expect.poll(() => connect.address.inputValue()).toBe(CENTRE);
    await screenshot(page, 'connect-certificate-changed');

    await connect.useOwnCentreButton.click();
    await expect.poll(() => desktopCalls(page)).toContainEqual(['useLocalCentre']);
    expect(problems).toEqual([]);
  });

  it("hands over to the desktop's own connect page when opened on a centre's copy", async () => {
    const { page, problems } = await desktopPage({ current: { mode: 'local' }, check: CHECK, foreignPage: true });
    await new ConnectPage(page, server.url).goto();
    await expect.poll(() => desktopCalls(page)).toEqual([['currentCentre'], ['showConnectPage']]);
    expect(problems).toEqual([]);
  });

  it('links the sign-in page to the connect page inside the desktop app only', async () => {
    const desktop = await desktopPage({ current: { mode: 'local' }, check: CHECK });
    await new LoginPage(desktop.page, server.url).goto();
    await screenshot(desktop.page, 'connect-login-link');
    await desktop.page.getByRole('button', { name: 'Connect to another centre…' }).click();
    await expect.poll(() => desktopCalls(desktop.page)).toContainEqual(['showConnectPage']);

    const browserOnly = await desktopPage(null);
    await new LoginPage(browserOnly.page, server.url).goto();
    expect(await browserOnly.page.getByRole('button', { name: 'Connect to another centre…' }).count()).toBe(0);
    expect([...desktop.problems, ...browserOnly.problems]).toEqual([]);
  });
});
