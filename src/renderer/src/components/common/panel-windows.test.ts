import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The board and a popped window share localStorage and hear each other's writes as `storage` events. Here both live
 * in one fake window: `other(…)` plays what the other window's write looks like to this one.
 */
const store = new Map<string, string>();
const listeners = new Map<string, Set<(event: unknown) => void>>();
const closed = vi.fn();

function fakeGlobals(): void {
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => {
      store.set(key, value);
      // A roll call is heard by the popped windows (here: this same fake window).
      if (key === 'dcr.panel.rollcall') queueMicrotask(() => fire('storage', { key, newValue: value }));
    },
    removeItem: (key: string) => void store.delete(key),
  });
  const on = (type: string, cb: (event: unknown) => void) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(cb);
  vi.stubGlobal('window', { addEventListener: on, removeEventListener: (type: string, cb: never) => listeners.get(type)?.delete(cb), close: closed });
  vi.stubGlobal('document', { addEventListener: on, visibilityState: 'visible', createElement: () => ({}) });
}

const fire = (type: string, event: unknown = {}) => [...(listeners.get(type) ?? [])].forEach((cb) => cb(event));
/** Another window wrote `key`: apply it and tell this one, as the browser would. */
function other(key: string, value: string | null): void {
  if (value === null) store.delete(key);
  else store.set(key, value);
  fire('storage', { key, newValue: value });
}

async function load() {
  vi.resetModules();
  return import('./panel-windows');
}

beforeEach(() => {
  store.clear();
  listeners.clear();
  closed.mockReset();
  fakeGlobals();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('panels popped out into windows of their own', () => {
  it('shows the placeholder at once, keeps it once the window has claimed the panel, and drops it when it closes', async () => {
    const { usePoppedPanels } = await load();
    const board = usePoppedPanels();
    const open = vi.fn();
    board.popOut('map', open);
    expect(open).toHaveBeenCalledOnce();
    expect(board.isPopped('map')).toBe(true);
    other('dcr.panel.map', JSON.stringify({ window: 'w1', at: Date.now() }));
    await vi.advanceTimersByTimeAsync(25_000);
    expect(board.isPopped('map')).toBe(true);
    other('dcr.panel.map', null);
    expect(board.isPopped('map')).toBe(false);
  });

  it('keeps a window that answers the roll call and drops one that does not (it crashed)', async () => {
    const { usePoppedPanels, claimPanelWindow } = await load();
    claimPanelWindow('timeline');
    store.set('dcr.panel.roster', JSON.stringify({ window: 'crashed', at: Date.now() - 60_000 }));
    const board = usePoppedPanels();
    expect(board.isPopped('roster')).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(board.isPopped('roster')).toBe(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(board.isPopped('timeline')).toBe(true);
  });

  it('gives up on a pop-out that never loads (a blocked pop-up) after 20 s', async () => {
    const { usePoppedPanels } = await load();
    const board = usePoppedPanels();
    board.popOut('queue', () => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.isPopped('queue')).toBe(true);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(board.isPopped('queue')).toBe(false);
  });

  it('closes the popped window when the board brings the panel back, and it never claims the panel again', async () => {
    const { claimPanelWindow } = await load();
    claimPanelWindow('map');
    expect(JSON.parse(store.get('dcr.panel.map')!).window).toBeTruthy();
    other('dcr.panel.map', null);
    expect(closed).toHaveBeenCalledOnce();
    other('dcr.panel.rollcall', 'call-1');
    expect(store.has('dcr.panel.map')).toBe(false);
  });

  it('releases its claim when the window goes away', async () => {
    const { claimPanelWindow } = await load();
    claimPanelWindow('roster');
    fire('pagehide');
    expect(store.has('dcr.panel.roster')).toBe(false);
  });
});
