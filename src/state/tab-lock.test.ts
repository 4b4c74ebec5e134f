// Two tabs on one notebook, with a lock manager that behaves as navigator.locks and Node's BroadcastChannel.
import { afterEach, describe, expect, it } from 'vitest';
import { claimTabLock, lockNameOf, type LockManagerLike, type TabLock, type TabRole } from './tab-lock';
import { createFakeLocks } from './tab-lock-fake-locks';

const claimed: TabLock[] = [];
afterEach(() => claimed.splice(0).forEach((lock) => lock.release()));

async function openTab(locks: LockManagerLike | null, log: string[], tab: string): Promise<TabLock> {
  const lock = await claimTabLock({
    name: lockNameOf('nb-1'),
    locks,
    beforeRelease: async () => void log.push(`${tab} saves and stops`),
    onRoleChange: (role: TabRole) => log.push(`${tab} is ${role}`),
  });
  claimed.push(lock);
  return lock;
}

describe('claimTabLock', () => {
  it('makes the first tab the writer and the second a reader', async () => {
    const locks = createFakeLocks();
    const log: string[] = [];
    const first = await openTab(locks, log, 'A');
    const second = await openTab(locks, log, 'B');
    expect([first.role, second.role, log]).toEqual(['writer', 'reader', []]);
  });

  it('hands the notebook over: the writer saves, lets go and goes read-only; the asking tab then claims it as writer', async () => {
    const locks = createFakeLocks();
    const log: string[] = [];
    const first = await openTab(locks, log, 'A');
    const second = await openTab(locks, log, 'B');

    const taken = await second.requestTakeOver(2000);
    second.release(); // the asking tab reloads
    const reloaded = await openTab(locks, log, 'B again');

    expect({ taken, first: first.role, reloaded: reloaded.role, log }).toEqual({ taken: true, first: 'released', reloaded: 'writer', log: ['A saves and stops', 'A is released'] });
  });

  it('waits for a holder that does not answer (a page being reloaded) and then writes', async () => {
    const locks = createFakeLocks();
    const log: string[] = [];
    const dying = await claimTabLock({ name: lockNameOf('nb-1'), locks, openChannel: () => null, beforeRelease: async () => undefined, onRoleChange: () => undefined });
    setTimeout(() => dying.release(), 500);
    const reloaded = await openTab(locks, log, 'A reloaded');
    expect([reloaded.role, log]).toEqual(['writer', []]);
  });

  it('says so when the writer does not answer and keeps its lock', async () => {
    const locks = createFakeLocks();
    const log: string[] = [];
    // A writer without a channel (a frozen tab, say) hears nothing.
    const silent = await claimTabLock({ name: lockNameOf('nb-1'), locks, openChannel: () => null, beforeRelease: async () => undefined, onRoleChange: () => undefined });
    claimed.push(silent);
    const second = await openTab(locks, log, 'B');
    expect([await second.requestTakeOver(50), silent.role, second.role]).toEqual([false, 'writer', 'reader']);
  });

  it('lets every tab write where the browser has no Web Locks', async () => {
    const log: string[] = [];
    const tabs = [await openTab(null, log, 'A'), await openTab(null, log, 'B')];
    expect(tabs.map((tab) => tab.role)).toEqual(['writer', 'writer']);
  });
});
