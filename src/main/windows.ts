import { BrowserWindow, type Session, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../core/logger';
import { openExternalSafely } from './external-links';
import { LOCAL_CENTRE_ARGUMENT, REMOTE_CENTRE_ARGUMENT, type ConnectProblem } from '../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../shared/security';

/** The desktop's own renderer: electron-vite's dev server, or the built files inside the app. */
export type LocalRenderer = { devServerUrl: string } | { indexFile: string };

/**
 * Where windows load the app from: the desktop's own renderer, or a remote centre, which serves the same renderer
 * to its workstations. A remote location keeps the local renderer for the desktop's own pages (connect to a centre).
 */
export type RendererLocation = LocalRenderer | { centreUrl: string; localRenderer: LocalRenderer };

const isRemote = (location: RendererLocation): location is { centreUrl: string; localRenderer: LocalRenderer } => 'centreUrl' in location;

const START_ROUTE = '/board';
const TITLE = 'Dispatch Control Room';

/** Where and how a window opens; without x and y the OS places it. */
export interface WindowLayout {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
  maximized?: boolean;
  fullScreen?: boolean;
  /** A wall display: no frame and no menu bar, nothing but the page. */
  wall?: boolean;
}

export const MAIN_LAYOUT: WindowLayout = { width: 1440, height: 900, minWidth: 1024, minHeight: 640 };
export const POP_OUT_LAYOUT: WindowLayout = { width: 1024, height: 768, minWidth: 480, minHeight: 360 };

/** Decides whether a URL is one of the app's own pages: the local renderer's, or the remote centre's. */
export function createAppUrlCheck(location: RendererLocation): (url: string) => boolean {
  if (isRemote(location)) {
    const origin = new URL(location.centreUrl).origin;
    const isLocalPage = createAppUrlCheck(location.localRenderer);
    return (url) => parseUrl(url)?.origin === origin || isLocalPage(url);
  }
  if ('devServerUrl' in location) {
    const origin = new URL(location.devServerUrl).origin;
    return (url) => parseUrl(url)?.origin === origin;
  }
  // Every file:// URL has the opaque origin "null", so the packaged renderer is recognised by its exact file;
  // routes live in the hash, so no other file is ever part of the app.
  const index = pathToFileURL(location.indexFile);
  return (url) => {
    const parsed = parseUrl(url);
    return parsed !== null && parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname;
  };
}

/** The address of `route` (`/connect?problem=…`) on the desktop's own renderer. */
export function localRouteUrl(local: LocalRenderer, route: string): string {
  return 'devServerUrl' in local ? new URL(`#${route}`, local.devServerUrl).href : `${pathToFileURL(local.indexFile).href}#${route}`;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `remote`: the window shows a remote centre's pages, so the preload must not expose the bridge to this computer's
 * store (the page talks HTTP to its centre); the preload reads this from its command line.
 */
export function secureWebPreferences(preload: string, remote = false): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload,
    additionalArguments: [remote ? REMOTE_CENTRE_ARGUMENT : LOCAL_CENTRE_ARGUMENT],
  };
}

/** CSP on every response and no device permissions (camera, geolocation…) except notifications for app pages. */
export function applySessionPolicy(session: Session, isAppUrl: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Drop any policy the response already carries so exactly one, ours, applies.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(permission === 'notifications' && isAppUrl(webContents.getURL()));
  });
}

