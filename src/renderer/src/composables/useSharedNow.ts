import { onBeforeUnmount, readonly, shallowRef, type Ref } from 'vue';

const TICK_MS = 1000;
const now = shallowRef(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * The window's one ticking clock for live countdowns. Thousands of queue rows read the same ref, so the window
 * runs one interval however many rows are on screen, and every countdown turns over in the same instant.
 */
export function useSharedNow(): Readonly<Ref<number>> {
  users += 1;
  if (users === 1) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), TICK_MS);
  }
  onBeforeUnmount(() => {
    users -= 1;
    if (users === 0) clearInterval(timer);
  });
  return readonly(now);
}
