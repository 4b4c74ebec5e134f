// The studio's store where the browser gives the page no IndexedDB (blocked storage, some private modes): the same
// schema and verbs over fake-indexeddb's in-memory implementation, loaded only then. Nothing is kept after the tab
// closes. Workers reach it through the page (remote-db.ts, memory-host.ts).

import { openStudioDbWith, type StudioDb } from './db';
import { serveMemoryDb } from './memory-host';
import { MEMORY_DB_PREFIX, registerHostedDb } from './remote-db';

/** The IndexedDB classes idb checks values against (`instanceof`); in memory mode they must be fake-indexeddb's. */
const CLASS_NAMES = ['IDBCursor', 'IDBCursorWithValue', 'IDBDatabase', 'IDBFactory', 'IDBIndex', 'IDBKeyRange', 'IDBObjectStore', 'IDBOpenDBRequest', 'IDBRequest', 'IDBTransaction', 'IDBVersionChangeEvent'] as const;

/** Opens a new empty in-memory store named `memory:<uuid>` and serves it to this page's workers. */
export async function openMemoryStudioDb(): Promise<{ name: string; db: StudioDb }> {
  const fake = await import('fake-indexeddb');
  // idb wraps requests, stores and cursors by `instanceof` against the globals, and key ranges must be the
  // store's own: the page uses no real IndexedDB from here on, so the globals become fake-indexeddb's.
  // `indexedDB` itself is left alone (a blocked page may have it fixed to undefined); the factory is passed in.
  for (const name of CLASS_NAMES) {
    try {
      Object.defineProperty(globalThis, name, { value: fake[name], configurable: true, writable: true });
    } catch {
      // A global the page cannot redefine: idb still works where that class is not checked.
    }
  }
  const name = `${MEMORY_DB_PREFIX}${crypto.randomUUID()}`;
  const db = await openStudioDbWith(new fake.IDBFactory(), name);
  registerHostedDb(name, db);
  serveMemoryDb(name, db);
  return { name, db };
}
