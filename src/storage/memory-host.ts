// The page's end of memory mode's bridge (remote-db.ts): it answers the storage verbs workers ask for over the
// store's BroadcastChannel, each with the same verb on the page's in-memory store.

import { hasDataset, loadDataset, saveDataset } from './datasets';
import type { StudioDb } from './db';
import { loadTrainedRun, saveRunFit } from './runs';
import type { RemoteAnswer, RemoteRequest, RemoteVerb } from './remote-db';

type Verb = (db: StudioDb, ...args: never[]) => Promise<unknown>;

const VERBS: { [V in RemoteVerb]: Verb } = { loadDataset, saveDataset, hasDataset, saveRunFit, loadTrainedRun };

/** Answers workers' requests on store `name` from `db` until the returned function is called. */
export function serveMemoryDb(name: string, db: StudioDb): () => void {
  const channel = new BroadcastChannel(name);
  // Node (tests) would otherwise stay alive for an open channel; browsers have no unref.
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (event: MessageEvent<RemoteRequest | RemoteAnswer>) => {
    const request = event.data;
    if (request?.kind !== 'request' || !Object.hasOwn(VERBS, request.verb)) return;
    void answer(db, request).then((reply) => channel.postMessage(reply));
  };
  return () => channel.close();
}

async function answer(db: StudioDb, request: RemoteRequest): Promise<RemoteAnswer> {
  try {
    const value = await VERBS[request.verb](db, ...(request.args as never[]));
    return { kind: 'answer', id: request.id, ok: true, value };
  } catch (error) {
    const { name, message } = error instanceof Error || error instanceof DOMException ? error : { name: 'Error', message: String(error) };
    return { kind: 'answer', id: request.id, ok: false, name, message };
  }
}
