import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { WALL_PAGES, type WallPageId, type WallSettings } from '../charts/wall/wall-query';

/**
 * The wall's pages in rotation: each stays `rotateMs`, then the next comes. Keys for setting a screen up with a
 * keyboard: Space or P pauses and resumes, ← and → step, 1…3 jump to a page (stepping restarts the page's time).
 */
export function useWallRotation(settings: WallSettings) {
  const index = shallowRef(Math.max(0, WALL_PAGES.findIndex((p) => p.id === settings.page)));
  const rotating = settings.rotateMs > 0;
  const paused = shallowRef(!rotating);
  /** Bumped every time a page starts its time, so its progress bar starts over. */
  const cycle = shallowRef(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline = 0;
  let remaining = settings.rotateMs;

  function arm(ms: number): void {
    clearTimeout(timer);
    if (!rotating || paused.value) return;
    deadline = Date.now() + ms;
    timer = setTimeout(() => go(index.value + 1), ms);
  }

  function go(next: number): void {
    index.value = (next + WALL_PAGES.length) % WALL_PAGES.length;
    cycle.value += 1;
    remaining = settings.rotateMs;
    arm(remaining);
  }

  function togglePause(): void {
    if (!rotating) return;
    if (paused.value) {
      paused.value = false;
      arm(remaining);
    } else {
      remaining = Math.max(0, deadline - Date.now());
      paused.value = true;
      clearTimeout(timer);
    }
  }

  function onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ' || event.key.toLowerCase() === 'p') togglePause();
    else if (event.key === 'ArrowRight') go(index.value + 1);
    else if (event.key === 'ArrowLeft') go(index.value - 1);
    else if (/^[1-9]$/.test(event.key) && Number(event.key) <= WALL_PAGES.length) go(Number(event.key) - 1);
    else return;
    event.preventDefault();
  }

  onMounted(() => {
    window.addEventListener('keydown', onKey);
    arm(remaining);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey);
    clearTimeout(timer);
  });

  const page = computed<WallPageId>(() => WALL_PAGES[index.value]!.id);
  return { page, index, paused, rotating, cycle, rotateMs: settings.rotateMs, go, togglePause };
}

export type WallRotation = ReturnType<typeof useWallRotation>;
