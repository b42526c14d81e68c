import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './vite.renderer.ts';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // Started as a worker thread by core (see src/core/workers/run-worker.ts), so it ships as its own file.
          'report-worker': resolve(import.meta.dirname, 'src/core/reports/report-worker.ts'),
          // The core's own process (utilityProcess.fork from main, see src/main/core-process), so it ships as its own file.
          'core-entry': resolve(import.meta.dirname, 'src/main/core-process/core-entry.ts'),
        },
      },
    },
  },
  preload: {
    // The preload is bundled into one self-contained file so the window can stay sandboxed.
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: rendererConfig,
});
