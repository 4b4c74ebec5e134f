/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { plotlyInSlices } from './scripts/plotly-in-slices.mjs';
import { exportRuntimePlugin } from './scripts/export-runtime-plugin.mjs';

// Workers are ES modules (comlink + `new URL('./x.worker.ts', import.meta.url)`).
// No COOP/COEP headers: the threaded tfjs WASM backend hangs with them (see docs/decisions.md).
export default defineConfig({
  // plotlyInSlices: plotly's first load runs in slices that yield (scripts/plotly-in-slices.mjs).
  // exportRuntimePlugin: the deployable bundle's scripts as `virtual:export-runtime` (scripts/export-runtime-plugin.mjs).
  plugins: [svelte(), plotlyInSlices(), exportRuntimePlugin()],
  worker: { format: 'es', plugins: () => [exportRuntimePlugin()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
