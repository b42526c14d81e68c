import { onBeforeUnmount, shallowRef, type ShallowRef } from 'vue';

/** The current time, refreshed every `everyMs` while the component is mounted (ages, clocks). */
export function useNow(everyMs: number): ShallowRef<number> {
  const now = shallowRef(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
