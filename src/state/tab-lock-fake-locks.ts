// For tests only: exclusive locks as the Web Locks API grants them, in one process (Node has no navigator.locks).

import type { LockManagerLike } from './tab-lock';

/** One holder per name; `ifAvailable` answers null while held; waiting requests are granted in order, or leave on their signal's abort. */
export function createFakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const acquire = async (name: string, callback: (lock: unknown) => unknown) => {
    held.add(name);
    try {
      return await callback({ name });
    } finally {
      held.delete(name);
      queues.get(name)?.shift()?.();
    }
  };
  return {
    async request(name, options, callback) {
      if (!held.has(name)) return acquire(name, callback);
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const wake = () => resolve();
        queues.set(name, [...(queues.get(name) ?? []), wake]);
        options.signal?.addEventListener('abort', () => {
          queues.set(name, (queues.get(name) ?? []).filter((waiter) => waiter !== wake));
          reject(options.signal?.reason);
        });
      });
      return acquire(name, callback);
    },
  };
}
