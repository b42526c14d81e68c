import { app, BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import electronUpdater, { type Logger as UpdaterLogger, type ProgressInfo, type UpdateCheckResult, type UpdateDownloadedEvent, type UpdateInfo } from 'electron-updater';
import { join } from 'node:path';
import type { Logger } from '../core/logger';
import { loadUpdateSettings, type UpdateFeed, type UpdateSettings } from './update-settings';

/** The events of electron-updater this module listens to, with their arguments. */
interface UpdaterEvents {
  'update-available': (info: UpdateInfo) => void;
  'download-progress': (progress: ProgressInfo) => void;
  'update-downloaded': (event: UpdateDownloadedEvent) => void;
  'update-cancelled': (info: UpdateInfo) => void;
  error: (error: Error, message?: string) => void;
}

/** The part of electron-updater's autoUpdater this module drives; a fake EventEmitter in tests. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  setFeedURL(options: { provider: 'generic' } & UpdateFeed): void;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  quitAndInstall(): void;
  on<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): unknown;
  removeListener<E extends keyof UpdaterEvents>(event: E, listener: UpdaterEvents[E]): unknown;
}

export interface AppUpdatesDeps {
  updater: Updater;
  dialog: Pick<Electron.Dialog, 'showMessageBox'>;
  /** The window that shows download progress and owns the dialogs (the focused one, else the board). */
  window(): BrowserWindow | null;
  logger: Logger;
  settings: UpdateSettings;
  /** Only the installed app updates itself; development builds never check. */
  isPackaged: boolean;
  appVersion: string;
}

export interface AppUpdates {
  /** Call once the first window is shown: a silent background check (errors only logged). */
  checkOnStart(): void;
  /** The menu's "Check for updates…": every outcome, errors included, is reported in a dialog. */
  checkNow(): Promise<void>;
  dispose(): void;
}

const PRODUCT = 'Dispatch Control Room';
const RESTART_NOW = 0;

