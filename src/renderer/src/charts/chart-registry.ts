import type { ECharts } from 'echarts/core';
import { onBeforeUnmount, type Ref } from 'vue';

declare global {
  interface Window {
    /**
     * The charts on screen by name (`map`, `timeline`). A canvas cannot be read like the DOM, so automation (the
     * e2e suite) and support (a developer console) read what a chart draws through its instance: `getOption()`,
     * `convertToPixel()` to find a marker on screen. Read-only use; the app never reads this itself.
     */
    dcrCharts?: Record<string, ECharts | undefined>;
  }
}

/** Publishes the chart behind `chartRef` (a vue-echarts component) as `window.dcrCharts[name]` while mounted. */
export function exposeChart(name: string, chartRef: Readonly<Ref<{ chart: ECharts | undefined } | null>>): void {
  const registry = (window.dcrCharts ??= {});
  Object.defineProperty(registry, name, { get: () => chartRef.value?.chart, configurable: true, enumerable: true });
  onBeforeUnmount(() => delete registry[name]);
}
