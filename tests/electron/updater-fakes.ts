import { EventEmitter } from 'node:events';
import type { Logger as UpdaterLogger, UpdateCheckResult, UpdateInfo } from 'electron-updater';
import { vi } from 'vitest';
import { BrowserWindow as BaseWindow, dialog as baseDialog } from './electron-fakes';

/**
 * What the updater needs beyond ./electron-fakes (left untouched): windows with a progress bar and a focus, a
 * message box that answers as the test says, and electron-updater's autoUpdater. Tests load it as
 * `vi.mock('electron', () => import('./updater-fakes'))`; the local exports below shadow the star export.
 */
export * from './electron-fakes';

export class BrowserWindow extends BaseWindow {
  static focused: BrowserWindow | null = null;
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused;
  }
  readonly setProgressBar = vi.fn<(progress: number) => void>();
  /** This fake where the app's code expects Electron's type. */
  asElectron(): Electron.BrowserWindow {
    return this as unknown as Electron.BrowserWindow;
  }
}

/** The button index the next message boxes return (0 = first button), in order; then 1 ("Later"/OK). */
export const messageBoxAnswers: number[] = [];

export const dialog = {
  ...baseDialog,
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: messageBoxAnswers.shift() ?? 1, checkboxChecked: false })),
};

/** The options of every message box shown so far (the last argument; the first may be the parent window). */
export function shownMessageBoxes(): { type?: string; message: string; detail?: string; buttons?: string[] }[] {
  return dialog.showMessageBox.mock.calls.map((call) => call.at(-1) as { message: string });
}

type CheckOutcome = { kind: 'none' } | { kind: 'available'; version: string } | { kind: 'error'; error: Error };

/**
 * electron-updater's autoUpdater as far as the app sees it: the same events in the same order (an error is
 * emitted as 'error' and also rejects the check, as AppUpdater.checkForUpdates does), with the outcome of the
 * next check set by the test and every call recorded.
 */
export class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: UpdaterLogger | null = console;
  nextCheck: CheckOutcome = { kind: 'none' };
  currentVersion = '9.8.7';
  readonly setFeedURL = vi.fn<(options: unknown) => void>();
  readonly quitAndInstall = vi.fn<() => void>();
  readonly checkForUpdates = vi.fn(async (): Promise<UpdateCheckResult | null> => {
    this.emit('checking-for-update');
    const outcome = this.nextCheck;
    if (outcome.kind === 'error') {
      this.emit('error', outcome.error, String(outcome.error.stack));
      throw outcome.error;
    }
    const updateInfo = { version: outcome.kind === 'available' ? outcome.version : this.currentVersion, files: [], path: '', sha512: '', releaseDate: '' } as UpdateInfo;
    if (outcome.kind === 'none') {
      this.emit('update-not-available', updateInfo);
      return { isUpdateAvailable: false, updateInfo, versionInfo: updateInfo };
    }
    this.emit('update-available', updateInfo);
    return { isUpdateAvailable: true, updateInfo, versionInfo: updateInfo, downloadPromise: new Promise<string[]>(() => {}) };
  });

  /** What electron-updater emits while and after it downloads. */
  progress(percent: number): void {
    this.emit('download-progress', { percent, total: 1000, transferred: percent * 10, delta: 10, bytesPerSecond: 100 });
  }
  downloaded(version: string): void {
    this.emit('update-downloaded', { version, files: [], path: '', sha512: '', releaseDate: '', downloadedFile: `/tmp/${version}` });
  }
}

/** The instance `electron-updater`'s mock hands out as autoUpdater. */
export const autoUpdater = new FakeUpdater();

export function resetUpdaterFakes(): void {
  BrowserWindow.focused = null;
  messageBoxAnswers.length = 0;
  autoUpdater.removeAllListeners();
  autoUpdater.nextCheck = { kind: 'none' };
}
