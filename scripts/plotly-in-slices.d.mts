// Types of plotly-in-slices.mjs for vite.config.ts.
import type { Plugin } from 'vite';

/** The comment that asks V8 to compile every function of the file eagerly. */
export const COMPILE_HINT: string;

/** plotly.min.js rewritten so its factory returns `{ inSlices, entry }`; throws on an unexpected bundle shape. */
export function rewritePlotlyBundle(source: string): string;

/** The Vite plugin (build only: the dev server's pre-bundled plotly is left whole). */
export function plotlyInSlices(): Plugin;
