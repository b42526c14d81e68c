import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/logger';

/** A window's place when it was last moved: its normal bounds, its state and the monitor it was on. */
const SavedWindow = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
  displayId: z.number().int(),
});
export type SavedWindow = z.infer<typeof SavedWindow>;

/** The whole file; a new shape gets a new version, and a file of another version is not ours to read. */
const WindowStateFile = z.object({
  version: z.literal(1),
  windows: z.record(z.string(), SavedWindow),
  /** Displays that showed a wall display when the app quit. */
  walls: z.array(z.number().int()),
});
type WindowStateFile = z.infer<typeof WindowStateFile>;

const emptyState = (): WindowStateFile => ({ version: 1, windows: {}, walls: [] });

/** How long moves and resizes settle before the file is written. */
const SAVE_DELAY_MS = 500;

/**
 * Window places kept across restarts in one JSON file (userData/window-state.json). Changes are held in memory
 * and written at most every half second while windows move, and at once by `flush` (a window closing, the app
 * quitting). The file is written to a temporary name and renamed over the old one, so a crash mid-write leaves
 * the previous file, never half of one.
 */
export class WindowStateStore {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly state: WindowStateFile,
    private readonly logger: Logger,
    private readonly saveDelayMs: number,
  ) {}

  /** Reads the file; a missing, damaged or unknown one gives the defaults (the app must start regardless). */
  static load(file: string, logger: Logger, saveDelayMs = SAVE_DELAY_MS): WindowStateStore {
    return new WindowStateStore(file, readState(file, logger), logger, saveDelayMs);
  }

  window(key: string): SavedWindow | undefined {
    return this.state.windows[key];
  }

  rememberWindow(key: string, saved: SavedWindow): void {
    this.state.windows[key] = saved;
    this.scheduleSave();
  }

  get walls(): readonly number[] {
    return this.state.walls;
  }

  rememberWalls(displayIds: readonly number[]): void {
    this.state.walls = [...displayIds];
    this.scheduleSave();
  }

  /** Writes pending changes now. Never throws: failing to save window places must not stop the app quitting. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      writeAtomically(this.file, JSON.stringify(this.state, null, 2));
    } catch (error) {
      this.logger.error('window state could not be saved', { file: this.file, error: String(error) });
    }
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.saveDelayMs);
    // A pending save must not keep the process alive; quitting flushes it anyway.
    this.timer.unref();
  }
}

function readState(file: string, logger: Logger): WindowStateFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('window state could not be read; using defaults', { file, error: String(error) });
    return emptyState();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn('window state file is damaged; using defaults', { file });
    return emptyState();
  }
  const parsed = WindowStateFile.safeParse(json);
  if (parsed.success) return parsed.data;
  logger.warn('window state file is not in a known format; using defaults', { file, issues: parsed.error.issues.length });
  return emptyState();
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
