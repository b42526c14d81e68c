import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.ts';

/** `npm run build:web`: the renderer as static files for the headless server (wall displays, phones, browsers). */
export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:5170', ws: true } } },
});
