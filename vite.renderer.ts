import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** The renderer build, shared by the Electron app (electron-vite) and the headless server's web build. */
export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [vue()],
  resolve: {
    alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') },
  },
  build: {
    rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    chunkSizeWarningLimit: 2500,
  },
};
