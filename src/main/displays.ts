import type { Display, Rectangle } from 'electron';

/** The part of an Electron display the window code uses. */
export type ScreenDisplay = Pick<Display, 'id' | 'label' | 'bounds' | 'workArea' | 'scaleFactor'>;

/** The part of Electron's `screen` that lists monitors (main passes `screen` itself, tests a fake). */
export interface DisplaySource {
  getAllDisplays(): ScreenDisplay[];
  getPrimaryDisplay(): ScreenDisplay;
}

/** A monitor as the user picks it in the menu. */
export interface DisplayChoice {
  readonly id: number;
  readonly label: string;
  readonly primary: boolean;
}

/**
 * Menu labels such as "Display 2 — 1920×1080 (right)": numbered primary first, then left to right, top to bottom,
 * so the numbers follow the desk; the OS's own name replaces the number when it has one. Sizes are in device
 * pixels, the resolution the monitor advertises, not Electron's scaled units.
 */
export function describeDisplays(displays: readonly ScreenDisplay[], primaryId: number): DisplayChoice[] {
  // Positions are relative to the primary display (or the first, should a hot-plug leave the id stale for a moment).
  const reference = (displays.find((d) => d.id === primaryId) ?? displays[0])?.bounds;
  const ordered = [...displays].sort(
    (a, b) => Number(b.id === primaryId) - Number(a.id === primaryId) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y,
  );
  return ordered.map((display, index) => {
    const name = display.label.trim() || `Display ${index + 1}`;
    const size = `${Math.round(display.bounds.width * display.scaleFactor)}×${Math.round(display.bounds.height * display.scaleFactor)}`;
    const isPrimary = display.id === primaryId;
    const where = isPrimary || !reference ? 'primary' : positionOf(display.bounds, reference);
    return { id: display.id, label: `${name} — ${size} (${where})`, primary: isPrimary };
  });
}

function positionOf(bounds: Rectangle, reference: Rectangle): 'left' | 'right' | 'above' | 'below' {
  const dx = bounds.x + bounds.width / 2 - (reference.x + reference.width / 2);
  const dy = bounds.y + bounds.height / 2 - (reference.y + reference.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'below' : 'above';
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The display showing most of `rect`; null when it is on none of them (its monitor was unplugged). */
export function displayShowing(rect: Rectangle, displays: readonly ScreenDisplay[]): ScreenDisplay | null {
  let best: ScreenDisplay | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(rect, display.bounds);
    if (area > bestArea) [best, bestArea] = [display, area];
  }
  return best;
}

/** `rect` moved (and shrunk if need be) to lie wholly inside `area`. */
export function fitInside(rect: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  return {
    x: Math.min(Math.max(rect.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(rect.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

function centreIn(rect: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where a window saved at `rect` on display `displayId` goes now. On its display (or, if the OS renumbered it,
 * on whichever display still shows it) it keeps its place, pulled inside the work area should the resolution or
 * the arrangement have changed; when its monitor is gone, it is centred on the primary display with its saved size.
 */
export function placeOnAttachedDisplay(rect: Rectangle, displayId: number, source: DisplaySource): Rectangle {
  const displays = source.getAllDisplays();
  const home = displays.find((d) => d.id === displayId) ?? displayShowing(rect, displays);
  return home ? fitInside(rect, home.workArea) : centreIn(rect, source.getPrimaryDisplay().workArea);
}
