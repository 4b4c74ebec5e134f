import type { Plugin } from 'vite';

/** Serves the bundle's scripts (predict.mjs, serve.mjs, score.mjs) as the module `virtual:export-runtime`. */
export function exportRuntimePlugin(): Plugin;
