// Registers the generated service worker (vite-plugin-pwa's `virtual:pwa-register`) in production builds, and keeps
// the list of unsaved work an update's reload must wait for. Not under `vite dev` or Vitest: nothing to precache there.

/** What the registration reports; each fires at most once per page, except `onNeedRefresh` after a later update. */
export interface ServiceWorkerEvents {
  /** The first service worker finished precaching: the app now loads with the network off. */
  onOfflineReady(): void;
  /** A new build's worker is installed and waiting for this page to let it take over. */
  onNeedRefresh(): void;
  /** The new worker took over (this tab's Reload or another tab's): the page must reload to run the new build. */
  onNeedReload(): void;
  /** Registration failed (private mode, storage blocked); the app still works online. */
  onRegisterError(error: unknown): void;
}

/** Lets the waiting worker take over; `onNeedReload` follows once it controls the page. */
export type ActivateUpdate = () => Promise<void>;

/** Registers the app's service worker; null where none is registered (dev server, tests, no support). */
export type RegisterServiceWorker = (events: ServiceWorkerEvents) => Promise<ActivateUpdate | null>;

/** How often an open tab asks the server for a new build; a hash-routed app never navigates, so it must ask. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** The production registration: loads `workbox-window` lazily, after the page, and checks for updates hourly. */
export const registerAppServiceWorker: RegisterServiceWorker = async (events) => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  const { registerSW } = await import('virtual:pwa-register');
  return registerSW({
    onOfflineReady: events.onOfflineReady,
    onNeedRefresh: events.onNeedRefresh,
    onNeedReload: events.onNeedReload,
    onRegisterError: events.onRegisterError,
    onRegisteredSW: (_url, registration) => {
      // Offline or a server hiccup: the next check tries again.
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_INTERVAL_MS);
    },
  });
};

const heldWork = new Set<() => Promise<void>>();

/**
 * Registers work an update's reload must finish first (an open notebook's pending autosave: a reload aborts an
 * IndexedDB write in flight); returns the function that releases it.
 */
export function holdUpdateReload(finish: () => Promise<void>): () => void {
  heldWork.add(finish);
  return () => void heldWork.delete(finish);
}

/** Runs every held finisher and waits for all of them; a failing one does not stop the others. */
export async function finishHeldWork(): Promise<void> {
  await Promise.allSettled([...heldWork].map((finish) => finish()));
}
