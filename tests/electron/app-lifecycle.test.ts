import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src/core/events/event-bus';
import type { CoreHost } from '../../src/main/core-host';
import type { CoreProcessOptions } from '../../src/main/core-process/protocol';
import { DESKTOP_CHANNELS, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, REMOTE_CENTRE_ARGUMENT } from '../../src/shared/bridge';
import type { Principal } from '../../src/shared/roles';
import * as electronFakes from './electron-fakes';

/** The core host is replaced by a recording one: these tests are about the app's lifecycle, not the store. */
const host = vi.hoisted(() => ({
  opened: [] as unknown[],
  calls: [] as { method: string; principal: unknown }[],
  closed: 0,
  failure: null as Error | null,
  bus: null as unknown,
}));
vi.mock('../../src/main/core-host', () => ({ electronNativeBinding: () => undefined }));
// The updater's own behaviour is tested in updater.test.ts; here it only has to exist (and stay quiet: unpackaged).
vi.mock('electron-updater', async () => ({ default: { autoUpdater: (await import('./updater-fakes')).autoUpdater } }));
vi.mock('../../src/main/core-process/electron-core-process', () => ({
  openCoreProcessHost: async (_entry: URL, options: CoreProcessOptions): Promise<CoreHost> => {
    if (host.failure) throw host.failure;
    host.opened.push(options);
    const admin: Principal = { kind: 'user', id: 'usr_a', name: 'Ada', role: 'admin', scopes: [] };
    return {
      call: async (method, _input, principal) => {
        host.calls.push({ method, principal });
        return method === 'auth.login' ? { token: 'tok-ada' } : {};
      },
      resolveToken: async (token) => (token === 'tok-ada' ? admin : null),
      bus: host.bus as EventBus,
      close: async () => {
        host.closed++;
      },
    };
  },
}));

type Fakes = typeof electronFakes;

// The first launch transforms the whole main process; on a busy two-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 20_000 });

/** Electron's userData: a real folder, since the window places are saved there. */
let userData: string;

/** Starts src/main/index.ts in a fresh module registry, as a new process would. */
async function launch(setup: (fakes: Fakes) => void = () => {}): Promise<Fakes> {
  vi.resetModules();
  electronFakes.resetFakes();
  electronFakes.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : `/fake/${name}`));
  setup(electronFakes);
  // doMock with this file's instance: a fresh registry would otherwise hand index.ts a second copy of the fakes.
  vi.doMock('electron', () => electronFakes);
  await import('../../src/main/index');
  return electronFakes;
}

async function launched(setup?: (fakes: Fakes) => void): Promise<Fakes> {
  const fakes = await launch(setup);
  await vi.waitFor(() => expect(fakes.BrowserWindow.created).toHaveLength(1));
  return fakes;
}

const argv = process.argv;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'dcr-user-data-'));
  process.argv = ['/usr/lib/dcr/electron', '.'];
  delete process.env.ELECTRON_RENDERER_URL;
  Object.assign(host, { opened: [], calls: [], closed: 0, failure: null, bus: new EventBus() });
});
afterEach(() => {
  process.argv = argv;
  rmSync(userData, { recursive: true, force: true });
});

describe('single instance', () => {
  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    const { app, BrowserWindow, ipcMain } = await launch((f) => (f.app.lockGranted = false));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(BrowserWindow.created).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
    expect(host.opened).toEqual([]);
  });

  it('brings the existing board to the front when a second instance starts', async () => {
    const { app, BrowserWindow } = await launched();
    const board = BrowserWindow.created[0]!;
    board.minimized = true;
    app.emit('second-instance', {}, ['/usr/lib/dcr/electron'], '/home');
    expect(board.restore).toHaveBeenCalledTimes(1);
    expect(board.focus).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.created).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('brings a remaining pop-out to the front once the board is closed', async () => {
    const { app, BrowserWindow } = await launched();
    const board = BrowserWindow.created[0]!;
    board.webContents.windowOpen(board.webContents.url.replace('#/board', '#/wall'));
    const wall = BrowserWindow.created[1]!;
    board.webContents.destroy();
    app.emit('second-instance', {}, ['/usr/lib/dcr/electron'], '/home');
    expect(wall.focus).toHaveBeenCalledTimes(1);
    expect(board.focus).not.toHaveBeenCalled();
  });
});

