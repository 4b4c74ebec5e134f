// What the page shows about its service worker: a one-time "ready to work offline" toast, and the update prompt
// while a new build waits. Reload lets the new worker in; every tab it takes over saves held work, then reloads.

import { finishHeldWork, type ActivateUpdate, type RegisterServiceWorker } from './service-worker';
import type { Toasts } from './toasts.svelte';

export const OFFLINE_READY_MESSAGE = 'Ready to work offline: ML Studio now opens without a network connection.';

export class ServiceWorkerState {
  /** True while a new version waits and the prompt is shown (Later hides it until the next update). */
  updateWaiting = $state(false);
  /** True from a Reload press until the page reloads (the button is disabled meanwhile). */
  reloading = $state(false);
  #activate: ActivateUpdate | null = null;
  #started = false;

  constructor(
    private readonly toasts: Toasts,
    private readonly register: RegisterServiceWorker,
    private readonly reloadPage: () => void = () => location.reload(),
  ) {}

  /** Registers the worker once; the events it reports drive the toast and the prompt. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    try {
      this.#activate = await this.register({
        onOfflineReady: () => this.toasts.push(OFFLINE_READY_MESSAGE),
        onNeedRefresh: () => (this.updateWaiting = true),
        onNeedReload: () => void this.#reloadWhenSaved(),
        onRegisterError: () => undefined, // the app works online as before; nothing to ask of the user
      });
    } catch {
      // Same: a page without a service worker is the app as it was before it had one.
      this.#activate = null;
    }
  }

  /** Switches to the waiting version (in every tab of the app); each reloads once its held work is saved. */
  async reload(): Promise<void> {
    if (!this.#activate || this.reloading) return;
    this.reloading = true;
    await this.#activate();
  }

  /** Hides the prompt; the new version starts on the next visit, once every tab of this one is closed. */
  later(): void {
    this.updateWaiting = false;
  }

  async #reloadWhenSaved(): Promise<void> {
    this.reloading = true;
    await finishHeldWork();
    this.reloadPage();
  }
}
