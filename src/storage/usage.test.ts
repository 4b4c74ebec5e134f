import { afterEach, expect, it, vi } from 'vitest';
import { estimateStorage, requestPersistentStorage } from './usage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubStorage(storage: Partial<StorageManager> | undefined): void {
  vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
}

it('answers null where the Storage API is missing', async () => {
  stubStorage(undefined);
  expect([await estimateStorage(), await requestPersistentStorage()]).toEqual([null, null]);
});

it('reports usage and quota in bytes, treating absent fields as 0', async () => {
  stubStorage({ estimate: async () => ({ usage: 52_428_800, quota: 1_073_741_824 }) });
  expect(await estimateStorage()).toEqual({ usageBytes: 52_428_800, quotaBytes: 1_073_741_824 });
  stubStorage({ estimate: async () => ({}) });
  expect(await estimateStorage()).toEqual({ usageBytes: 0, quotaBytes: 0 });
});

it('asks for persistence only when not already persisted', async () => {
  const persist = vi.fn(async () => false);
  stubStorage({ persisted: async () => true, persist });
  expect(await requestPersistentStorage()).toBe(true);
  expect(persist).not.toHaveBeenCalled();

  stubStorage({ persisted: async () => false, persist });
  expect(await requestPersistentStorage()).toBe(false);
  expect(persist).toHaveBeenCalledTimes(1);
});
