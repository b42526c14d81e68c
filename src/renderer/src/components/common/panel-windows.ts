import { getCurrentInstance, onBeforeUnmount, shallowRef, triggerRef } from 'vue';
import { PANELS, type PanelName } from '../../router/panels';

/**
 * Which board panels are open in windows of their own, shared by every window of the app through localStorage and
 * its `storage` event. That works the same in a browser (windows opened with `noopener`, so the board holds no
 * handle on them) and in Electron (main turns `window.open` into a BrowserWindow and the page gets no handle at
 * all), with no help from the host: one key per panel, written by the popped window while it is open.
 *
 * - The board marks a panel `pending` when it pops it out and shows a placeholder in its place at once.
 * - The popped window claims the key with its own id when it has loaded, and removes it when it closes.
 * - "Bring back" removes the key; the popped window sees that and closes itself.
 * - A window that crashed (or was killed) cannot remove its key: the board calls the roll when it starts, when it
 *   comes back into view and every half minute while panels are out; a claim nobody answers for within a few
 *   seconds is dropped and the panel comes back. Answering is event-driven, so a minimised window (whose timers
 *   the browser slows down) still answers at once.
 */

const KEY = (panel: PanelName) => `dcr.panel.${panel}`;
const ROLL_CALL = 'dcr.panel.rollcall';
/** A pop-out that has not loaded by then is taken as failed (a blocked pop-up): the panel comes back. */
const PENDING_MS = 20_000;
const ROLL_CALL_MS = 3_000;
const ROLL_CALL_EVERY_MS = 30_000;

interface Claim {
  window: string;
  /** When the window last claimed the panel (on opening, and in answer to each roll call). */
  at: number;
}

function read(panel: PanelName): Claim | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY(panel)) ?? 'null') as Claim | null;
    return parsed && typeof parsed.window === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function write(panel: PanelName, claim: Claim | null): void {
  try {
    if (claim) localStorage.setItem(KEY(panel), JSON.stringify(claim));
    else localStorage.removeItem(KEY(panel));
  } catch {
    // Storage disabled (kiosk policy): pop-outs still open, the board just cannot show where its panels went.
  }
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const popped = shallowRef(new Set<PanelName>());
let watching = false;

function refresh(): void {
  popped.value = new Set(PANELS.filter((panel) => read(panel) !== null));
  triggerRef(popped);
}

function callTheRoll(): void {
  if (popped.value.size === 0) return;
  const calledAt = Date.now();
  try {
    localStorage.setItem(ROLL_CALL, `${calledAt}-${newId()}`);
  } catch {
    return;
  }
  setTimeout(() => {
    for (const panel of PANELS) {
      const claim = read(panel);
      // A window that answered renewed its claim since the call; a pop-out still loading has its own deadline.
      if (claim && !claim.window.startsWith('pending-') && claim.at < calledAt) write(panel, null);
    }
    refresh();
  }, ROLL_CALL_MS);
}

/** The board's side: which panels are out, popping one out, bringing one back. */
export function usePoppedPanels() {
  if (!watching) {
    watching = true;
    refresh();
    window.addEventListener('storage', (event) => {
      if (event.key === null || event.key.startsWith('dcr.panel.')) refresh();
    });
    callTheRoll();
    setInterval(callTheRoll, ROLL_CALL_EVERY_MS);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && callTheRoll());
  }
  return {
    popped,
    isPopped: (panel: PanelName) => popped.value.has(panel),
    /** Marks the panel as out (the placeholder shows at once) and opens its window. */
    popOut(panel: PanelName, open: () => void): void {
      const claim: Claim = { window: `pending-${newId()}`, at: Date.now() };
      write(panel, claim);
      refresh();
      open();
      setTimeout(() => {
        if (read(panel)?.window === claim.window) write(panel, null);
        refresh();
      }, PENDING_MS);
    },
    /** Shows the panel on the board again; its window closes itself. */
    bringBack(panel: PanelName): void {
      write(panel, null);
      refresh();
    },
  };
}

/** The popped window's side: claims the panel while open, answers roll calls, closes when brought back. */
export function claimPanelWindow(panel: PanelName): void {
  const id = newId();
  const claim = () => write(panel, { window: id, at: Date.now() });
  const release = () => {
    if (read(panel)?.window === id) write(panel, null);
  };
  const stop = () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pagehide', release);
  };
  function onStorage(event: StorageEvent): void {
    if (event.key === ROLL_CALL && event.newValue) claim();
    else if (event.key === KEY(panel) && read(panel)?.window !== id) {
      // Brought back (or another window took the panel): never claim it again, even if the browser keeps us open.
      stop();
      window.close();
    }
  }
  claim();
  window.addEventListener('storage', onStorage);
  window.addEventListener('pagehide', release);
  if (getCurrentInstance()) {
    onBeforeUnmount(() => {
      stop();
      release();
    });
  }
}
