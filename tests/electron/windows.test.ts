import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { applySessionPolicy, createAppUrlCheck, createWindowFactory } from '../../src/main/windows';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { BrowserWindow, FakeWebContents, resetFakes, session } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const PRELOAD = '/app/out/preload/index.cjs';
const DEV = { devServerUrl: 'http://localhost:5173' };
const PACKAGED = { indexFile: '/opt/dcr/resources/app.asar/out/renderer/index.html' };
const SECURE = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: PRELOAD };

beforeEach(resetFakes);

describe('createMainWindow', () => {
  it('creates the window with isolation, sandbox, no node integration and the preload', () => {
    createWindowFactory({ location: DEV, preload: PRELOAD, logger: silentLogger }).createMainWindow();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]!.options.webPreferences).toMatchObject({ ...SECURE, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(BrowserWindow.created[0]!.options.show).toBe(false);
  });

  it('loads the board from the dev server in development', () => {
    const win = createWindowFactory({ location: DEV, preload: PRELOAD, logger: silentLogger }).createMainWindow() as unknown as BrowserWindow;
    expect(win.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/board' }]);
  });

  it('loads the board from the built files when packaged', () => {
    const win = createWindowFactory({ location: PACKAGED, preload: PRELOAD, logger: silentLogger }).createMainWindow() as unknown as BrowserWindow;
    expect(win.loads).toEqual([{ kind: 'file', target: PACKAGED.indexFile, options: { hash: '/board' } }]);
  });

  it('shows the window only once it is ready to show', () => {
    const win = createWindowFactory({ location: DEV, preload: PRELOAD, logger: silentLogger }).createMainWindow() as unknown as BrowserWindow;
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});

describe('navigation and new windows', () => {
  const onPopOut = vi.fn();
  let board: BrowserWindow;

  beforeEach(() => {
    board = createWindowFactory({ location: DEV, preload: PRELOAD, logger: silentLogger, onPopOut }).createMainWindow() as unknown as BrowserWindow;
  });

  it('prevents navigation to a foreign origin and allows it within the app', () => {
    expect(board.webContents.attemptNavigation('https://evil.example/phish')).toBe(true);
    expect(board.webContents.attemptNavigation('http://localhost:5174/')).toBe(true);
    expect(board.webContents.attemptNavigation('http://localhost:5173/#/reports')).toBe(false);
  });

  it('denies window.open of a foreign URL and opens no window', () => {
    expect(board.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(board.webContents.windowOpen('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(1);
    expect(onPopOut).not.toHaveBeenCalled();
  });

  it('opens an app page as a pop-out window with the same secure options', () => {
    expect(board.webContents.windowOpen('http://localhost:5173/#/wall')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(2);
    const popOut = BrowserWindow.created[1]!;
    expect(popOut.options.webPreferences).toEqual(board.options.webPreferences);
    expect(popOut.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/wall' }]);
    expect(onPopOut).toHaveBeenCalledWith(popOut, board);
    // The pop-out is hardened too: it cannot navigate away or open foreign windows either.
    expect(popOut.webContents.attemptNavigation('https://evil.example/')).toBe(true);
    expect(popOut.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(2);
  });
});

describe('createAppUrlCheck', () => {
  it('accepts the dev server origin only', () => {
    const isApp = createAppUrlCheck(DEV);
    expect(isApp('http://localhost:5173/#/board')).toBe(true);
    expect(isApp('http://localhost:5173/index.html?x=1#/wall')).toBe(true);
    expect(isApp('http://127.0.0.1:5173/#/board')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('accepts exactly the packaged index file, with any route', () => {
    const isApp = createAppUrlCheck(PACKAGED);
    expect(isApp('file:///opt/dcr/resources/app.asar/out/renderer/index.html#/board')).toBe(true);
    expect(isApp('file:///opt/dcr/resources/app.asar/out/renderer/other.html')).toBe(false);
    expect(isApp('file:///tmp/index.html#/board')).toBe(false);
    expect(isApp('http://localhost:5173/#/board')).toBe(false);
  });
});

describe('applySessionPolicy', () => {
  const isApp = createAppUrlCheck(DEV);
  const defaultSession = session.defaultSession;

  it('replaces any policy in a response with exactly the app policy (the one the server also sends)', () => {
    applySessionPolicy(defaultSession as unknown as Session, isApp);
    const onHeaders = defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void;
    const callback = vi.fn();
    onHeaders({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('denies every permission request except notifications from app pages', () => {
    applySessionPolicy(defaultSession as unknown as Session, isApp);
    const handler = defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    const page = new FakeWebContents();
    const answer = (url: string, permission: string) => {
      page.url = url;
      let granted: boolean | undefined;
      handler(page, permission, (ok) => (granted = ok));
      return granted;
    };
    expect(answer('http://localhost:5173/#/board', 'notifications')).toBe(true);
    expect(answer('http://localhost:5173/#/board', 'geolocation')).toBe(false);
    expect(answer('http://localhost:5173/#/board', 'media')).toBe(false);
    expect(answer('https://evil.example/', 'notifications')).toBe(false);
  });
});
