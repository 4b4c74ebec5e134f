import { afterEach, expect, it, vi } from 'vitest';
import type { RegistryChange } from '../core/registry/types';
import { broadcastRegistryChange, listenToRegistryChanges } from './registry-channel';

const CHANGE: RegistryChange = {
  id: 'churn#2', modelName: 'churn', sequence: 2, at: 1000, action: 'set-stage', version: 2, reason: 'better',
  before: [{ version: 1, stage: 'production' }, { version: 2, stage: 'none' }], after: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }],
};

afterEach(() => vi.unstubAllGlobals());

it('delivers a broadcast change to a listener (another tab in the browser) until it stops listening', async () => {
  const received: RegistryChange[] = [];
  let arrived!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const stop = listenToRegistryChanges((change) => {
    received.push(change);
    arrived();
  });
  broadcastRegistryChange(CHANGE);
  await first;
  stop();
  broadcastRegistryChange({ ...CHANGE, id: 'churn#3' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(received).toEqual([CHANGE]);
});

it('does nothing where BroadcastChannel does not exist', () => {
  vi.stubGlobal('BroadcastChannel', undefined);
  const onChange = vi.fn();
  const stop = listenToRegistryChanges(onChange);
  expect(() => broadcastRegistryChange(CHANGE)).not.toThrow();
  stop();
  expect(onChange).not.toHaveBeenCalled();
});
