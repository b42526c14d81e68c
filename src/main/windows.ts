import { BrowserWindow, type Session, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../core/logger';
import { CONTENT_SECURITY_POLICY } from '../shared/security';

/** Where the renderer comes from: electron-vite's dev server, or the built files inside the app. */
export type RendererLocation = { devServerUrl: string } | { indexFile: string };


const START_ROUTE = '/board';
const MAIN_BOUNDS = { width: 1440, height: 900, minWidth: 1024, minHeight: 640 };
const POP_OUT_BOUNDS = { width: 1024, height: 768, minWidth: 480, minHeight: 360 };

/** Decides whether a URL is one of the app's own pages. */
export function createAppUrlCheck(location: RendererLocation): (url: string) => boolean {
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

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload,
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

export interface WindowFactoryOptions {
  location: RendererLocation;
  /** Absolute path of the bundled preload. */
  preload: string;
  logger: Logger;
  /** Called for each pop-out with the window that opened it (main shares the opener's session with it). */
  onPopOut?(child: BrowserWindow, opener: BrowserWindow): void;
}

export interface WindowFactory {
  isAppUrl(url: string): boolean;
  createMainWindow(): BrowserWindow;
}

/**
 * Every window the app opens comes from here, with the same locked-down preferences: navigation may not leave the
 * app, and `window.open` of an app page (a pop-out panel, a wall display) opens another hardened window, while
 * any other URL is refused.
 */
export function createWindowFactory(options: WindowFactoryOptions): WindowFactory {
  const isAppUrl = createAppUrlCheck(options.location);

  function load(win: BrowserWindow, loading: Promise<void>): void {
    loading.catch((error: unknown) => options.logger.error('window failed to load', { window: win.id, error: String(error) }));
  }

  function build(bounds: typeof MAIN_BOUNDS): BrowserWindow {
    const win = new BrowserWindow({
      ...bounds,
      title: 'Dispatch Control Room',
      // Shown once painted, so a window never flashes white before the renderer's first frame.
      show: false,
      webPreferences: secureWebPreferences(options.preload),
    });
    win.once('ready-to-show', () => win.show());
    win.webContents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    win.webContents.setWindowOpenHandler(({ url }) => {
      // Electron's own child window would inherit preferences implicitly; building it here keeps one code path.
      if (isAppUrl(url)) openPopOut(url, win);
      return { action: 'deny' };
    });
    return win;
  }

  function openPopOut(url: string, opener: BrowserWindow): void {
    const child = build(POP_OUT_BOUNDS);
    options.onPopOut?.(child, opener);
    load(child, child.loadURL(url));
  }

  function createMainWindow(): BrowserWindow {
    const win = build(MAIN_BOUNDS);
    const { location } = options;
    if ('devServerUrl' in location) load(win, win.loadURL(new URL(`#${START_ROUTE}`, location.devServerUrl).href));
    else load(win, win.loadFile(location.indexFile, { hash: START_ROUTE }));
    return win;
  }

  return { isAppUrl, createMainWindow };
}
