import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { WindowManager, type WindowManagerOptions } from '../../src/main/window-manager';
import { WindowStateStore } from '../../src/main/window-state';
import { BrowserWindow, fakeDisplay, resetFakes, screen } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const DEV = { devServerUrl: 'http://localhost:5173' };
const PRIMARY = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 });
const RIGHT = fakeDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 });

let dir: string;
let shareSession: ReturnType<typeof vi.fn<NonNullable<WindowManagerOptions['shareSession']>>>;

beforeEach(() => {
  resetFakes();
  screen.attach([PRIMARY, RIGHT]);
  dir = mkdtempSync(join(tmpdir(), 'dcr-windows-'));
  shareSession = vi.fn<NonNullable<WindowManagerOptions['shareSession']>>();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stateFile = () => join(dir, 'window-state.json');
const savedState = () => JSON.parse(readFileSync(stateFile(), 'utf8'));

/** A fresh manager reading the state file, as at an app start. */
function start(): WindowManager {
  return new WindowManager({
    location: DEV,
    preload: '/app/out/preload/index.cjs',
    logger: silentLogger,
    displays: screen,
    state: WindowStateStore.load(stateFile(), silentLogger),
    shareSession,
  });
}

const fake = (win: unknown) => win as BrowserWindow;

/** What quitting does: before-quit, then every window closes, then main flushes. */
function quit(manager: WindowManager): void {
  manager.quitStarted();
  for (const win of manager.all()) fake(win).close();
  manager.flush();
}

describe('window places across restarts', () => {
  it('saves the board’s bounds and monitor when it closes and opens it there at the next start', () => {
    const board = fake(start().open('board'));
    board.setBounds({ x: 2000, y: 100, width: 1600, height: 1000 });
    board.close();
    expect(savedState().windows.board).toEqual({ x: 2000, y: 100, width: 1600, height: 1000, maximized: false, fullScreen: false, displayId: 2 });

    const next = fake(start().open('board'));
    expect(next.options).toMatchObject({ x: 2000, y: 100, width: 1600, height: 1000, minWidth: 1024, minHeight: 640 });
    expect(next.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/board' }]);
  });

  it('maximises a window that was maximised, before showing it', () => {
    const board = fake(start().open('board'));
    board.setBounds({ x: 100, y: 50, width: 1200, height: 800 });
    board.maximize();
    board.close();
    expect(savedState().windows.board).toMatchObject({ x: 100, y: 50, width: 1200, height: 800, maximized: true, displayId: 1 });

    const next = fake(start().open('board'));
    expect(next.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 800 });
    expect(next.maximize).not.toHaveBeenCalled();
    next.emit('ready-to-show');
    expect(next.maximize).toHaveBeenCalledTimes(1);
    expect(next.maximize.mock.invocationCallOrder[0]).toBeLessThan(next.show.mock.invocationCallOrder[0]!);
  });

  it('brings a window saved on an unplugged monitor back centred on the primary display', () => {
    const reports = fake(start().open('reports'));
    reports.setBounds({ x: 2500, y: 300, width: 1400, height: 900 });
    reports.close();

    screen.attach([PRIMARY]);
    const next = fake(start().open('reports'));
    // Primary work area 1920×1040: ((1920-1400)/2, (1040-900)/2).
    expect(next.options).toMatchObject({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('uses the default size, placed by the OS, when the state file is damaged', () => {
    writeFileSync(stateFile(), '{"version":1,"windows":{"board":{"x":20');
    const board = fake(start().open('board'));
    expect(board.options).toMatchObject({ width: 1440, height: 900 });
    expect(board.options.x).toBeUndefined();
    expect(board.options.y).toBeUndefined();
  });

  it('remembers a pop-out per page, so the map panel reopens where it was', () => {
    const board = fake(start().open('board'));
    board.webContents.windowOpen('http://localhost:5173/#/panel/map');
    const map = BrowserWindow.created.at(-1)!;
    map.setBounds({ x: 2100, y: 40, width: 900, height: 700 });
    map.close();
    expect(savedState().windows['pop-out:/panel/map']).toMatchObject({ x: 2100, y: 40, width: 900, height: 700, displayId: 2 });

    const next = fake(start().open('board'));
    next.webContents.windowOpen('http://localhost:5173/#/panel/map');
    expect(BrowserWindow.created.at(-1)!.options).toMatchObject({ x: 2100, y: 40, width: 900, height: 700 });
    next.webContents.windowOpen('http://localhost:5173/#/panel/queue');
    const queue = BrowserWindow.created.at(-1)!;
    expect(queue.options).toMatchObject({ width: 1024, height: 768 });
    expect(queue.options.x).toBeUndefined();
  });
});

describe('wall displays', () => {
  it('fills the chosen monitor: its bounds, full screen once shown, no frame or menu bar', () => {
    const manager = start();
    const board = manager.open('board');
    const wall = fake(manager.openWall(2));
    expect(wall.options).toMatchObject({ x: 1920, y: 0, width: 2560, height: 1440, frame: false, autoHideMenuBar: true });
    expect(wall.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(wall.setMenuBarVisibility).toHaveBeenCalledWith(false);
    expect(wall.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/wall' }]);
    wall.emit('ready-to-show');
    expect(wall.setFullScreen).toHaveBeenCalledWith(true);
    expect(wall.show).toHaveBeenCalledTimes(1);
    expect(shareSession).toHaveBeenCalledWith(wall, board);
  });

  it('keeps one wall per monitor: asking again brings it forward', () => {
    const manager = start();
    const wall = fake(manager.openWall(2));
    expect(manager.openWall(2)).toBe(wall);
    expect(wall.focus).toHaveBeenCalledTimes(1);
    expect(fake(manager.openWall(1)).options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(BrowserWindow.created).toHaveLength(2);
  });

  it('reopens the walls open at quit on their monitors at the next start', () => {
    const manager = start();
    manager.open('board');
    manager.openWall(2);
    quit(manager);
    expect(savedState().walls).toEqual([2]);

    const next = start();
    next.open('board');
    next.restoreWalls();
    const walls = next.wallWindows().map(fake);
    expect(walls).toHaveLength(1);
    expect(walls[0]!.options).toMatchObject({ x: 1920, y: 0, width: 2560, height: 1440 });
  });

  it('does not reopen a wall the user closed', () => {
    const manager = start();
    manager.open('board');
    fake(manager.openWall(2)).close();
    quit(manager);
    expect(savedState().walls).toEqual([]);
    const next = start();
    next.restoreWalls();
    expect(next.wallWindows()).toEqual([]);
  });

  it('puts a wall on the primary display when its monitor is gone at the next start', () => {
    const manager = start();
    manager.openWall(2);
    quit(manager);
    screen.attach([PRIMARY]);
    const next = start();
    next.restoreWalls();
    expect(next.wallWindows().map((w) => fake(w).options)).toEqual([expect.objectContaining({ x: 0, y: 0, width: 1920, height: 1080 })]);
  });

  it('closes every wall from the menu, and they stay closed at the next start', () => {
    const manager = start();
    manager.openWall(1);
    manager.openWall(2);
    manager.closeWalls();
    expect(manager.wallWindows()).toEqual([]);
    manager.flush();
    expect(savedState().walls).toEqual([]);
  });
});

describe('single windows', () => {
  it.each([
    ['reports', '/reports'],
    ['admin', '/admin'],
    ['risk', '/risk'],
  ] as const)('opens %s once, focuses it when asked again, and shares the board’s session', (view, route) => {
    const manager = start();
    const board = manager.open('board');
    const win = fake(manager.open(view));
    expect(win.loads).toEqual([{ kind: 'url', target: `http://localhost:5173/#${route}` }]);
    expect(shareSession).toHaveBeenCalledWith(win, board);
    win.minimized = true;
    expect(manager.open(view)).toBe(win);
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.created).toHaveLength(2);

    win.close();
    expect(manager.open(view)).not.toBe(win);
    expect(BrowserWindow.created).toHaveLength(3);
  });

  it('lists the board first, then the other windows; without the board, what is left', () => {
    const manager = start();
    const wall = manager.openWall(2);
    const reports = manager.open('reports');
    const board = manager.open('board');
    expect(manager.all()).toEqual([board, reports, wall]);
    fake(board).webContents.destroy();
    expect(manager.all()[0]).toBe(reports);
  });
});

describe('revealing an alert', () => {
  it('brings a workstation window forward on the alerts page', () => {
    const manager = start();
    const board = fake(manager.open('board'));
    board.minimized = true;
    manager.revealAlert(board as never);
    expect(board.restore).toHaveBeenCalledTimes(1);
    expect(board.focus).toHaveBeenCalledTimes(1);
    expect(board.loads.at(-1)).toEqual({ kind: 'url', target: 'http://localhost:5173/#/risk' });
  });

  it('leaves a wall on its page and opens the Risk window with the wall’s session instead', () => {
    const manager = start();
    const wall = fake(manager.openWall(2));
    manager.revealAlert(wall as never);
    expect(wall.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/wall' }]);
    const risk = BrowserWindow.created.at(-1)!;
    expect(risk.loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/#/risk' }]);
    expect(shareSession).toHaveBeenLastCalledWith(risk, wall);
  });
});