/** Restores a window the user minimised or left behind others and puts it in front. */
export function bringForward(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export interface WindowFactoryOptions {
  location: RendererLocation;
  /** Absolute path of the bundled preload. */
  preload: string;
  logger: Logger;
  /** Called for each pop-out with the window that opened it (main shares the opener's session with it). */
  onPopOut?(child: BrowserWindow, opener: BrowserWindow, url: string): void;
  /** Where the pop-out of `url` opens; a default size placed by the OS when not given. */
  popOutLayout?(url: string): WindowLayout;
}

export interface WindowFactory {
  isAppUrl(url: string): boolean;
  createMainWindow(layout?: WindowLayout): BrowserWindow;
  /** A window showing the app at `route` (`/reports`, `/wall`…). */
  createWindow(route: string, layout: WindowLayout): BrowserWindow;
  /** Moves an open window to `route`; within the page this is a hash change, so the renderer does not restart. */
  showRoute(win: BrowserWindow, route: string): void;
}

/**
 * Every window the app opens comes from here, with the same locked-down preferences: navigation may not leave the
 * app, and `window.open` of an app page (a pop-out panel, a wall display) opens another hardened window, while
 * any other URL is refused.
 */
export function createWindowFactory(options: WindowFactoryOptions): WindowFactory {
  const isAppUrl = createAppUrlCheck(options.location);
  const { location } = options;
  const remote = isRemote(location);
  const routeUrl = (route: string) => (remote ? new URL(`#${route}`, location.centreUrl).href : localRouteUrl(location, route));

  function load(win: BrowserWindow, loading: Promise<void>): void {
    loading.catch((error: unknown) => options.logger.error('window failed to load', { window: win.id, error: String(error) }));
  }

  function build(layout: WindowLayout): BrowserWindow {
    const { maximized, fullScreen, wall, ...bounds } = layout;
    const win = new BrowserWindow({
      ...bounds,
      title: TITLE,
      // Shown once painted, so a window never flashes white before the renderer's first frame.
      show: false,
      ...(wall ? { frame: false, autoHideMenuBar: true } : {}),
      webPreferences: secureWebPreferences(options.preload, remote),
    });
    // The application menu would otherwise appear on a wall; its shortcuts still work there.
    if (wall) win.setMenuBarVisibility(false);
    win.once('ready-to-show', () => {
      // Full screen is entered once the window stands on its monitor: given at construction, some platforms
      // would make it full screen on the primary display instead.
      if (maximized) win.maximize();
      if (fullScreen) win.setFullScreen(true);
      win.show();
    });
    win.webContents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    win.webContents.setWindowOpenHandler(({ url }) => {
      // Electron's own child window would inherit preferences implicitly; building it here keeps one code path.
      if (isAppUrl(url)) openPopOut(url, win);
      // A link out of the app goes to the system browser, never into a window of ours; anything but http(s) nowhere.
      else openExternalSafely(url, (error) => options.logger.warn('could not open a link in the browser', { url, error: String(error) }));
      return { action: 'deny' };
    });
    if (remote) showConnectPageOnFailure(win, location, (loading) => load(win, loading));
    return win;
  }

  function openPopOut(url: string, opener: BrowserWindow): void {
    const child = build(options.popOutLayout?.(url) ?? POP_OUT_LAYOUT);
    options.onPopOut?.(child, opener, url);
    load(child, child.loadURL(url));
  }

  function createWindow(route: string, layout: WindowLayout): BrowserWindow {
    const win = build(layout);
    if (remote || 'devServerUrl' in location) load(win, win.loadURL(routeUrl(route)));
    else load(win, win.loadFile(location.indexFile, { hash: route }));
    return win;
  }

  return {
    isAppUrl,
    createMainWindow: (layout = MAIN_LAYOUT) => createWindow(START_ROUTE, layout),
    createWindow,
    showRoute: (win, route) => load(win, win.loadURL(routeUrl(route))),
  };
}

/** Chromium's net error codes for certificate problems (net/base/net_error_list.h). */
const isCertificateError = (code: number) => code <= -200 && code > -300;
/** A navigation replaced by another, not a failure. */
const ERR_ABORTED = -3;

/**
 * A centre page that cannot load (the centre is down, or its certificate no longer matches the pinned one) would
 * leave a blank window; the desktop's own connect page says what happened and how to pair again instead.
 */
function showConnectPageOnFailure(
  win: BrowserWindow,
  location: { centreUrl: string; localRenderer: LocalRenderer },
  load: (loading: Promise<void>) => void,
): void {
  const centre = new URL(location.centreUrl).origin;
  win.webContents.on('did-fail-load', (_event, errorCode, _description, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || parseUrl(url)?.origin !== centre) return;
    const problem: ConnectProblem = isCertificateError(errorCode) ? 'certificate' : 'unreachable';
    load(win.loadURL(localRouteUrl(location.localRenderer, `/connect?problem=${problem}`)));
  });
}
