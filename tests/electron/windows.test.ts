import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { applySessionPolicy, createAppUrlCheck, createWindowFactory, localRouteUrl } from '../../src/main/windows';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { BrowserWindow, FakeWebContents, resetFakes, session, shell } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const PRELOAD = '/app/out/preload/index.cjs';
const DEV = { devServerUrl: 'http://localhost:5173' };
const PACKAGED = { indexFile: '/opt/dcr/resources/app.asar/out/renderer/index.html' };
const SECURE = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: PRELOAD };
const REMOTE = { centreUrl: 'https://192.168.1.20:5170', localRenderer: PACKAGED };
const LOCAL_CONNECT_PAGE = 'file:///opt/dcr/resources/app.asar/out/renderer/index.html#/connect';

beforeEach(resetFakes);


/** Asks the permission handler applySessionPolicy installed, as a page at `url` requesting `permission`. */
function permissionAnswers(): (url: string, permission: string) => boolean | undefined {
  const handler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
  const page = new FakeWebContents();
  return (url, permission) => {
    page.url = url;
    let granted: boolean | undefined;
    handler(page, permission, (ok) => (granted = ok));
    return granted;
  };
}
describe('createMainWindow', () => {
  it('creates the window with isolation, sandbox, no node integration and the preload', () => {
    createWindowFactory({ location: DEV, preload: PRELOAD, logger: silentLogger }).createMainWindow();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]!.options.webPreferences).toMatchObject({ ...SECURE, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(BrowserWindow.created[0]!.options.show).toBe(false);
  });

  it("tells the preload the window shows this computer's own renderer", () => {
    createWindowFactory({ location: PACKAGED, preload: PRELOAD, logger: silentLogger }).createMainWindow();
    expect(BrowserWindow.created[0]!.options.webPreferences.additionalArguments).toEqual(['--dcr-centre=local']);
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

  it('denies window.open of a foreign URL and opens no window; plain web links go to the system browser only', () => {
    expect(board.webContents.windowOpen('https://docs.example/dispatch')).toEqual({ action: 'deny' });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://fileserver/share', 'https://user:pw@evil.example/', 'ms-msdt:/id', 'not a url']) {
      expect(board.webContents.windowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(BrowserWindow.created).toHaveLength(1);
    expect(onPopOut).not.toHaveBeenCalled();
    expect(shell.openExternal.mock.calls).toEqual([['https://docs.example/dispatch']]);
  });

  it('opens an app page as a pop-out window with the same secure options', () => {
    expect(board.webContents.windowOpen('http://localhost:5173/#/wall')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(2);
    const popOut = BrowserWindow.created[1]!;
    expect(popOut.options.webPreferences).toEqual(board.options.webPreferences);
    expect(popOut.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/wall' }]);
    expect(onPopOut).toHaveBeenCalledWith(popOut, board, 'http://localhost:5173/#/wall');
    // The pop-out is hardened too: it cannot navigate away or open foreign windows either.
    expect(popOut.webContents.attemptNavigation('https://evil.example/')).toBe(true);
    expect(popOut.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(2);
  });
});

describe('createWindow', () => {
  it('opens any route with the same hardening as the board, in the layout it is given', () => {
    const factory = createWindowFactory({ location: PACKAGED, preload: PRELOAD, logger: silentLogger });
    const wall = factory.createWindow('/wall', { x: 1920, y: 0, width: 2560, height: 1440, fullScreen: true, wall: true }) as unknown as BrowserWindow;
    expect(wall.options).toMatchObject({ x: 1920, y: 0, width: 2560, height: 1440, frame: false, autoHideMenuBar: true, show: false });
    expect(wall.options.webPreferences).toMatchObject({ ...SECURE, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(wall.loads).toEqual([{ kind: 'file', target: PACKAGED.indexFile, options: { hash: '/wall' } }]);
    expect(wall.webContents.attemptNavigation('https://evil.example/')).toBe(true);
    expect(wall.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(wall.setFullScreen).not.toHaveBeenCalled();
    wall.emit('ready-to-show');
    expect(wall.setFullScreen).toHaveBeenCalledWith(true);
    expect(wall.show).toHaveBeenCalledTimes(1);
  });

  it('moves an open window to another route within the same page', () => {
    const factory = createWindowFactory({ location: PACKAGED, preload: PRELOAD, logger: silentLogger });
    const board = factory.createMainWindow() as unknown as BrowserWindow;
    const page = board.webContents.url.split('#')[0];
    factory.showRoute(board as never, '/risk');
    expect(board.loads.at(-1)).toEqual({ kind: 'url', target: 'file:///opt/dcr/resources/app.asar/out/renderer/index.html#/risk' });
    // Only the hash differs from the page already loaded, so the renderer keeps running (a same-document navigation).
    expect(board.webContents.url).toBe(`${page}#/risk`);
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
    const answer = permissionAnswers();
    expect(answer('http://localhost:5173/#/board', 'notifications')).toBe(true);
    expect(answer('http://localhost:5173/#/board', 'geolocation')).toBe(false);
    expect(answer('http://localhost:5173/#/board', 'media')).toBe(false);
    expect(answer('https://evil.example/', 'notifications')).toBe(false);
  });
});

describe('windows of a remote centre', () => {
  const factory = () => createWindowFactory({ location: REMOTE, preload: PRELOAD, logger: silentLogger });

  it("load the centre's own pages, hardened the same way, and tell the preload they are remote", () => {
    const board = factory().createMainWindow() as unknown as BrowserWindow;
    expect(board.loads).toEqual([{ kind: 'url', target: 'https://192.168.1.20:5170/#/board' }]);
    expect(board.options.webPreferences).toMatchObject({ ...SECURE, nodeIntegrationInSubFrames: false, webviewTag: false, allowRunningInsecureContent: false });
    expect(board.options.webPreferences.additionalArguments).toEqual(['--dcr-centre=remote']);
    expect(board.webContents.attemptNavigation('https://evil.example/')).toBe(true);
    expect(board.webContents.attemptNavigation('https://192.168.1.20:5171/')).toBe(true);
    expect(board.webContents.attemptNavigation('https://192.168.1.20:5170/#/reports')).toBe(false);
  });

  it('open pop-outs of centre pages as remote windows, and nothing foreign', () => {
    const board = factory().createMainWindow() as unknown as BrowserWindow;
    expect(board.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(BrowserWindow.created).toHaveLength(1);
    board.webContents.windowOpen('https://192.168.1.20:5170/#/panel/map');
    const popOut = BrowserWindow.created[1]!;
    expect(popOut.loads).toEqual([{ kind: 'url', target: 'https://192.168.1.20:5170/#/panel/map' }]);
    expect(popOut.options.webPreferences.additionalArguments).toEqual(['--dcr-centre=remote']);
  });

  it('move to another route of the centre', () => {
    const f = factory();
    const wall = f.createWindow('/wall', { width: 800, height: 600, wall: true }) as unknown as BrowserWindow;
    f.showRoute(wall as never, '/risk');
    expect(wall.loads.map((l) => l.target)).toEqual(['https://192.168.1.20:5170/#/wall', 'https://192.168.1.20:5170/#/risk']);
  });

  it("show the desktop's connect page when the centre's certificate is refused or the centre cannot be reached", () => {
    const board = factory().createMainWindow() as unknown as BrowserWindow;
    const fail = (code: number, url: string, isMainFrame = true) => board.webContents.emit('did-fail-load', {}, code, 'failed', url, isMainFrame);
    fail(-202, 'https://192.168.1.20:5170/#/board'); // ERR_CERT_AUTHORITY_INVALID: the pinned certificate changed
    expect(board.loads.at(-1)).toEqual({ kind: 'url', target: `${LOCAL_CONNECT_PAGE}?problem=certificate` });
    fail(-102, 'https://192.168.1.20:5170/#/board'); // ERR_CONNECTION_REFUSED
    expect(board.loads.at(-1)).toEqual({ kind: 'url', target: `${LOCAL_CONNECT_PAGE}?problem=unreachable` });
  });

  it('ignore superseded navigations, frames inside the page and pages that are not the centre', () => {
    const board = factory().createMainWindow() as unknown as BrowserWindow;
    board.webContents.emit('did-fail-load', {}, -3, 'aborted', 'https://192.168.1.20:5170/#/board', true);
    board.webContents.emit('did-fail-load', {}, -202, 'cert', 'https://192.168.1.20:5170/frame', false);
    board.webContents.emit('did-fail-load', {}, -6, 'not found', `${LOCAL_CONNECT_PAGE}?problem=unreachable`, true);
    expect(board.loads).toHaveLength(1);
  });

  it('only the centre origin and the local renderer are app pages', () => {
    const isApp = createAppUrlCheck(REMOTE);
    expect(isApp('https://192.168.1.20:5170/#/board')).toBe(true);
    expect(isApp(LOCAL_CONNECT_PAGE)).toBe(true);
    expect(isApp('http://192.168.1.20:5170/#/board')).toBe(false);
    expect(isApp('https://192.168.1.20:5171/#/board')).toBe(false);
    expect(isApp('https://192.168.1.21:5170/#/board')).toBe(false);
    expect(isApp('https://evil.example/')).toBe(false);
    expect(isApp('file:///tmp/index.html#/connect')).toBe(false);
  });

  it("grants notifications to the centre's pages", () => {
    applySessionPolicy(session.defaultSession as unknown as Session, createAppUrlCheck(REMOTE));
    const answer = permissionAnswers();
    expect(answer('https://192.168.1.20:5170/#/board', 'notifications')).toBe(true);
    expect(answer('https://192.168.1.20:5170/#/board', 'media')).toBe(false);
    expect(answer('https://evil.example/', 'notifications')).toBe(false);
  });
});

describe('localRouteUrl', () => {
  it("addresses a route of the desktop's own renderer, packaged or in development", () => {
    expect(localRouteUrl(PACKAGED, '/connect')).toBe(LOCAL_CONNECT_PAGE);
    expect(localRouteUrl(DEV, '/connect?problem=certificate')).toBe('http://localhost:5173/#/connect?problem=certificate');
  });
});
