import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { CENTRE_SETTINGS_FILE, loadCentreSetting, saveCentreSetting } from '../../src/main/centre-settings';
import { bindDesktopIpc } from '../../src/main/desktop-ipc';
import { DESKTOP_CHANNELS, type DesktopBridge, type DesktopResult } from '../../src/shared/bridge';
import { makeTestCertificate, type TestCertificate } from '../helpers/tls-certificate';
import { FakeWebContents, ipcMain, resetFakes } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const CONNECT_PAGE = 'file:///opt/dcr/resources/app.asar/out/renderer/index.html#/connect';
/** Nothing listens there: input that reached the network would fail as bad_request, not validation. */
const NOWHERE = 'https://127.0.0.1:1';
const isLocalPage = (url: string) => url.startsWith('file:///opt/dcr/resources/app.asar/out/renderer/index.html');

let certificate: TestCertificate;
let server: Server;
let centre: string;
let fingerprint: string;
let userDataDir: string;
const switchCentre = vi.fn();
const logger = { ...silentLogger, error: vi.fn(), info: vi.fn() };
let unbind: () => void;

beforeAll(async () => {
  certificate = makeTestCertificate();
  fingerprint = new X509Certificate(certificate.cert).fingerprint256;
  server = createServer({ cert: certificate.cert, key: certificate.key }, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', version: '3.1.0' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  centre = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(certificate.dir, { recursive: true, force: true });
});

beforeEach(() => {
  resetFakes();
  userDataDir = mkdtempSync(join(tmpdir(), 'dcr-desktop-'));
  // The windows' check: the local renderer, and the remote centre's pages.
  const isAppUrl = (url: string) => isLocalPage(url) || url.startsWith(`${centre}/`);
  unbind = bindDesktopIpc(ipcMain, { isLocalPage, isAppUrl, connectPageUrl: CONNECT_PAGE, userDataDir, logger, switchCentre });
});
afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

/** A sender that can be sent elsewhere, like a real webContents. */
class Sender extends FakeWebContents {
  readonly loadURL = vi.fn(async (url: string) => {
    this.url = url;
  });
}

function call<K extends keyof DesktopBridge>(name: K, frameUrl: string | null, ...args: unknown[]) {
  const sender = new Sender();
  const event = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
  const handler = ipcMain.handlers.get(DESKTOP_CHANNELS[name])!;
  return { sender, result: handler(event, ...args) as Promise<DesktopResult<unknown>> };
}
const fromLocalPage = <K extends keyof DesktopBridge>(name: K, ...args: unknown[]) => call(name, CONNECT_PAGE, ...args).result;

describe('bindDesktopIpc', () => {
  it('registers one handler per desktop method on the fixed channels, and removes them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(DESKTOP_CHANNELS).sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('reads the current centre', async () => {
    expect(await fromLocalPage('currentCentre')).toEqual({ ok: true, value: { mode: 'local' } });
    saveCentreSetting(userDataDir, { mode: 'remote', url: centre, fingerprint });
    expect(await fromLocalPage('currentCentre')).toEqual({ ok: true, value: { mode: 'remote', url: centre, fingerprint } });
  });

  it('probes a centre the user typed, without the scheme', async () => {
    const result = await fromLocalPage('probeCentre', centre.replace('https://', ''));
    expect(result).toMatchObject({ ok: true, value: { url: centre, version: '3.1.0', trustedBySystem: false, certificate: { fingerprint256: fingerprint } } });
  });

  it('connects: saves the centre with its pinned fingerprint, then has main switch to it', async () => {
    expect(await fromLocalPage('connectCentre', `${centre}/`, fingerprint.toLowerCase())).toEqual({ ok: true, value: null });
    const setting = { mode: 'remote', url: centre, fingerprint };
    expect(loadCentreSetting(userDataDir, logger)).toEqual(setting);
    expect(switchCentre).toHaveBeenCalledWith(setting);
  });

  it('refuses to pin a fingerprint the centre does not present, and saves nothing', async () => {
    const wrong = fingerprint.replace(/^../, fingerprint.startsWith('00') ? '11' : '00');
    const result = await fromLocalPage('connectCentre', centre, wrong);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', detail: expect.stringContaining('different certificate') } });
    expect(existsSync(join(userDataDir, CENTRE_SETTINGS_FILE))).toBe(false);
    expect(switchCentre).not.toHaveBeenCalled();
  });

  it('refuses to connect without a fingerprint when the system does not trust the certificate', async () => {
    const result = await fromLocalPage('connectCentre', centre, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', detail: expect.stringContaining('does not trust') } });
    expect(switchCentre).not.toHaveBeenCalled();
  });

  it('goes back to this computer', async () => {
    saveCentreSetting(userDataDir, { mode: 'remote', url: centre, fingerprint });
    expect(await fromLocalPage('useLocalCentre')).toEqual({ ok: true, value: null });
    expect(loadCentreSetting(userDataDir, logger)).toEqual({ mode: 'local' });
    expect(switchCentre).toHaveBeenCalledWith({ mode: 'local' });
  });

  it('answers a probe that fails with its sentence', async () => {
    const result = await fromLocalPage('probeCentre', NOWHERE);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', detail: `Nothing answers at ${NOWHERE}. Check the address and port, and that the centre is running.` } });
  });

  it.each([
    ['probeCentre', [42]],
    ['probeCentre', ['http://192.168.1.20:5170']],
    ['probeCentre', [{ url: 'https://a.example' }]],
    ['connectCentre', [NOWHERE, 'AB:CD']],
    ['connectCentre', ['ftp://a.example', null]],
    ['connectCentre', [NOWHERE, undefined]],
  ] as const)('refuses invalid input to %s (%j) before any network call', async (name, args) => {
    const result = await fromLocalPage(name, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', errors: [expect.objectContaining({ path: expect.any(String) })] } });
    expect(switchCentre).not.toHaveBeenCalled();
  });

  it.each([
    ["a remote centre's page", () => `${centre}/#/login`],
    ['a foreign page', () => 'https://evil.example/'],
    ['a destroyed frame', () => null],
  ])('refuses %s choosing or reading the centre', async (_label, frame) => {
    for (const [name, args] of [
      ['currentCentre', []],
      ['probeCentre', [centre]],
      ['connectCentre', [centre, fingerprint]],
      ['useLocalCentre', []],
    ] as const) {
      const result = await call(name, frame(), ...args).result;
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', status: 403 } });
    }
    expect(existsSync(join(userDataDir, CENTRE_SETTINGS_FILE))).toBe(false);
    expect(switchCentre).not.toHaveBeenCalled();
  });

  it("shows the desktop's connect page in the window of any app page, the centre's too", async () => {
    for (const frame of [`${centre}/#/login`, CONNECT_PAGE.replace('/connect', '/login')]) {
      const { sender, result } = call('showConnectPage', frame);
      expect(await result).toEqual({ ok: true, value: null });
      expect(sender.loadURL).toHaveBeenCalledWith(CONNECT_PAGE);
    }
    const foreign = call('showConnectPage', 'https://evil.example/');
    expect(await foreign.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(foreign.sender.loadURL).not.toHaveBeenCalled();
  });

  it('turns an unexpected failure into a generic problem, logged', async () => {
    switchCentre.mockRejectedValueOnce(new Error('window gone at /secret/path'));
    const result = await fromLocalPage('useLocalCentre');
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal', detail: 'Something went wrong in the app. The error has been logged.' }) });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledWith('desktop IPC call failed', expect.objectContaining({ method: 'useLocalCentre' }));
  });
});

