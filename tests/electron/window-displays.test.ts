import { describe, expect, it } from 'vitest';
import { describeDisplays, displayShowing, placeOnAttachedDisplay, type DisplaySource, type ScreenDisplay } from '../../src/main/displays';
import { fakeDisplay } from './electron-fakes';

const PRIMARY = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 });
const RIGHT = fakeDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 });
const LEFT_4K = { ...fakeDisplay(3, { x: -1920, y: 0, width: 1920, height: 1080 }, 'DELL U2720Q'), scaleFactor: 2 };
const ABOVE = fakeDisplay(4, { x: 0, y: -1080, width: 1920, height: 1080 });

const source = (displays: ScreenDisplay[], primary = displays[0]!): DisplaySource => ({
  getAllDisplays: () => displays,
  getPrimaryDisplay: () => primary,
});

describe('describeDisplays', () => {
  it('numbers the primary first, then left to right, with device-pixel sizes and where each stands', () => {
    expect(describeDisplays([RIGHT, ABOVE, PRIMARY, LEFT_4K], 1)).toEqual([
      { id: 1, label: 'Display 1 — 1920×1080 (primary)', primary: true },
      { id: 3, label: 'DELL U2720Q — 3840×2160 (left)', primary: false },
      { id: 4, label: 'Display 3 — 1920×1080 (above)', primary: false },
      { id: 2, label: 'Display 4 — 2560×1440 (right)', primary: false },
    ]);
  });

  it('positions monitors relative to whichever display is primary', () => {
    expect(describeDisplays([PRIMARY, RIGHT], 2).map((d) => d.label)).toEqual(['Display 1 — 2560×1440 (primary)', 'Display 2 — 1920×1080 (left)']);
  });
});

describe('displayShowing', () => {
  it('picks the display with most of the window, or none when the window is off every display', () => {
    expect(displayShowing({ x: 1800, y: 100, width: 400, height: 300 }, [PRIMARY, RIGHT])?.id).toBe(2);
    expect(displayShowing({ x: 1700, y: 100, width: 400, height: 300 }, [PRIMARY, RIGHT])?.id).toBe(1);
    expect(displayShowing({ x: 5000, y: 100, width: 400, height: 300 }, [PRIMARY, RIGHT])).toBeNull();
  });
});

describe('placeOnAttachedDisplay', () => {
  const saved = { x: 2000, y: 100, width: 1600, height: 1000 };

  it('keeps a window where it was when its monitor is still there', () => {
    expect(placeOnAttachedDisplay(saved, 2, source([PRIMARY, RIGHT]))).toEqual(saved);
  });

  it('centres a window on the primary display, with its saved size, when its monitor was unplugged', () => {
    // Primary work area 1920×1040: (1920-1600)/2 = 160, (1040-1000)/2 = 20.
    expect(placeOnAttachedDisplay(saved, 2, source([PRIMARY]))).toEqual({ x: 160, y: 20, width: 1600, height: 1000 });
  });

  it('pulls a window inside its monitor, shrinking it, when the monitor now has a lower resolution', () => {
    const smaller = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 720 });
    expect(placeOnAttachedDisplay(saved, 2, source([PRIMARY, smaller]))).toEqual({ x: 1920, y: 0, width: 1280, height: 680 });
  });

  it('finds the window on another display when the OS renumbered its monitor', () => {
    const renumbered = { ...RIGHT, id: 9 };
    expect(placeOnAttachedDisplay(saved, 2, source([PRIMARY, renumbered]))).toEqual(saved);
  });

  it('brings a window hanging off the bottom of its display back into the work area', () => {
    expect(placeOnAttachedDisplay({ x: 100, y: 900, width: 800, height: 600 }, 1, source([PRIMARY]))).toEqual({ x: 100, y: 440, width: 800, height: 600 });
  });
});
