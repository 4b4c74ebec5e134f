import { afterEach, describe, expect, it } from 'vitest';
import { holdUpdateReload, type ActivateUpdate, type RegisterServiceWorker, type ServiceWorkerEvents } from './service-worker';
import { OFFLINE_READY_MESSAGE, ServiceWorkerState } from './service-worker-state.svelte';
import { Toasts } from './toasts.svelte';

/** A registration that does nothing by itself: the test fires its events and sees what activation was asked. */
function fakeRegistration(activate: ActivateUpdate | null = async () => undefined) {
  const fake = { events: null as ServiceWorkerEvents | null, calls: 0 };
  const register: RegisterServiceWorker = async (events) => {
    fake.calls += 1;
    fake.events = events;
    return activate;
  };
  return { fake, register };
}

const releases: (() => void)[] = [];
afterEach(() => releases.splice(0).forEach((release) => release()));

describe('ServiceWorkerState', () => {
  it('says once that the app works offline when the first worker has precached', async () => {
    const toasts = new Toasts(60_000);
    const { fake, register } = fakeRegistration();
    const state = new ServiceWorkerState(toasts, register);
    await state.start();
    await state.start();
    fake.events!.onOfflineReady();
    expect({ calls: fake.calls, toasts: toasts.items.map(({ kind, message }) => ({ kind, message })), updateWaiting: state.updateWaiting }).toEqual({
      calls: 1,
      toasts: [{ kind: 'info', message: OFFLINE_READY_MESSAGE }],
      updateWaiting: false,
    });
  });

  it('shows the prompt when a new version waits; Later hides it and a later update shows it again', async () => {
    const { fake, register } = fakeRegistration();
    const state = new ServiceWorkerState(new Toasts(60_000), register);
    await state.start();
    const seen = [state.updateWaiting];
    fake.events!.onNeedRefresh();
    seen.push(state.updateWaiting);
    state.later();
    seen.push(state.updateWaiting);
    fake.events!.onNeedRefresh();
    seen.push(state.updateWaiting);
    expect(seen).toEqual([false, true, false, true]);
  });

  it('Reload lets the new worker in once; when it takes over, held work (the pending autosave) is saved before the page reloads', async () => {
    const order: string[] = [];
    const { fake, register } = fakeRegistration(async () => void order.push('activate'));
    const state = new ServiceWorkerState(new Toasts(60_000), register, () => order.push('reload'));
    releases.push(holdUpdateReload(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('saved');
    }));
    releases.push(holdUpdateReload(async () => {
      throw new Error('quota exceeded');
    }));
    await state.start();
    fake.events!.onNeedRefresh();
    await Promise.all([state.reload(), state.reload()]); // a double click activates once
    expect([state.reloading, order]).toEqual([true, ['activate']]);
    fake.events!.onNeedReload();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(order).toEqual(['activate', 'saved', 'reload']);
  });

  it('a tab that did not press Reload also saves before reloading when another tab switched versions', async () => {
    const order: string[] = [];
    const { fake, register } = fakeRegistration();
    const state = new ServiceWorkerState(new Toasts(60_000), register, () => order.push('reload'));
    releases.push(holdUpdateReload(async () => void order.push('saved')));
    const release = holdUpdateReload(async () => void order.push('released, never run'));
    release();
    await state.start();
    fake.events!.onNeedReload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([state.reloading, order]).toEqual([true, ['saved', 'reload']]);
  });

  it('without a service worker (dev server, tests, refused registration) nothing shows and Reload does nothing', async () => {
    const toasts = new Toasts(60_000);
    const none = new ServiceWorkerState(toasts, fakeRegistration(null).register);
    const failing = new ServiceWorkerState(toasts, async () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    await Promise.all([none.start(), failing.start()]);
    await Promise.all([none.reload(), failing.reload()]);
    expect([none.reloading, failing.reloading, toasts.items]).toEqual([false, false, []]);
  });
});
