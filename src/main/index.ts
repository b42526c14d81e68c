import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { consoleLogger, systemClock } from '../core';
import { notifyAlerts } from './alert-notifications';
import { parseAppOptions } from './app-options';
import { electronNativeBinding, openCoreHost } from './core-host';
import { forwardEvents } from './event-forwarding';
import { bindContract } from './ipc-binding';
import { WindowSessions } from './sessions';
import { applySessionPolicy, createWindowFactory, type RendererLocation } from './windows';

const logger = consoleLogger;
let mainWindow: BrowserWindow | null = null;
let shutdown: (() => Promise<void>) | null = null;

async function start(): Promise<void> {
  const options = parseAppOptions(process.argv.slice(1));
  const host = await openCoreHost({
    dataDir: options.dataDir ?? app.getPath('userData'),
    demo: options.demo,
    seed: options.seed,
    adminToken: process.env.DISPATCH_ADMIN_TOKEN || undefined,
    nativeBinding: electronNativeBinding(app.getAppPath()),
    // Built beside this file by electron-vite (its own entry), so reports render off the window-serving thread.
    reportWorker: new URL('./report-worker.js', import.meta.url),
    version: app.getVersion(),
    clock: systemClock,
    logger,
  });
  // electron-vite sets ELECTRON_RENDERER_URL only in development; out/ keeps main, preload and renderer side by side.
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const location: RendererLocation = devServerUrl ? { devServerUrl } : { indexFile: join(import.meta.dirname, '../renderer/index.html') };
  const sessions = new WindowSessions((token) => host.resolveToken(token));
  const windows = createWindowFactory({
    location,
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    logger,
    onPopOut: (child, opener) => sessions.inherit(child.webContents, opener.webContents),
  });
  applySessionPolicy(session.defaultSession, windows.isAppUrl);
  const unbind = bindContract(ipcMain, host, { isAppUrl: windows.isAppUrl, sessions, logger });
  const stopEvents = forwardEvents(host.bus, () => BrowserWindow.getAllWindows().map((w) => w.webContents), sessions, logger);
  const stopNotifications = notifyAlerts(host.bus, () => BrowserWindow.getAllWindows(), sessions, logger);
  shutdown = async () => {
    stopEvents();
    stopNotifications();
    unbind();
    await host.close();
  };

  mainWindow = windows.createMainWindow();
  app.on('activate', () => {
    // macOS keeps the app running without windows; clicking the dock icon brings the board back.
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = windows.createMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // The first instance owns the database; a second one would only compete for it, so it hands over and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    // The board if it is still open, else whichever pop-out is left.
    const target = mainWindow && !mainWindow.isDestroyed() ? mainWindow : BrowserWindow.getAllWindows()[0];
    if (!target) return;
    if (target.isMinimized()) target.restore();
    target.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
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
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('startup failed', { error: String((error as Error)?.stack ?? error) });
      dialog.showErrorBox('Dispatch Control Room could not start', String((error as Error)?.message ?? error));
      app.exit(1);
    });
}
