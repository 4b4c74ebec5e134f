// Memory mode's names and the worker's end of its bridge. Where the browser gives no IndexedDB the page keeps the
// studio in memory (memory-db.ts) under a `memory:<uuid>` name; a worker cannot see the page's memory, so the storage
// verbs a worker calls (REMOTE_VERBS) go to the page over a BroadcastChannel of that name and the page answers from
// its store (memory-host.ts). Those verbs start with `if (isRemoteDb(db)) return callRemote(...)`.

import { StudioError } from '../core/errors';
import type { StudioDb } from './db';

export const MEMORY_DB_PREFIX = 'memory:';

/** The verbs a worker may call on a remote store; memory-host.ts answers each with the verb of the same name. */
export const REMOTE_VERBS = ['loadDataset', 'saveDataset', 'hasDataset', 'saveRunFit', 'loadTrainedRun'] as const;
export type RemoteVerb = (typeof REMOTE_VERBS)[number];

/** A request on the bridge; the answer carries the same id. */
export interface RemoteRequest {
  readonly kind: 'request';
  readonly id: string;
  readonly verb: RemoteVerb;
  readonly args: readonly unknown[];
}

export type RemoteAnswer =
  | { readonly kind: 'answer'; readonly id: string; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'answer'; readonly id: string; readonly ok: false; readonly name: string; readonly message: string };

/** How long a worker waits for the page's answer (a large dataset is cloned both ways). */
const ANSWER_TIMEOUT_MS = 120_000;
const REMOTE = Symbol('remote studio db');
/** The in-memory stores this realm (the page) holds, by name. */
const hosted = new Map<string, StudioDb>();
const channels = new Map<string, { channel: BroadcastChannel; pending: Map<string, (answer: RemoteAnswer) => void> }>();

/** True for the name of an in-memory store. */
export function isMemoryDbName(name: string): boolean {
  return name.startsWith(MEMORY_DB_PREFIX);
}

/** Records the page's in-memory store under its name (memory-db.ts), so openStudioDb on this page returns it. */
export function registerHostedDb(name: string, db: StudioDb): void {
  hosted.set(name, db);
}

/** The in-memory store `name`: this page's own, else (in a worker) a handle whose verbs the page answers. */
export function openMemoryDbByName(name: string): StudioDb {
  return hosted.get(name) ?? createRemoteDb(name);
}

/**
 * A stand-in StudioDb for a worker: only REMOTE_VERBS accept it; anything else it is asked names itself as
 * unavailable in memory mode, rather than failing somewhere deep in idb.
 */
export function createRemoteDb(name: string): StudioDb {
  const target = { [REMOTE]: name, close: () => undefined };
  return new Proxy(target, {
    get(object, property) {
      if (property in object) return object[property as keyof typeof object];
      if (property === 'then') return undefined;
      throw new StudioError('StorageError', `A worker asked the in-memory store for "${String(property)}", which memory mode does not pass on. Reload the page; export your notebooks first if you need them.`);
    },
  }) as unknown as StudioDb;
}

/** True for a worker's handle on the page's in-memory store. */
export function isRemoteDb(db: StudioDb): boolean {
  return (db as unknown as Record<symbol, unknown>)[REMOTE] !== undefined;
}

/** Runs `verb(db, ...args)` on the page's store; rejects with the page's error (name and message) or after a timeout. */
export function callRemote<T>(db: StudioDb, verb: RemoteVerb, args: readonly unknown[]): Promise<T> {
  const name = (db as unknown as Record<symbol, string>)[REMOTE];
  const bridge = openBridge(name);
  const id = crypto.randomUUID();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      bridge.pending.delete(id);
      reject(new StudioError('StorageError', `The page's in-memory store did not answer "${verb}" within ${ANSWER_TIMEOUT_MS / 1000} s. Reload the page.`));
    }, ANSWER_TIMEOUT_MS);
    bridge.pending.set(id, (answer) => {
      clearTimeout(timer);
      bridge.pending.delete(id);
      if (answer.ok) resolve(answer.value as T);
      else reject(Object.assign(new Error(answer.message), { name: answer.name }));
    });
    bridge.channel.postMessage({ kind: 'request', id, verb, args } satisfies RemoteRequest);
  });
}

function openBridge(name: string) {
  let bridge = channels.get(name);
  if (!bridge) {
    const pending = new Map<string, (answer: RemoteAnswer) => void>();
    const channel = new BroadcastChannel(name);
    // Node (tests) would otherwise stay alive for an open channel; browsers have no unref.
    (channel as { unref?: () => void }).unref?.();
    // Every worker hears every answer: each takes only its own.
    channel.onmessage = (event: MessageEvent<RemoteAnswer | RemoteRequest>) => {
      if (event.data?.kind === 'answer') pending.get(event.data.id)?.(event.data);
    };
    bridge = { channel, pending };
    channels.set(name, bridge);
  }
  return bridge;
}
