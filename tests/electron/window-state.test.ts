import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/core/logger';
import { WindowStateStore, type SavedWindow } from '../../src/main/window-state';

const BOARD: SavedWindow = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false, fullScreen: false, displayId: 2 };

let dir: string;
let file: string;
const newLogger = () => ({ info: vi.fn<Logger['info']>(), warn: vi.fn<Logger['warn']>(), error: vi.fn<Logger['error']>() });
let logger: ReturnType<typeof newLogger>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcr-window-state-'));
  file = join(dir, 'window-state.json');
  logger = newLogger();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const onDisk = () => JSON.parse(readFileSync(file, 'utf8'));

describe('WindowStateStore', () => {
  it('starts empty without a file, and reads back what it wrote', () => {
    const first = WindowStateStore.load(file, logger);
    expect(first.window('board')).toBeUndefined();
    expect(first.walls).toEqual([]);
    first.rememberWindow('board', BOARD);
    first.rememberWalls([2, 3]);
    first.flush();
    expect(onDisk()).toEqual({ version: 1, windows: { board: BOARD }, walls: [2, 3] });

    const next = WindowStateStore.load(file, logger);
    expect(next.window('board')).toEqual(BOARD);
    expect(next.walls).toEqual([2, 3]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('writes once moves have settled, not on every move', () => {
    vi.useFakeTimers();
    const store = WindowStateStore.load(file, logger, 500);
    store.rememberWindow('board', { ...BOARD, x: 10 });
    vi.advanceTimersByTime(300);
    store.rememberWindow('board', { ...BOARD, x: 20 });
    expect(readdirSync(dir)).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(onDisk().windows.board.x).toBe(20);
  });

  it('replaces the file by renaming a complete temporary one, leaving no temporary file behind', () => {
    writeFileSync(file, JSON.stringify({ version: 1, windows: { reports: BOARD }, walls: [] }));
    const store = WindowStateStore.load(file, logger);
    store.rememberWalls([7]);
    store.flush();
    expect(readdirSync(dir)).toEqual(['window-state.json']);
    expect(onDisk()).toEqual({ version: 1, windows: { reports: BOARD }, walls: [7] });
  });

  it.each([
    ['damaged JSON', '{"version":1,"windows":{"board":'],
    ['another version', JSON.stringify({ version: 2, windows: { board: BOARD }, walls: [2] })],
    ['a wrong field', JSON.stringify({ version: 1, windows: { board: { ...BOARD, width: 'wide' } }, walls: [2] })],
    ['a negative size', JSON.stringify({ version: 1, windows: { board: { ...BOARD, height: -5 } }, walls: [] })],
    ['not an object', '[1,2,3]'],
  ])('ignores a file with %s and starts from the defaults', (_case, text) => {
    writeFileSync(file, text);
    const store = WindowStateStore.load(file, logger);
    expect(store.window('board')).toBeUndefined();
    expect(store.walls).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    // The next save replaces the bad file with a good one.
    store.rememberWalls([1]);
    store.flush();
    expect(onDisk()).toEqual({ version: 1, windows: {}, walls: [1] });
  });

  it('logs instead of throwing when the file cannot be written', () => {
    writeFileSync(join(dir, 'blocker'), '');
    const store = WindowStateStore.load(join(dir, 'blocker', 'window-state.json'), logger);
    store.rememberWalls([1]);
    expect(() => store.flush()).not.toThrow();
    expect(logger.error).toHaveBeenCalledWith('window state could not be saved', expect.objectContaining({ file: join(dir, 'blocker', 'window-state.json') }));
  });
});