export function createAppUpdates(deps: AppUpdatesDeps): AppUpdates {
  const { updater, logger, settings } = deps;
  const barWindows = new Set<BrowserWindow>();
  let loggedTenths = -1;
  let downloaded: UpdateInfo | null = null;
  let askingToRestart = false;

  updater.autoDownload = true;
  // An update is installed only when the user picks "Restart now", never behind their back on quit.
  updater.autoInstallOnAppQuit = false;
  updater.logger = prefixedLogger(logger);
  if (settings.enabled && settings.feed) updater.setFeedURL({ provider: 'generic', ...settings.feed });
  if (settings.enabled) logger.info('updates: enabled', { source: settings.source, url: settings.feed?.url ?? 'app-update.yml', channel: settings.feed?.channel });
  else if (settings.invalid) logger.error(`updates: disabled: ${settings.reason}`);
  else logger.info(`updates: disabled: ${settings.reason}`);

  const show = (options: MessageBoxOptions) => {
    const parent = deps.window();
    return parent ? deps.dialog.showMessageBox(parent, options) : deps.dialog.showMessageBox(options);
  };

  function clearProgress(): void {
    for (const win of barWindows) if (!win.isDestroyed()) win.setProgressBar(-1);
    barWindows.clear();
    loggedTenths = -1;
  }

  const listeners: UpdaterEvents = {
    'update-available': (info) => logger.info('updates: downloading', { version: info.version }),
    'download-progress': (progress) => {
      const percent = Math.min(100, Math.max(0, progress.percent));
      const win = deps.window();
      if (win && !win.isDestroyed()) {
        win.setProgressBar(percent / 100);
        barWindows.add(win);
      }
      // A line per tenth, not per chunk: enough to follow a slow download without flooding the log.
      const tenths = Math.floor(percent / 10);
      if (tenths > loggedTenths) {
        loggedTenths = tenths;
        logger.info(`updates: downloaded ${Math.floor(percent)}%`, { transferred: progress.transferred, total: progress.total });
      }
    },
    'update-downloaded': (event) => {
      clearProgress();
      downloaded = event;
      logger.info('updates: ready to install', { version: event.version });
      void askToRestart(event);
    },
    'update-cancelled': () => clearProgress(),
    // Every failure of a check or a download arrives here: the one log line the silent start check leaves.
    error: (error) => {
      clearProgress();
      logger.error('updates: failed', { error: messageOf(error) });
    },
  };
  const events = Object.keys(listeners) as (keyof UpdaterEvents)[];
  for (const event of events) updater.on(event, listeners[event]);

  async function askToRestart(info: UpdateInfo): Promise<void> {
    if (askingToRestart) return;
    askingToRestart = true;
    try {
      const { response } = await show({
        type: 'question',
        title: 'Update ready',
        message: `${PRODUCT} ${info.version} is ready to install.`,
        detail: 'Restart now to install it. Later keeps this version running; the update is offered again at the next check.',
        buttons: ['Restart now', 'Later'],
        defaultId: RESTART_NOW,
        cancelId: 1,
      });
      if (response === RESTART_NOW) {
        logger.info('updates: restarting to install', { version: info.version });
        updater.quitAndInstall();
      } else {
        logger.info('updates: restart postponed', { version: info.version });
      }
    } catch (error) {
      logger.error('updates: restart dialog failed', { error: messageOf(error) });
    } finally {
      askingToRestart = false;
    }
  }

  async function check(): Promise<UpdateCheckResult | null> {
    const result = await updater.checkForUpdates();
    // The download goes on after the check; its failure is reported by the 'error' event above.
    result?.downloadPromise?.catch(() => {});
    return result;
  }

  function checkOnStart(): void {
    if (!settings.enabled) return;
    if (!deps.isPackaged) return logger.info('updates: no check on start in development (the app is not packaged)');
    if (!settings.checkOnStart) return logger.info('updates: check on start is off (update.json)');
    check().catch(() => {}); // already logged by the 'error' listener; a background check never interrupts
  }

  async function checkNow(): Promise<void> {
    if (!settings.enabled) {
      await show({ type: 'info', title: 'Check for updates', message: 'Updates are not configured', detail: settings.reason });
      return;
    }
    if (!deps.isPackaged) {
      await show({ type: 'info', title: 'Check for updates', message: 'Updates are not available in development', detail: 'Only the installed app checks for updates.' });
      return;
    }
    if (downloaded) return askToRestart(downloaded);
    let result: UpdateCheckResult | null;
    try {
      result = await check();
    } catch (error) {
      await show({ type: 'error', title: 'Check for updates', message: 'Could not check for updates', detail: messageOf(error) });
      return;
    }
    if (result?.isUpdateAvailable) {
      await show({
        type: 'info',
        title: 'Check for updates',
        message: `${PRODUCT} ${result.updateInfo.version} is available`,
        detail: 'It is being downloaded; you will be asked to restart when it is ready.',
      });
    } else {
      await show({ type: 'info', title: 'Check for updates', message: 'You are up to date', detail: `${PRODUCT} ${deps.appVersion} is the newest version.` });
    }
  }

  function dispose(): void {
    for (const event of events) updater.removeListener(event, listeners[event]);
    clearProgress();
  }

  return { checkOnStart, checkNow, dispose };
}

/**
 * The app's updates with the real Electron pieces: electron-updater's autoUpdater, the settings from the
 * environment, update.json in the user-data folder or the release's own feed.
 */
export function setupAppUpdates(options: { mainWindow: () => BrowserWindow | null; logger: Logger }): AppUpdates {
  const settings = loadUpdateSettings({
    env: process.env,
    userDataDir: app.getPath('userData'),
    bundledFeedFile: app.isPackaged ? join(process.resourcesPath, 'app-update.yml') : null,
  });
  return createAppUpdates({
    // electron-updater is CommonJS and defines autoUpdater as a lazy getter, which an ES import cannot name.
    updater: electronUpdater.autoUpdater,
    dialog,
    window: () => {
      const candidates = [BrowserWindow.getFocusedWindow(), options.mainWindow()];
      return candidates.find((win): win is BrowserWindow => win != null && !win.isDestroyed()) ?? null;
    },
    logger: options.logger,
    settings,
    isPackaged: app.isPackaged,
    appVersion: app.getVersion(),
  });
}

function prefixedLogger(logger: Logger): UpdaterLogger {
  return {
    info: (message?: unknown) => logger.info(`electron-updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`electron-updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`electron-updater: ${String(message)}`),
  };
}

/** Error text for a dialog: electron-updater's HTTP errors carry headers and stacks, so keep it short. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
