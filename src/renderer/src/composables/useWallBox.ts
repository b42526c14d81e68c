import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';

/** The content size of an element (CSS pixels, unaffected by the wall's stage scaling), kept current. */
export function useWallBox(element: Readonly<Ref<HTMLElement | null>>) {
  const box = shallowRef({ width: 0, height: 0 });
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width !== box.value.width || height !== box.value.height) box.value = { width, height };
    });
    if (element.value) observer.observe(element.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return box;
}
