import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { join } from 'node:path';
import { consoleLogger } from '../core';
import { installAppMenu } from './app-menu';
import { parseAppOptions } from './app-options';
import { loadCentreSetting } from './centre-settings';
import { applyCentreTrust } from './certificate-pinning';
import { bindDesktopIpc } from './desktop-ipc';
import { runHeadlessMode } from './headless-mode';
import { connectWindowsToCore, openLocalCore } from './local-centre';
import { setupAppUpdates } from './updater';
import { WindowManager } from './window-manager';
import { SignInAwareSessions } from './window-sign-in';
import { WindowStateStore } from './window-state';
import { applySessionPolicy, bringForward, createAppUrlCheck, localRouteUrl, type LocalRenderer, type RendererLocation } from './windows';

const logger = consoleLogger;
let windows: WindowManager | null = null;
let shutdown: (() => Promise<void>) | null = null;
/** Set while main switches centre: its windows close then, but the app must not quit. */
let restarting = false;

/**
 * Opens the desktop on its centre: this computer's own (the core in a utility process, windows served over IPC),
 * or a centre on the network (windows load the centre's pages and talk HTTP to it; main holds no store).
 */
async function start(): Promise<void> {
  const options = parseAppOptions(process.argv.slice(1));
  const userData = app.getPath('userData');
  const setting = loadCentreSetting(userData, logger);
  // A host serves its own centre, whatever this workstation last connected to.
  const centre = options.serve ? ({ mode: 'local' } as const) : setting;
  // electron-vite sets ELECTRON_RENDERER_URL only in development; out/ keeps main, preload and renderer side by side.
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const localRenderer: LocalRenderer = devServerUrl ? { devServerUrl } : { indexFile: join(import.meta.dirname, '../renderer/index.html') };
  const location: RendererLocation = centre.mode === 'remote' ? { centreUrl: centre.url, localRenderer } : localRenderer;
  // Pinned before the first page loads, so a self-signed centre is trusted from the first request.
  applyCentreTrust(session.defaultSession, centre);

  const host = centre.mode === 'local' ? await openLocalCore(options, logger) : null;
  const sessions = host ? new SignInAwareSessions((token) => host.resolveToken(token)) : null;
  const manager = new WindowManager({
    location,
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    logger,
    displays: screen,
    state: WindowStateStore.load(join(userData, 'window-state.json'), logger),
    // A remote centre's pages keep their sign-in in the centre origin's storage, which every window shares.
    shareSession: sessions ? (child, opener) => sessions.inherit(child.webContents, opener.webContents) : undefined,
  });
  windows = manager;
  applySessionPolicy(session.defaultSession, manager.isAppUrl);
  const connectPageUrl = localRouteUrl(localRenderer, '/connect');
  const unbindDesktop = bindDesktopIpc(ipcMain, {
    // Only the desktop's own page may choose the centre; a centre's page can never repoint the app.
    isLocalPage: createAppUrlCheck(localRenderer),
    isAppUrl: manager.isAppUrl,
    connectPageUrl,
    userDataDir: userData,
    logger,
    // After the IPC reply has gone out.
    switchCentre: () => void setImmediate(() => void restartForCentre()),
  });
  const disconnectWindows = host && sessions ? connectWindowsToCore(host, sessions, manager, logger) : () => {};
  const updates = setupAppUpdates({ mainWindow: () => manager.board(), logger });
  const stopMenu = installAppMenu({
    screen,
    platform: process.platform,
    version: app.getVersion(),
    openView: (view) => manager.open(view),
    openWall: (displayId) => manager.openWall(displayId),
    closeWalls: () => manager.closeWalls(),
    checkForUpdates: () => void updates.checkNow(),
    // The local page, also in remote mode: the centre's own copy has no say over which centre this app uses.
    connectToCentre: () => void (manager.board() ?? manager.open('board')).webContents.loadURL(connectPageUrl),
  });
  shutdown = async () => {
    manager.flush();
    updates.dispose();
    stopMenu();
    unbindDesktop();
    disconnectWindows();
    await host?.close();
  };

  const board = manager.open('board');
  board.once('show', () => updates.checkOnStart());
  manager.restoreWalls();
}

/** Another centre was chosen: everything built for the old one is closed, and the desktop starts on the new one. */
async function restartForCentre(): Promise<void> {
  restarting = true;
  try {
    // Open walls are remembered and come back in the new mode.
    windows?.quitStarted();
    for (const win of BrowserWindow.getAllWindows()) win.destroy();
    const closing = shutdown;
    shutdown = null;
    await closing?.();
    await start();
  } catch (error) {
    failedToStart(error);
  } finally {
    restarting = false;
  }
}

function failedToStart(error: unknown): void {
  logger.error('startup failed', { error: String((error as Error)?.stack ?? error) });
  dialog.showErrorBox('Dispatch Control Room could not start', String((error as Error)?.message ?? error));
  app.exit(1);
}

const argv = process.argv.slice(1);
if (argv.includes('--headless')) {
  // A server: no window, no GPU, no single-instance hand-over (the data-folder lock keeps a second one off the store).
  // Called before the app is ready, since hardware acceleration can only be turned off then.
  try {
    void runHeadlessMode(parseAppOptions(argv), { app });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    app.exit(2);
  }
} else if (!app.requestSingleInstanceLock()) {
  // The first instance owns the database; a second one would only compete for it, so it hands over and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    // The board if it is still open, else whichever window is left.
    const target = windows?.all()[0];
    if (target) bringForward(target);
  });
  app.on('window-all-closed', () => {
    if (!restarting && process.platform !== 'darwin') app.quit();
  });
  // Walls closing from here on close because the app quits, so they are remembered for the next start.
  app.on('before-quit', () => windows?.quitStarted());
  app.on('activate', () => {
    // macOS keeps the app running without windows; clicking the dock icon brings the board back.
    if (windows && windows.all().length === 0) windows.open('board');
  });
  app.on('will-quit', (event) => {
    if (!shutdown) return;
    const closing = shutdown;
    shutdown = null;
    // The store must be closed (WAL checkpointed) before the process exits, so quitting waits for it.
    event.preventDefault();
    closing()
      .catch((error: unknown) => logger.error('shutdown failed', { error: String(error) }))
      .finally(() => app.quit());
  });
  app.whenReady().then(start).catch(failedToStart);
}
