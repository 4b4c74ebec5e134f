// How much browser storage the studio uses and may use, and asking the browser not to evict it.
// Both answer null where the Storage API is missing (old browsers, insecure origins, Node).

/** Bytes used and available to this origin, or null where navigator.storage.estimate is missing. */
export async function estimateStorage(): Promise<{ usageBytes: number; quotaBytes: number } | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usageBytes: usage, quotaBytes: quota };
}

/** Asks for persistent storage (no eviction under pressure): true when granted or already held, null where unsupported. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.persist !== 'function') return null;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}
