// Builds the benchmark pages (one folder per browser suite) into bench/out/site; `bench/run.mjs` drives it.
// Same worker format and target as the app, so the numbers describe what users get.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const benchDir = import.meta.dirname;

export default defineConfig({
  root: benchDir,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: resolve(benchDir, 'out/site'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { import: resolve(benchDir, 'import/index.html'), profile: resolve(benchDir, 'profile/index.html'), neural: resolve(benchDir, 'neural/index.html'), large: resolve(benchDir, 'large/index.html') } },
  },
  server: { fs: { allow: [resolve(benchDir, '..')] } },
});
