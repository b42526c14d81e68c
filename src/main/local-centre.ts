import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/logger';
import { notifyAlerts } from './alert-notifications';
import type { AppOptions } from './app-options';
import { electronNativeBinding, type CoreHost } from './core-host';
import { openCoreProcessHost } from './core-process/electron-core-process';
import type { CoreProcessOptions } from './core-process/protocol';
import { forwardEvents } from './event-forwarding';
import { bindContract } from './ipc-binding';
import type { WindowManager } from './window-manager';
import { signInWallsWithBoard, type SignInAwareSessions } from './window-sign-in';

/**
 * This computer's own centre: the core and its store in a utility process (built beside this file by
 * electron-vite as its own entry), so no window waits on SQLite, a report or a batch optimisation. With `--serve`
 * the same process also serves the centre to other workstations.
 */
export function openLocalCore(options: AppOptions, logger: Logger): Promise<CoreHost> {
  return openCoreProcessHost(
    new URL('./core-entry.js', import.meta.url),
    {
      dataDir: options.dataDir ?? app.getPath('userData'),
      demo: options.demo,
      seed: options.seed,
      adminToken: process.env.DISPATCH_ADMIN_TOKEN || undefined,
      nativeBinding: electronNativeBinding(app.getAppPath()),
      reportWorker: new URL('./report-worker.js', import.meta.url).href,
      version: app.getVersion(),
      serve: options.serve ? serveOptions(options) : undefined,
    },
    {
      logger,
      onUnexpectedExit: (code) => {
        dialog.showErrorBox(
          'Dispatch Control Room stopped',
          `The dispatch core stopped unexpectedly (exit code ${code}). Start the app again; every change it confirmed is saved.`,
        );
        app.quit();
      },
    },
  );
}

/** Desktop host mode: TLS files are read in the core's process, where the server runs. */
function serveOptions(options: AppOptions): CoreProcessOptions['serve'] {
  return {
    host: options.host,
    port: options.port,
    webRoot: options.webRoot ?? join(app.getAppPath(), 'out', 'web'),
    tls: options.tlsCert && options.tlsKey ? { certFile: options.tlsCert, keyFile: options.tlsKey } : undefined,
  };
}

/** Windows served by the local core: the IPC binding, events, alert notifications, walls signed in with the board. */
export function connectWindowsToCore(host: CoreHost, sessions: SignInAwareSessions, manager: WindowManager, logger: Logger): () => void {
  const unbind = bindContract(ipcMain, host, { isAppUrl: manager.isAppUrl, sessions, logger });
  const stopEvents = forwardEvents(host.bus, () => BrowserWindow.getAllWindows().map((w) => w.webContents), sessions, logger);
  const stopNotifications = notifyAlerts(host.bus, () => manager.all(), sessions, logger, (target) => manager.revealAlert(target));
  const stopWallSignIn = signInWallsWithBoard(sessions, manager, logger);
  return () => {
    stopWallSignIn();
    stopNotifications();
    stopEvents();
    unbind();
  };
}
