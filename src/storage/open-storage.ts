// Where the studio keeps its data in this browser: the IndexedDB database, or — where the browser gives the page
// none (storage blocked, some private modes) — an in-memory store with the same verbs, so the studio still runs and
// the page can say that nothing will be kept.

import { describeOpenFailure, openStudioDbWith, type StudioDb, type StudioDbHooks } from './db';
import { openMemoryStudioDb } from './memory-db';

export type StorageMode = 'indexeddb' | 'memory';

/** The opened store: its database, the name workers open it by, and why memory mode was chosen (null otherwise). */
export interface OpenedStorage {
  readonly db: StudioDb;
  readonly name: string;
  readonly mode: StorageMode;
  readonly reason: string | null;
}

/** Failures that mean "this browser gives no storage" (not "this database has a problem", e.g. a VersionError). */
const UNAVAILABLE = new Set(['TypeError', 'SecurityError', 'InvalidStateError', 'UnknownError', 'NotAllowedError', 'NotFoundError', 'NotSupportedError']);

/**
 * Opens database `name`, falling back to a new in-memory store when IndexedDB is missing or refuses to open; any
 * other failure is a StorageError naming the database. `readFactory` exists for tests (reading `indexedDB` may itself
 * throw a SecurityError where storage is blocked).
 */
export async function openStudioStorage(name: string, hooks: StudioDbHooks = {}, readFactory: () => IDBFactory | undefined = () => globalThis.indexedDB): Promise<OpenedStorage> {
  try {
    return { db: await openStudioDbWith(readFactory(), name, hooks), name, mode: 'indexeddb', reason: null };
  } catch (error) {
    const { name: errorName, message } = error instanceof Error || error instanceof DOMException ? error : { name: '', message: String(error) };
    if (!UNAVAILABLE.has(errorName)) throw describeOpenFailure(name, error);
    const memory = await openMemoryStudioDb();
    return { ...memory, mode: 'memory', reason: `${errorName}: ${message}` };
  }
}
