// kNN's query helpers in Node: worker_threads (for the CLI, the benchmarks and the tests) whose small CommonJS
// bootstrap registers tsx and imports this file, which answers core's createQueryServer calls. A helper is ref'd
// only while it has a request out, so an idle pool never keeps the process alive.

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { createAbortError } from '../core/errors';
import { createQueryServer, readQueryThreads, setQueryThreads, type NeighbourIndexSpec, type QueryThreads } from '../core/models/classic/knn-query-threads';
import type { Neighbours } from '../core/models/classic/nearest-neighbours';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => {
  api.register();
  return import(workerData.entry);
}).then((entry) => entry.serveQueryThread());
`;

type Job = { kind: 'ready' } | { kind: 'hold'; spec: NeighbourIndexSpec } | { kind: 'find'; key: string; queries: Float64Array; queryRows: number };
type Request = Job & { id: number };
type Reply = { id: number; found?: Neighbours; error?: string };

/** The helper's side: answers requests in order (run on a helper thread by the bootstrap). */
export function serveQueryThread(): void {
  const server = createQueryServer();
  parentPort?.on('message', (request: Request) => {
    try {
      if (request.kind !== 'find') {
        if (request.kind === 'hold') server.holdIndex(request.spec);
        parentPort?.postMessage({ id: request.id } satisfies Reply);
        return;
      }
      const found = server.findNeighbours(request.key, request.queries, request.queryRows);
      parentPort?.postMessage({ id: request.id, found } satisfies Reply, [found.indices.buffer as ArrayBuffer, found.distances.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    }
  });
}

/** The file URL of tsx's ESM `register` (as run-code-node.ts finds it). */
function findTsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api'].import.default, pathToFileURL(manifest)).href;
}

interface Lane {
  worker: Worker;
  pending: Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>;
  heldKey: string | null;
}

/**
 * A pool of `count` helper threads (a prediction runs on count + 1), started on first use or by `prepare` (which
 * resolves once every helper has loaded); `minSearchMs` see QueryThreads.
 */
export function createNodeQueryThreads(count: number, minSearchMs?: number): QueryThreads & { prepare(): Promise<void>; close(): void } {
  const lanes: (Lane | null)[] = new Array<Lane | null>(count).fill(null);
  let nextId = 0;
  let threadData: { tsx: string; entry: string } | null = null;

  const startLane = (index: number): Lane => {
    threadData ??= { tsx: findTsxApi(), entry: import.meta.url };
    const lane: Lane = { worker: new Worker(BOOTSTRAP, { eval: true, workerData: threadData }), pending: new Map(), heldKey: null };
    lane.worker.unref();
    const failAll = (message: string) => {
      for (const { reject } of lane.pending.values()) reject(new Error(`A kNN query thread failed: ${message}.`));
      lane.pending.clear();
      if (lanes[index] === lane) lanes[index] = null;
    };
    lane.worker.on('message', (reply: Reply) => {
      const waiting = lane.pending.get(reply.id);
      lane.pending.delete(reply.id);
      if (lane.pending.size === 0) lane.worker.unref();
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply);
    });
    lane.worker.on('error', (error) => failAll(error.message));
    lane.worker.on('exit', (code) => failAll(`it exited with code ${code}`));
    return lane;
  };

  const send = (index: number, request: Job, transfer: ArrayBuffer[] = []): Promise<Reply> => {
    const lane = (lanes[index] ??= startLane(index));
    const id = nextId++;
    if (lane.pending.size === 0) lane.worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      lane.pending.set(id, { resolve, reject });
      lane.worker.postMessage({ ...request, id }, transfer);
    });
  };

  const close = () => {
    lanes.forEach((lane, index) => {
      if (!lane) return;
      lanes[index] = null;
      for (const { reject } of lane.pending.values()) reject(createAbortError('The prediction was stopped.'));
      lane.pending.clear();
      void lane.worker.terminate();
    });
  };

  return {
    count,
    ...(minSearchMs === undefined ? {} : { minSearchMs }),
    async holdIndex(index, spec) {
      const lane = (lanes[index] ??= startLane(index));
      if (lane.heldKey === spec.key) return;
      // Set before the answer: a second request for this lane right behind this one needs no copy either.
      lane.heldKey = spec.key;
      try {
        await send(index, { kind: 'hold', spec });
      } catch (error) {
        if (lane.heldKey === spec.key) lane.heldKey = null;
        throw error;
      }
    },
    async findNeighbours(index, key, queries, queryRows) {
      const reply = await send(index, { kind: 'find', key, queries, queryRows }, [queries.buffer as ArrayBuffer]);
      return reply.found as Neighbours;
    },
    cancel: close,
    close,
    async prepare() {
      await Promise.all(lanes.map((_, index) => send(index, { kind: 'ready' })));
    },
  };
}

/**
 * Makes every later kNN prediction in this process use `threads` threads in all (1: one, as before); returns the
 * function that goes back to one thread and ends the helpers.
 */
export function useNodeQueryThreads(threads: number, minSearchMs?: number): () => void {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`kNN query threads: ${threads} is not a whole number ≥ 1; pass the total threads a prediction may use.`);
  if (threads === 1) {
    setQueryThreads(null);
    return () => {};
  }
  const pool = createNodeQueryThreads(threads - 1, minSearchMs);
  setQueryThreads(pool);
  return () => {
    setQueryThreads(null);
    pool.close();
  };
}

/** Lends kNN predictions in this process one helper per spare core, unless helpers are set already (headless runs). */
export function lendNodeQueryThreads(): void {
  const helpers = availableParallelism() - 1;
  if (readQueryThreads() === null && helpers > 0) setQueryThreads(createNodeQueryThreads(Math.min(helpers, 7)));
}
