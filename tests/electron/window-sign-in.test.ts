import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core';
import { WindowManager } from '../../src/main/window-manager';
import { SignInAwareSessions, signInWallsWithBoard } from '../../src/main/window-sign-in';
import { WindowStateStore } from '../../src/main/window-state';
import type { Principal } from '../../src/shared/roles';
import { BrowserWindow, fakeDisplay, resetFakes, screen } from './electron-fakes';

vi.mock('electron', () => import('./electron-fakes'));

const PRINCIPALS: Record<string, Principal> = {
  'tok-ada': { kind: 'user', id: 'usr_ada', name: 'Ada', role: 'dispatcher', scopes: [] },
  'tok-wall': { kind: 'user', id: 'usr_wall', name: 'Lobby wall', role: 'display', scopes: [] },
};

let dir: string;
let sessions: SignInAwareSessions;
let manager: WindowManager;
let board: BrowserWindow;
let wall: BrowserWindow;

beforeEach(() => {
  resetFakes();
  screen.attach([fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }), fakeDisplay(2, { x: 1920, y: 0, width: 1920, height: 1080 })]);
  dir = mkdtempSync(join(tmpdir(), 'dcr-wall-sign-in-'));
  // The last run quit with a wall on the second monitor.
  writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ version: 1, windows: {}, walls: [2] }));
  sessions = new SignInAwareSessions(async (token) => PRINCIPALS[token] ?? null);
  manager = new WindowManager({
    location: { devServerUrl: 'http://localhost:5173' },
    preload: '/app/out/preload/index.cjs',
    logger: silentLogger,
    displays: screen,
    state: WindowStateStore.load(join(dir, 'window-state.json'), silentLogger),
    shareSession: (child, opener) => sessions.inherit(child.webContents, opener.webContents),
  });
  signInWallsWithBoard(sessions, manager, silentLogger);
  board = manager.open('board') as unknown as BrowserWindow;
  manager.restoreWalls();
  wall = manager.wallWindows()[0] as unknown as BrowserWindow;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const WALL_PAGE = { kind: 'url', target: 'http://localhost:5173/#/wall' };

describe('walls reopened at start', () => {
  it('take the board’s session when the board signs in, and go back to the wall page', async () => {
    expect(await sessions.principalOf(wall.webContents.id)).toBeNull();
    sessions.remember(board.webContents, 'tok-ada');
    await vi.waitFor(() => expect(wall.loads).toEqual([WALL_PAGE, WALL_PAGE]));
    expect(await sessions.principalOf(wall.webContents.id)).toMatchObject({ id: 'usr_ada' });
  });

  it('keep a session signed in on the wall itself', async () => {
    sessions.remember(wall.webContents, 'tok-wall');
    sessions.remember(board.webContents, 'tok-ada');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await sessions.principalOf(wall.webContents.id)).toMatchObject({ id: 'usr_wall' });
    expect(wall.loads).toEqual([WALL_PAGE]);
  });

  it('ignore a sign-in in a window other than the board', async () => {
    const reports = manager.open('reports') as unknown as BrowserWindow;
    sessions.remember(reports.webContents, 'tok-ada');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await sessions.principalOf(wall.webContents.id)).toBeNull();
    expect(wall.loads).toEqual([WALL_PAGE]);
    expect(BrowserWindow.created).toHaveLength(3);
  });
});
