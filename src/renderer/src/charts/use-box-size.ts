import { onBeforeUnmount, onMounted, shallowRef, type Ref, type ShallowRef } from 'vue';

/** The content size of an element, kept current by a ResizeObserver (a docked panel is small, a popped-out one big). */
export function useBoxSize(box: Readonly<Ref<HTMLElement | null>>): { width: ShallowRef<number>; height: ShallowRef<number> } {
  const width = shallowRef(0);
  const height = shallowRef(0);
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    observer = new ResizeObserver(([entry]) => {
      width.value = entry?.contentRect.width ?? 0;
      height.value = entry?.contentRect.height ?? 0;
    });
    if (box.value) observer.observe(box.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return { width, height };
}
