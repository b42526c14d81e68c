import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

/**
 * Stand-ins for the parts of `electron` the shell uses; there is no Electron binary here, so tests load these via
 * `vi.mock('electron', () => import('./electron-fakes'))` and inspect them directly (same module instance).
 */

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  readonly sent: unknown[][] = [];
  private openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.openHandler = handler;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** What Electron does when the page starts a navigation; true if main prevented it. */
  attemptNavigation(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
  /** What Electron does on `window.open(url)` in the page. */
  windowOpen(url: string): { action: 'allow' | 'deny' } {
    if (!this.openHandler) throw new Error('no window open handler installed');
    return this.openHandler({ url });
  }
}

type Rect = { x: number; y: number; width: number; height: number };

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.webContents.destroyed);
  }

  private static nextId = 1;
  readonly id = BrowserWindow.nextId++;
  readonly webContents = new FakeWebContents();
  readonly loads: { kind: 'url' | 'file'; target: string; options?: unknown }[] = [];
  minimized = false;
  maximized = false;
  fullScreen = false;
  /** The normal bounds; without x and y in the options the fake puts the window at the origin. */
  bounds: Rect;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.emit('maximize');
  });
  readonly setFullScreen = vi.fn((flag: boolean) => {
    this.fullScreen = flag;
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
  });
  readonly setMenuBarVisibility = vi.fn();
  /** What the user's close does: 'close' while the window still answers, then it is gone and 'closed'. */
  readonly close = vi.fn(() => {
    this.emit('close', { preventDefault: () => {} });
    this.webContents.destroy();
    this.emit('closed');
  });

  constructor(readonly options: Record<string, any>) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loads.push({ kind: 'url', target: url });
    this.webContents.url = url;
    return Promise.resolve();
  }
  loadFile(file: string, options?: { hash?: string }): Promise<void> {
    this.loads.push({ kind: 'file', target: file, options });
    this.webContents.url = `${pathToFileURL(file).href}${options?.hash ? `#${options.hash}` : ''}`;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  /** Like Electron, moving or resizing a window emits 'move' and 'resize'. */
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }
}

export interface FakeDisplay {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}

/** A monitor at `bounds` whose work area leaves 40 px at the bottom for a taskbar. */
export function fakeDisplay(id: number, bounds: Rect, label = ''): FakeDisplay {
  return { id, label, bounds, workArea: { ...bounds, height: bounds.height - 40 }, scaleFactor: 1 };
}

const LAPTOP = () => fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 });

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [LAPTOP()];
  primaryId = 1;
  getAllDisplays(): FakeDisplay[] {
    return this.displays.map((d) => ({ ...d }));
  }
  getPrimaryDisplay(): FakeDisplay {
    return { ...(this.displays.find((d) => d.id === this.primaryId) ?? this.displays[0]!) };
  }
  /** Plugs in (or out) monitors: the new set replaces the old, with the events Electron emits. */
  attach(displays: FakeDisplay[], primaryId = displays[0]!.id): void {
    const before = this.displays;
    this.displays = displays;
    this.primaryId = primaryId;
    for (const gone of before.filter((d) => !displays.some((n) => n.id === d.id))) this.emit('display-removed', {}, gone);
    for (const added of displays.filter((d) => !before.some((o) => o.id === d.id))) this.emit('display-added', {}, added);
  }
  reset(): void {
    this.displays = [LAPTOP()];
    this.primaryId = 1;
    this.removeAllListeners();
  }
}
export const screen = new FakeScreen();

/** The menu as built: the template is kept so tests can read the items and click them. */
export const Menu = {
  buildFromTemplate: vi.fn((template: any[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/** Desktop notifications, recorded: what was shown, and a click like the user's. */
export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static isSupported = (): boolean => true;
  constructor(readonly options: { title: string; body: string; urgency?: string }) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
}

export const ipcMain = {
  handlers: new Map<string, (...args: any[]) => unknown>(),
  handle(channel: string, handler: (...args: any[]) => unknown): void {
    // Electron refuses a second handler on one channel; so does the fake, so a double bind fails the test.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

class FakeApp extends EventEmitter {
  lockGranted = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly getAppPath = vi.fn(() => '/fake/app');
  readonly getVersion = vi.fn(() => '9.8.7');
}
export const app = new FakeApp();

export const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };

export const session = {
  defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn(), setCertificateVerifyProc: vi.fn() },
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'from main' })),
});

/** Back to a fresh Electron between tests. */
export function resetFakes(): void {
  BrowserWindow.created.length = 0;
  screen.reset();
  Notification.shown.length = 0;
  ipcMain.handlers.clear();
  app.removeAllListeners();
  app.lockGranted = true;
  ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
}
