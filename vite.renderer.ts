import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** The renderer build, shared by the Electron app (electron-vite) and the headless server's web build. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [vue()],
  resolve: {
    alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src'), '@shared': resolve(import.meta.dirname, 'src/shared') },
  },
  build: {
    rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    chunkSizeWarningLimit: 2500,
  },
};
