/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { plotlyInSlices } from './scripts/plotly-in-slices.mjs';
import { exportRuntimePlugin } from './scripts/export-runtime-plugin.mjs';
import { createPwaOptions } from './src/state/service-worker-config.js';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { description: string };
const globalCss = readFileSync(new URL('./src/ui/common/global.css', import.meta.url), 'utf8');

// Workers are ES modules (comlink + `new URL('./x.worker.ts', import.meta.url)`).
// No COOP/COEP headers: the threaded tfjs WASM backend hangs with them (see docs/decisions.md).
export default defineConfig({
  // plotlyInSlices: plotly's first load runs in slices that yield (scripts/plotly-in-slices.mjs).
  // exportRuntimePlugin: the deployable bundle's scripts as `virtual:export-runtime` (scripts/export-runtime-plugin.mjs).
  // VitePWA: the manifest and a Workbox service worker precaching the build (src/state/service-worker-config.ts).
  plugins: [svelte(), plotlyInSlices(), exportRuntimePlugin(), VitePWA(createPwaOptions({ description: packageJson.description, globalCss }))],
  worker: { format: 'es', plugins: () => [exportRuntimePlugin()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
