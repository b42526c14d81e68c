import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/core/logger';
import { loadUpdateSettings, type UpdateSettings } from '../../src/main/update-settings';
import { createAppUpdates, setupAppUpdates, type AppUpdates } from '../../src/main/updater';
import { app, autoUpdater, BrowserWindow, dialog, FakeUpdater, messageBoxAnswers, resetFakes, resetUpdaterFakes, shownMessageBoxes } from './updater-fakes';

vi.mock('electron', () => import('./updater-fakes'));
// electron-updater is CommonJS; the app reads autoUpdater from its default export (see src/main/updater.ts).
vi.mock('electron-updater', async () => ({ default: { autoUpdater: (await import('./updater-fakes')).autoUpdater } }));

const FEED = 'https://updates.example.com/dispatch/';
const RESTART_NOW = 0;
const LATER = 1;

function recordingLogger() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, data });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines, errors: () => lines.filter((l) => l.level === 'error').map((l) => l.message) };
}

/** Lets the listeners' and dialogs' promise chains run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let dir: string;
beforeEach(() => {
  resetFakes();
  resetUpdaterFakes();
  dir = mkdtempSync(join(tmpdir(), 'dcr-updates-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('update settings', () => {
  const load = (env: Record<string, string> = {}, bundledFeedFile: string | null = null) => loadUpdateSettings({ env, userDataDir: dir, bundledFeedFile });

  it('takes the feed from DISPATCH_UPDATE_URL first, even when update.json exists', () => {
    writeFileSync(join(dir, 'update.json'), JSON.stringify({ url: 'https://other.example.com/' }));
    expect(load({ DISPATCH_UPDATE_URL: FEED })).toEqual({ enabled: true, source: 'environment', feed: { url: FEED }, checkOnStart: true });
  });

  it('reads update.json from the user-data folder, with channel and checkOnStart', () => {
    writeFileSync(join(dir, 'update.json'), JSON.stringify({ url: FEED, channel: 'beta', checkOnStart: false }));
    expect(load()).toEqual({ enabled: true, source: 'file', feed: { url: FEED, channel: 'beta' }, checkOnStart: false });
    writeFileSync(join(dir, 'update.json'), JSON.stringify({ url: 'http://localhost:8080/feed' }));
    expect(load()).toEqual({ enabled: true, source: 'file', feed: { url: 'http://localhost:8080/feed' }, checkOnStart: true });
  });

  it('refuses an invalid update.json with the file and each wrong field named, and does not fall back to another feed', () => {
    const bundled = join(dir, 'app-update.yml');
    writeFileSync(bundled, 'provider: generic\nurl: https://built-in.example.com/\n');
    writeFileSync(join(dir, 'update.json'), JSON.stringify({ url: 'http://updates.example.com/', checkOnStart: 'yes', mirror: 1 }));
    const settings = load({}, bundled);
    expect(settings).toMatchObject({ enabled: false, invalid: true });
    const { reason } = settings as Extract<UpdateSettings, { enabled: false }>;
    expect(reason).toContain(join(dir, 'update.json'));
    expect(reason).toContain('url: must be an https URL (http only for localhost)');
    expect(reason).toContain('checkOnStart:');
    expect(reason).toMatch(/mirror/);
  });

  it('refuses an update.json that is not JSON, and an environment URL over plain http to another host', () => {
    writeFileSync(join(dir, 'update.json'), '{ url: nope');
    expect(load()).toMatchObject({ enabled: false, invalid: true, reason: expect.stringContaining('could not be read as JSON') });
    expect(load({ DISPATCH_UPDATE_URL: 'http://updates.example.com/' })).toMatchObject({ enabled: false, invalid: true, reason: expect.stringContaining('DISPATCH_UPDATE_URL must be an https URL') });
    expect(load({ DISPATCH_UPDATE_URL: 'not a url' })).toMatchObject({ enabled: false, invalid: true });
  });

  it("falls back to the release's own feed (app-update.yml), else is off and says how to turn it on", () => {
    const bundled = join(dir, 'app-update.yml');
    expect(load({}, bundled)).toEqual({ enabled: false, invalid: false, reason: expect.stringContaining('Set DISPATCH_UPDATE_URL, or put update.json') });
    writeFileSync(bundled, 'provider: generic\nurl: https://built-in.example.com/\n');
    expect(load({}, bundled)).toEqual({ enabled: true, source: 'bundled', feed: null, checkOnStart: true });
  });
});

describe('app updates', () => {
  let updater: FakeUpdater;
  let board: BrowserWindow;
  let log: ReturnType<typeof recordingLogger>;
  let updates: AppUpdates;
  let focused: BrowserWindow | null;

  const enabled = (extra: Partial<Extract<UpdateSettings, { enabled: true }>> = {}): UpdateSettings => ({ enabled: true, source: 'environment', feed: { url: FEED }, checkOnStart: true, ...extra });

  function start(settings: UpdateSettings = enabled(), isPackaged = true): AppUpdates {
    updates = createAppUpdates({ updater, dialog, window: () => (focused ?? board).asElectron(), logger: log.logger, settings, isPackaged, appVersion: '1.4.0' });
    return updates;
  }

  beforeEach(() => {
    updater = new FakeUpdater();
    board = new BrowserWindow({});
    focused = null;
    log = recordingLogger();
  });
  afterEach(() => updates?.dispose());

  it('sets the generic feed, downloads by itself and never installs on quit', () => {
    start(enabled({ feed: { url: FEED, channel: 'beta' } }));
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: FEED, channel: 'beta' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it("leaves the release's own feed to electron-updater", () => {
    start(enabled({ source: 'bundled', feed: null }));
    expect(updater.setFeedURL).not.toHaveBeenCalled();
  });

  it('checks on start only in the packaged app, and only when checkOnStart is on', () => {
    start(enabled(), false).checkOnStart();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(log.lines.map((l) => l.message)).toContain('updates: no check on start in development (the app is not packaged)');
    updates.dispose();

    start(enabled({ source: 'file', checkOnStart: false })).checkOnStart();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    updates.dispose();

    start(enabled()).checkOnStart();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('stays silent when the start check fails: no dialog, one error line in the log', async () => {
    updater.nextCheck = { kind: 'error', error: new Error('net::ERR_NAME_NOT_RESOLVED') };
    start().checkOnStart();
    await settle();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([{ level: 'error', message: 'updates: failed', data: { error: 'net::ERR_NAME_NOT_RESOLVED' } }]);
  });

  it('shows download progress on the window in front, logs the percent, and clears every bar at the end', async () => {
    start();
    updater.progress(0);
    updater.progress(42);
    focused = new BrowserWindow({});
    updater.progress(87.5);
    updater.progress(100);
    expect(board.setProgressBar.mock.calls.map(([value]) => value)).toEqual([0, 0.42]);
    expect(focused.setProgressBar.mock.calls.map(([value]) => value)).toEqual([0.875, 1]);
    expect(log.lines.map((l) => l.message).filter((m) => m.includes('%'))).toEqual(['updates: downloaded 0%', 'updates: downloaded 42%', 'updates: downloaded 87%', 'updates: downloaded 100%']);

    updater.downloaded('1.5.0');
    await settle();
    expect(board.setProgressBar).toHaveBeenLastCalledWith(-1);
    expect(focused.setProgressBar).toHaveBeenLastCalledWith(-1);
  });

  it('also clears the bar when the download fails', () => {
    start();
    updater.progress(30);
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(board.setProgressBar.mock.calls.map(([value]) => value)).toEqual([0.3, -1]);
    expect(log.errors()).toEqual(['updates: failed']);
  });

  it('asks before restarting, and installs only on "Restart now"', async () => {
    start();
    messageBoxAnswers.push(LATER);
    updater.downloaded('1.5.0');
    await settle();
    const [asked] = shownMessageBoxes();
    expect(asked).toMatchObject({ type: 'question', message: 'Dispatch Control Room 1.5.0 is ready to install.', buttons: ['Restart now', 'Later'] });
    expect(dialog.showMessageBox.mock.calls[0][0]).toBe(board); // attached to the window, not floating
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    messageBoxAnswers.push(RESTART_NOW);
    await updates.checkNow(); // already downloaded: the check asks again instead of downloading again
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(shownMessageBoxes()).toHaveLength(2);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('never stacks two restart questions', async () => {
    start();
    let answer!: (value: { response: number; checkboxChecked: boolean }) => void;
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    updater.downloaded('1.5.0');
    updater.downloaded('1.5.0');
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    answer({ response: LATER, checkboxChecked: false });
    await settle();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('says "You are up to date" when a manual check finds nothing', async () => {
    start();
    await updates.checkNow();
    expect(shownMessageBoxes()).toEqual([expect.objectContaining({ type: 'info', message: 'You are up to date', detail: 'Dispatch Control Room 1.4.0 is the newest version.' })]);
  });

  it('says which version is coming when a manual check finds one', async () => {
    updater.nextCheck = { kind: 'available', version: '1.5.0' };
    start();
    await updates.checkNow();
    expect(shownMessageBoxes()).toEqual([expect.objectContaining({ message: 'Dispatch Control Room 1.5.0 is available', detail: expect.stringContaining('asked to restart') })]);
  });

  it('shows the error of a failed manual check', async () => {
    updater.nextCheck = { kind: 'error', error: new Error('HttpError: 404 Not Found "latest-linux.yml"') };
    start();
    await updates.checkNow();
    expect(shownMessageBoxes()).toEqual([expect.objectContaining({ type: 'error', message: 'Could not check for updates', detail: 'HttpError: 404 Not Found "latest-linux.yml"' })]);
  });

  it('says "Updates are not configured" (and why) when there is no feed, and never contacts a server', async () => {
    start({ enabled: false, invalid: false, reason: 'No update feed is set.' });
    updates.checkOnStart();
    await updates.checkNow();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(shownMessageBoxes()).toEqual([expect.objectContaining({ message: 'Updates are not configured', detail: 'No update feed is set.' })]);
  });

  it('logs an invalid setting as an error at start', () => {
    start({ enabled: false, invalid: true, reason: '/x/update.json is invalid: url: must be an https URL (http only for localhost).' });
    expect(log.errors()).toEqual(['updates: disabled: /x/update.json is invalid: url: must be an https URL (http only for localhost).']);
  });

  it('tells a manual check in development that only the installed app updates', async () => {
    start(enabled(), false);
    await updates.checkNow();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(shownMessageBoxes()).toEqual([expect.objectContaining({ message: 'Updates are not available in development' })]);
  });

  it('stops listening when disposed', () => {
    start().dispose();
    updater.progress(50);
    expect(board.setProgressBar).not.toHaveBeenCalled();
  });
});

describe('setupAppUpdates (the real wiring, electron and electron-updater mocked)', () => {
  const packaged = app as unknown as { isPackaged: boolean };
  let updates: AppUpdates | null = null;

  beforeEach(() => {
    packaged.isPackaged = true;
    (process as { resourcesPath?: string }).resourcesPath = dir;
    app.getPath.mockImplementation((name: string) => (name === 'userData' ? join(dir, 'user-data') : `/fake/${name}`));
    mkdirSync(join(dir, 'user-data'));
    autoUpdater.setFeedURL.mockClear();
    autoUpdater.checkForUpdates.mockClear();
  });
  afterEach(() => {
    updates?.dispose();
    vi.unstubAllEnvs();
  });

  it('uses DISPATCH_UPDATE_URL and shows progress on the focused window, else the board', () => {
    vi.stubEnv('DISPATCH_UPDATE_URL', FEED);
    const board = new BrowserWindow({});
    updates = setupAppUpdates({ mainWindow: () => board.asElectron(), logger: recordingLogger().logger });
    expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: FEED });
    autoUpdater.progress(10);
    const popOut = new BrowserWindow({});
    BrowserWindow.focused = popOut;
    autoUpdater.progress(20);
    expect(board.setProgressBar).toHaveBeenCalledWith(0.1);
    expect(popOut.setProgressBar).toHaveBeenCalledWith(0.2);
    updates.checkOnStart();
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('reads update.json from the user-data folder', () => {
    vi.stubEnv('DISPATCH_UPDATE_URL', '');
    writeFileSync(join(dir, 'user-data', 'update.json'), JSON.stringify({ url: FEED, channel: 'beta' }));
    updates = setupAppUpdates({ mainWindow: () => null, logger: recordingLogger().logger });
    expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: FEED, channel: 'beta' });
  });

  it('is off, with an error in the log, when update.json is invalid', async () => {
    vi.stubEnv('DISPATCH_UPDATE_URL', '');
    writeFileSync(join(dir, 'user-data', 'update.json'), JSON.stringify({ url: 'ftp://updates.example.com/' }));
    const log = recordingLogger();
    updates = setupAppUpdates({ mainWindow: () => null, logger: log.logger });
    updates.checkOnStart();
    await updates.checkNow();
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(log.errors()).toEqual([expect.stringMatching(/^updates: disabled: .*update\.json is invalid: url: must be an https URL/)]);
    expect(shownMessageBoxes().at(-1)).toMatchObject({ message: 'Updates are not configured' });
  });
});
