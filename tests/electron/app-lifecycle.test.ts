import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src/core/events/event-bus';
import type { CoreHost, CoreHostOptions } from '../../src/main/core-host';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../src/shared/bridge';
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
vi.mock('../../src/main/core-host', () => ({
  electronNativeBinding: () => undefined,
  openCoreHost: async (options: CoreHostOptions): Promise<CoreHost> => {
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

/** Starts src/main/index.ts in a fresh module registry, as a new process would. */
async function launch(setup: (fakes: Fakes) => void = () => {}): Promise<Fakes> {
  vi.resetModules();
  electronFakes.resetFakes();
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
  process.argv = ['/usr/lib/dcr/electron', '.'];
  delete process.env.ELECTRON_RENDERER_URL;
  Object.assign(host, { opened: [], calls: [], closed: 0, failure: null, bus: new EventBus() });
});
afterEach(() => {
  process.argv = argv;
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
      expect.objectContaining({ dataDir: '/fake/userData', demo: false, seed: 1, version: '9.8.7', adminToken: 'admin-bootstrap-token-0123456789' }),
    ]);
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
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
