// Tells other tabs of this origin that the model registry changed, over one BroadcastChannel. The tab that made a
// change broadcasts it after its write committed; listeners reload what they show. A runtime without
// BroadcastChannel (some tests, old browsers) gets no-ops: the registry stays correct, other tabs just learn later.

import type { RegistryChange } from '../core/registry/types';

export const REGISTRY_CHANNEL_NAME = 'ml-studio-registry';

let sender: BroadcastChannel | undefined;

/** Posts a committed change to every other tab (the sending tab's own listeners do not receive it). */
export function broadcastRegistryChange(change: RegistryChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // One channel for the tab's life: closing right after posting can drop the message in some runtimes.
  sender ??= new BroadcastChannel(REGISTRY_CHANNEL_NAME);
  sender.postMessage(change);
}

/** Calls `onChange` with each change another tab broadcasts; returns the function that stops listening. */
export function listenToRegistryChanges(onChange: (change: RegistryChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(REGISTRY_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<RegistryChange>) => onChange(event.data);
  return () => channel.close();
}
