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
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: Record<string, any>) {
    super();
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
  isDestroyed(): boolean {
    return this.webContents.destroyed;
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

export const dialog = { showErrorBox: vi.fn() };

export const session = {
  defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() },
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'from main' })),
});

/** Back to a fresh Electron between tests. */
export function resetFakes(): void {
  BrowserWindow.created.length = 0;
  ipcMain.handlers.clear();
  app.removeAllListeners();
  app.lockGranted = true;
  ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
}
