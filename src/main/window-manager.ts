import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import { displayShowing, placeOnAttachedDisplay, type DisplaySource } from './displays';
import type { SavedWindow, WindowStateStore } from './window-state';
import { bringForward, createWindowFactory, MAIN_LAYOUT, POP_OUT_LAYOUT, type RendererLocation, type WindowFactory, type WindowLayout } from './windows';

/** The windows that exist once at most: asking for one again brings it forward. */
export type View = 'board' | 'risk' | 'reports' | 'admin';
const VIEWS: readonly View[] = ['board', 'risk', 'reports', 'admin'];

const VIEW_ROUTE: Record<View, string> = { board: '/board', risk: '/risk', reports: '/reports', admin: '/admin' };
const SECONDARY_LAYOUT: WindowLayout = { width: 1280, height: 800, minWidth: 800, minHeight: 560 };
const VIEW_LAYOUT: Record<View, WindowLayout> = { board: MAIN_LAYOUT, risk: SECONDARY_LAYOUT, reports: SECONDARY_LAYOUT, admin: SECONDARY_LAYOUT };
const WALL_ROUTE = '/wall';
/** The renderer's page listing open alerts. */
const ALERTS_ROUTE = '/risk';

export interface WindowManagerOptions {
  location: RendererLocation;
  /** Absolute path of the bundled preload. */
  preload: string;
  logger: Logger;
  displays: DisplaySource;
  state: WindowStateStore;
  /** Called for every window opened on behalf of another (pop-outs, menu windows, walls), to share its session. */
  shareSession?(child: BrowserWindow, opener: BrowserWindow): void;
}

const isOpen = (win: BrowserWindow | undefined): win is BrowserWindow => win !== undefined && !win.isDestroyed();

/** Pop-outs are remembered per page (`#/panel/map`), so each panel comes back where it was last. */
function popOutKey(url: string): string {
  return `pop-out:${new URL(url).hash.slice(1).split('?')[0] || '/'}`;
}

/**
 * Owns every window of the app: the board, the Risk, Reports and Administration windows (one each), the pop-outs
 * the renderer opens, and a wall display per monitor. Each window's place is saved as it moves and restored at
 * the next start; the walls open at quit come back too.
 */
export class WindowManager {
  readonly isAppUrl: (url: string) => boolean;
  private readonly factory: WindowFactory;
  private readonly views = new Map<View, BrowserWindow>();
  /** Wall displays by the id of the monitor they fill. */
  private readonly walls = new Map<number, BrowserWindow>();
  private readonly popOuts = new Set<BrowserWindow>();
  private quitting = false;

  constructor(private readonly options: WindowManagerOptions) {
    this.factory = createWindowFactory({
      location: options.location,
      preload: options.preload,
      logger: options.logger,
      popOutLayout: (url) => this.layoutFor(popOutKey(url), POP_OUT_LAYOUT),
      onPopOut: (child, opener, url) => {
        this.popOuts.add(child);
        child.once('closed', () => this.popOuts.delete(child));
        this.trackPlace(child, popOutKey(url));
        options.shareSession?.(child, opener);
      },
    });
    this.isAppUrl = this.factory.isAppUrl;
  }

  /** Opens `view`, or brings it forward if it is open; a new window shares the session of `opener`. */
  open(view: View, opener = this.all()[0]): BrowserWindow {
    const existing = this.views.get(view);
    if (isOpen(existing)) {
      bringForward(existing);
      return existing;
    }
    const layout = this.layoutFor(view, VIEW_LAYOUT[view]);
    const win = view === 'board' ? this.factory.createMainWindow(layout) : this.factory.createWindow(VIEW_ROUTE[view], layout);
    this.views.set(view, win);
    win.once('closed', () => {
      if (this.views.get(view) === win) this.views.delete(view);
    });
    this.trackPlace(win, view);
    if (opener) this.options.shareSession?.(win, opener);
    return win;
  }

