import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';

/** The pointer and the full-screen button disappear after this long without moving the mouse. */
const IDLE_MS = 3000;
/** The wall is laid out for 1920×1080 and scaled to the screen it is on. */
export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/**
 * Kiosk behaviour: full screen on request (F or the button; browsers only allow it after a user gesture), the
 * cursor hidden while nobody moves the mouse, and a stage that scales the 1920×1080 layout to fill any screen
 * (at least 1920×1080 logical pixels in both directions, so a 16:10 or 4:3 screen gets more room, not bars).
 */
export function useWallKiosk() {
  const idle = shallowRef(false);
  const fullscreen = shallowRef(false);
  const viewport = shallowRef({ width: window.innerWidth, height: window.innerHeight });
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function wake(): void {
    idle.value = false;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => (idle.value = true), IDLE_MS);
  }

  async function toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    } catch {
      // Refused (no user gesture, or a browser policy): the wall stays as it is.
    }
  }

  const onFullscreen = () => (fullscreen.value = document.fullscreenElement !== null);
  const onResize = () => (viewport.value = { width: window.innerWidth, height: window.innerHeight });
  const onKey = (event: KeyboardEvent) => {
    if (event.key.toLowerCase() === 'f' && !event.altKey && !event.ctrlKey && !event.metaKey) void toggleFullscreen();
  };

  onMounted(() => {
    window.addEventListener('mousemove', wake);
    window.addEventListener('keydown', onKey);
    window.addEventListener('resize', onResize);
    document.addEventListener('fullscreenchange', onFullscreen);
    wake();
  });
  onBeforeUnmount(() => {
    window.removeEventListener('mousemove', wake);
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    document.removeEventListener('fullscreenchange', onFullscreen);
    clearTimeout(idleTimer);
  });

  const stage = computed(() => {
    const { width, height } = viewport.value;
    const scale = Math.min(width / STAGE_WIDTH, height / STAGE_HEIGHT);
    return { scale, width: width / scale, height: height / scale };
  });

  return { idle, fullscreen, toggleFullscreen, stage };
}