describe('startup', () => {
  it('opens the store in userData, binds the one IPC handler and opens the hardened board', async () => {
    process.env.DISPATCH_ADMIN_TOKEN = 'admin-bootstrap-token-0123456789';
    const { BrowserWindow, ipcMain } = await launched().finally(() => delete process.env.DISPATCH_ADMIN_TOKEN);
    expect(host.opened).toEqual([
      expect.objectContaining({ dataDir: userData, demo: false, seed: 1, version: '9.8.7', adminToken: 'admin-bootstrap-token-0123456789' }),
    ]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([IPC_INVOKE_CHANNEL, ...Object.values(DESKTOP_CHANNELS)].sort());
    const board = BrowserWindow.created[0]!;
    expect(board.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(board.options.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(board.loads).toEqual([{ kind: 'file', target: expect.stringMatching(/[/\\]renderer[/\\]index\.html$/), options: { hash: '/board' } }]);
  });

  it('honours --data-dir, --demo and --seed, and the dev server URL electron-vite sets', async () => {
    process.argv = ['/usr/lib/dcr/electron', '.', '--data-dir', join('/tmp', 'centre'), '--demo', '--seed', '7', '--inspect'];
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { BrowserWindow } = await launched();
    expect(host.opened).toEqual([expect.objectContaining({ dataDir: join('/tmp', 'centre'), demo: true, seed: 7 })]);
    expect(BrowserWindow.created[0]!.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/board' }]);
  });

  it('hosts the centre for other workstations with --serve: the core process serves the LAN over TLS', async () => {
    process.argv = ['/usr/lib/dcr/electron', '.', '--serve', '--host', '0.0.0.0', '--port', '5443', '--tls-cert', '/etc/dcr/centre.crt', '--tls-key', '/etc/dcr/centre.key'];
    await launched();
    expect(host.opened).toEqual([
      expect.objectContaining({
        serve: { host: '0.0.0.0', port: 5443, webRoot: expect.stringMatching(/[/\\]out[/\\]web$/), tls: { certFile: '/etc/dcr/centre.crt', keyFile: '/etc/dcr/centre.key' } },
      }),
    ]);
  });

  it('works as a workstation of a remote centre: no local store, the centre’s pages, no bridge to this computer', async () => {
    writeFileSync(join(userData, 'centre.json'), JSON.stringify({ mode: 'remote', url: 'https://centre.example:5170', fingerprint: null }));
    const { BrowserWindow, ipcMain, session } = await launched();
    expect(host.opened).toEqual([]);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(DESKTOP_CHANNELS).sort());
    const board = BrowserWindow.created[0]!;
    expect(board.loads).toEqual([{ kind: 'url', target: 'https://centre.example:5170/#/board' }]);
    expect(board.options.webPreferences.additionalArguments).toEqual([REMOTE_CENTRE_ARGUMENT]);
    expect(session.defaultSession.setCertificateVerifyProc).toHaveBeenCalledWith(null);
  });

  it('reports a failed start in a dialog and exits with status 1', async () => {
    host.failure = new Error('database is locked');
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    try {
      const { app, dialog } = await launch();
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
      expect(dialog.showErrorBox).toHaveBeenCalledWith('Dispatch Control Room could not start', 'database is locked');
      expect(String(stderr.mock.calls[0]?.[0])).toContain('"message":"startup failed"');
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('wiring', () => {
  it('shares the board’s session with its pop-outs and forwards events to signed-in windows', async () => {
    const { BrowserWindow, ipcMain } = await launched();
    const board = BrowserWindow.created[0]!;
    const invoke = (win: InstanceType<Fakes['BrowserWindow']>, method: string) =>
      ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!({ sender: win.webContents, senderFrame: { url: win.webContents.url } }, method, {});
    await invoke(board, 'auth.login');

    board.webContents.windowOpen(board.webContents.url.replace('#/board', '#/wall'));
    const wall = BrowserWindow.created[1]!;
    await invoke(wall, 'auth.me');
    expect(host.calls.at(-1)).toEqual({ method: 'auth.me', principal: expect.objectContaining({ id: 'usr_a' }) });

    (host.bus as EventBus).publish('reference.changed', { entity: 'region', id: null });
    await vi.waitFor(() => expect(wall.webContents.sent).toHaveLength(1));
    expect(board.webContents.sent).toEqual([[IPC_EVENT_CHANNEL, 'reference.changed', { entity: 'region', id: null }]]);
  });
});

describe('windows', () => {
  const invoke = (ipcMain: Fakes['ipcMain'], win: InstanceType<Fakes['BrowserWindow']>, method: string) =>
    ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!({ sender: win.webContents, senderFrame: { url: win.webContents.url } }, method, {});
  const menuItem = (fakes: Fakes, top: string, label: string) => {
    const template = fakes.Menu.setApplicationMenu.mock.calls.at(-1)![0].template as { label?: string; submenu?: any[] }[];
    return template.find((item) => item.label === top)!.submenu!.find((item: { label?: string }) => item.label === label);
  };

  it('restores the board’s place and reopens the walls open at the last quit, and remembers them when quitting', async () => {
    const board = { x: 100, y: 80, width: 1300, height: 850, maximized: false, fullScreen: false, displayId: 1 };
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ version: 1, windows: { board }, walls: [2] }));
    const fakes = await launch((f) =>
      f.screen.attach([f.fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }), f.fakeDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 })]),
    );
    const { app, BrowserWindow } = fakes;
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(2));
    expect(BrowserWindow.created[0]!.options).toMatchObject({ x: 100, y: 80, width: 1300, height: 850 });
    expect(BrowserWindow.created[1]!.options).toMatchObject({ x: 1920, y: 0, width: 2560, height: 1440, frame: false });

    app.emit('before-quit');
    for (const win of BrowserWindow.getAllWindows()) win.close();
    app.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ version: 1, windows: { board }, walls: [2] });
  });

  it('opens the menu’s windows with the board’s session, and Ctrl+1 brings the board back', async () => {
    const fakes = await launched();
    const { BrowserWindow, ipcMain } = fakes;
    const board = BrowserWindow.created[0]!;
    await invoke(ipcMain, board, 'auth.login');

    const reports = menuItem(fakes, 'View', 'Reports');
    expect(reports.accelerator).toBe('CmdOrCtrl+3');
    reports.click();
    const reportsWindow = BrowserWindow.created[1]!;
    expect(reportsWindow.loads).toEqual([{ kind: 'file', target: expect.stringMatching(/index\.html$/), options: { hash: '/reports' } }]);
    await invoke(ipcMain, reportsWindow, 'auth.me');
    expect(host.calls.at(-1)).toEqual({ method: 'auth.me', principal: expect.objectContaining({ id: 'usr_a' }) });

    menuItem(fakes, 'View', 'Board').click();
    expect(board.focus).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.created).toHaveLength(2);
  });

  it('a click on an alert’s desktop notification shows the alerts page in the signed-in board', async () => {
    const { BrowserWindow, ipcMain, Notification } = await launched();
    const board = BrowserWindow.created[0]!;
    await invoke(ipcMain, board, 'auth.login');
    (host.bus as EventBus).publish('alert.raised', {
      change: 'raised',
      desktop: true,
      alert: {
        id: 'alr_1', kind: 'sla_escalation', severity: 'critical', title: 'WO-2026-000001 response: due', message: 'Level 3',
        orderId: 'wo_1', orderNumber: 'WO-2026-000001', clockId: 'clk_1', metric: 'response', level: 3, raisedAt: 1, acknowledgedAt: null,
        acknowledgedBy: null, late: false, notifyRoles: ['admin'], channels: ['in_app', 'desktop'], percentElapsed: 100, clockState: 'running',
        dueAt: 1, data: {}, deliveries: { total: 1, pending: 0, sent: 1, failed: 0, dead: 0 },
      },
    });
    await vi.waitFor(() => expect(Notification.shown).toHaveLength(1));
    Notification.shown[0]!.emit('click');
    expect(board.focus).toHaveBeenCalledTimes(1);
    expect(board.loads.at(-1)).toEqual({ kind: 'url', target: expect.stringMatching(/renderer\/index\.html#\/risk$/) });
  });
});

describe('shutdown', () => {
  it('quits when the last window closes', async () => {
    const { app } = await launched();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('holds the quit until the store is closed and the IPC handler removed, then quits', async () => {
    const { app, ipcMain } = await launched();
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(host.closed).toBe(1);
    expect(ipcMain.handlers.size).toBe(0);

    // The second will-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(host.closed).toBe(1);
  });
});
