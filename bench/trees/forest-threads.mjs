// Our random forest on Node worker threads, as the browser's training pool splits it: each worker holds the
// rows (sent before the clock starts) and fits one range of the trees with fitForestPart; this thread merges
// the parts with mergeForestParts and scores the held-out rows.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';

const WORKER_FILE = resolve(import.meta.dirname, 'forest-worker.mjs');

/** Starts `count` workers, each with its own copy of the rows and the job built; resolves once all are ready. */
export async function startForestWorkers(count, { entryUrl, X, y, cols, trainRows, params }) {
  const workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: { entryUrl, X, y, cols, trainRows, params } }));
  await Promise.all(workers.map((worker) => new Promise((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
  })));
  return { workers, close: () => Promise.all(workers.map((worker) => worker.terminate())) };
}

/** `trees` split into `parts` consecutive ranges whose sizes differ by at most one. */
export function splitTrees(trees, parts) {
  const ranges = [];
  for (let p = 0, start = 0; p < parts; p++) {
    const end = start + Math.floor(trees / parts) + (p < trees % parts ? 1 : 0);
    if (end > start) ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

function fitOnWorker(worker, range) {
  return new Promise((done, fail) => {
    const onError = (error) => fail(error);
    worker.once('error', onError);
    worker.once('message', (message) => {
      worker.off('error', onError);
      done(message);
    });
    worker.postMessage(range);
  });
}

/**
 * Fits the forest's `trees` on the first `threads` workers (one range each), merges the parts here with
 * `bench.mergeForest(job, parts)`; times in ms: parts (wall, all workers), merge (with scoring), total.
 */
export async function fitForestOnWorkers(pool, threads, trees, bench, job) {
  const ranges = splitTrees(trees, threads);
  const started = performance.now();
  const fitted = await Promise.all(ranges.map((range, i) => fitOnWorker(pool.workers[i], range)));
  const partsMs = performance.now() - started;
  const merged = bench.mergeForest(job, fitted.map((f) => f.part));
  const ms = performance.now() - started;
  return { ms, partsMs, mergeMs: ms - partsMs, partMs: fitted.map((f) => Math.round(f.ms)), accuracy: merged.accuracy, trees: merged.trees };
}
