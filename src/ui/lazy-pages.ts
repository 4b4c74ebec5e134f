// The pages other than Home load on first use, so the first paint carries Home alone (the notebook page brings the
// cell components, the runtime and the core they run; Runs and Models bring theirs). Each loader is memoised, and
// `preloadPages` fetches them once the browser is idle after Home shows, so opening a notebook does not wait.

import type { Component } from 'svelte';

type Loader = () => Promise<Component<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each page has its own props

function memoise(load: () => Promise<{ default: Component<any> }>): Loader { // eslint-disable-line @typescript-eslint/no-explicit-any
  let loading: Promise<Component<any>> | null = null; // eslint-disable-line @typescript-eslint/no-explicit-any
  return () => (loading ??= load().then((module) => module.default).catch((error: unknown) => {
    loading = null; // a failed fetch (offline before the first visit finished) is tried again next time
    throw error;
  }));
}

export const loadNotebookPage = memoise(() => import('./notebook/NotebookPage.svelte'));
export const loadRunsPage = memoise(() => import('./runs/RunsPage.svelte'));
export const loadModelsPage = memoise(() => import('./models/ModelsPage.svelte'));
export const loadModelPage = memoise(() => import('./models/ModelPage.svelte'));

/** Fetches every lazy page when the browser is idle (or after a second where it has no idle callback). */
export function preloadPages(): void {
  const load = () => void Promise.all([loadNotebookPage(), loadRunsPage(), loadModelsPage(), loadModelPage()]).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 1_000);
}