  /** A wall display filling monitor `displayId` (the primary one if that monitor is gone); one per monitor. */
  openWall(displayId: number, opener = this.all()[0]): BrowserWindow {
    const { displays } = this.options;
    const display = displays.getAllDisplays().find((d) => d.id === displayId) ?? displays.getPrimaryDisplay();
    const existing = this.walls.get(display.id);
    if (isOpen(existing)) {
      bringForward(existing);
      return existing;
    }
    const win = this.factory.createWindow(WALL_ROUTE, { ...display.bounds, fullScreen: true, wall: true });
    this.walls.set(display.id, win);
    win.once('closed', () => {
      if (this.walls.get(display.id) === win) this.walls.delete(display.id);
      // Walls closed by quitting are the ones to bring back at the next start, so only a user's close counts.
      if (!this.quitting) this.rememberWalls();
    });
    if (opener) this.options.shareSession?.(win, opener);
    this.rememberWalls();
    return win;
  }

  closeWalls(): void {
    for (const wall of this.wallWindows()) wall.close();
  }

  /** Reopens the walls that were open when the app last quit. */
  restoreWalls(): void {
    for (const displayId of [...this.options.state.walls]) this.openWall(displayId);
  }

  /** Every open window, the board first: what a second launch brings forward and whose session others share. */
  all(): BrowserWindow[] {
    return [...VIEWS.map((view) => this.views.get(view)), ...this.popOuts, ...this.walls.values()].filter(isOpen);
  }

  board(): BrowserWindow | null {
    const board = this.views.get('board');
    return isOpen(board) ? board : null;
  }

  wallWindows(): BrowserWindow[] {
    return [...this.walls.values()].filter(isOpen);
  }

  /** Sends a wall back to its page, e.g. once it may sign in after showing the sign-in page. */
  reloadWall(wall: BrowserWindow): void {
    this.factory.showRoute(wall, WALL_ROUTE);
  }

  /**
   * Shows the open alerts to the user of `win` (a desktop notification was clicked): a workstation window is
   * brought forward on the alerts page; a wall or a panel keeps its screen and the Risk window opens beside it.
   */
  revealAlert(win: BrowserWindow): void {
    if (![...this.views.values()].includes(win)) {
      this.open('risk', win);
      return;
    }
    bringForward(win);
    this.factory.showRoute(win, ALERTS_ROUTE);
  }

  /** Called on the app's before-quit: the windows closing from now on are closing because the app quits. */
  quitStarted(): void {
    this.quitting = true;
  }

  /** Writes any place not saved yet (the app is quitting). */
  flush(): void {
    this.options.state.flush();
  }

  private rememberWalls(): void {
    this.options.state.rememberWalls([...this.walls.keys()]);
  }

  /** The saved place of `key` on today's monitors, or `defaults` (the OS places the window) when there is none. */
  private layoutFor(key: string, defaults: WindowLayout): WindowLayout {
    const saved = this.options.state.window(key);
    if (!saved) return defaults;
    const bounds = placeOnAttachedDisplay(saved, saved.displayId, this.options.displays);
    return { ...defaults, ...bounds, maximized: saved.maximized, fullScreen: saved.fullScreen };
  }

  private trackPlace(win: BrowserWindow, key: string): void {
    const remember = () => {
      if (!win.isDestroyed()) this.options.state.rememberWindow(key, this.placeOf(win));
    };
    win.on('move', remember);
    win.on('resize', remember);
    win.on('maximize', remember);
    win.on('unmaximize', remember);
    win.on('enter-full-screen', remember);
    win.on('leave-full-screen', remember);
    // After 'close' the window is gone; its last place is taken and written now.
    win.on('close', () => {
      remember();
      this.options.state.flush();
    });
  }

  private placeOf(win: BrowserWindow): SavedWindow {
    // The normal bounds: what a maximised or full-screen window returns to, and where it is restored next time.
    const bounds = win.getNormalBounds();
    const { displays } = this.options;
    const display = displayShowing(bounds, displays.getAllDisplays()) ?? displays.getPrimaryDisplay();
    return {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: win.isMaximized(),
      fullScreen: win.isFullScreen(),
      displayId: display.id,
    };
  }
}
