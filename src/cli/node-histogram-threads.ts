// Gradient boosting's histogram helpers in Node: worker_threads running core's serveHistogramJobs, for the
// CLI, the benchmarks and the tests.

import { Worker } from 'node:worker_threads';
import { createHistogramThreadPool, type HelperPort, type HelperReply } from '../core/models/trees/gbdt/histogram-thread-pool';
import { buildClaimedChunks, serveHistogramJobs, setHistogramThreads, type HistogramThreads } from '../core/models/trees/gbdt/histogram-threads';

// The helper runs the source text of serveHistogramJobs and buildClaimedChunks (self-contained by design), so it
// needs no file of its own on disk: this works from the TypeScript sources (tests) and from any bundle alike.
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const buildChunks = ${buildClaimedChunks.toString()};
const serve = ${serveHistogramJobs.toString()};
parentPort.on('message', (session) => {
  try {
    serve(session, () => parentPort.postMessage({ ready: true }), buildChunks);
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});`;

// A helper holds the process open only while the fit waits for its reply (an idle pool never keeps it alive).
function spawnHelper(): HelperPort {
  const worker = new Worker(HELPER_SOURCE, { eval: true });
  return {
    postMessage(session) {
      worker.ref();
      worker.postMessage(session);
    },
    listen(onReply) {
      const reply = (message: HelperReply): void => {
        worker.unref();
        onReply(message);
      };
      worker.on('message', reply);
      worker.on('error', (error) => reply({ error: String(error) }));
      worker.on('exit', (code) => reply({ error: `histogram helper exited with code ${code}` }));
      worker.unref();
    },
    terminate: () => void worker.terminate(),
  };
}

/** A pool of `count` helper threads (the fit runs on count + 1); `minUpdates` overrides the measured threshold. */
export function createNodeHistogramThreads(count: number, minUpdates?: number): HistogramThreads & { close(): void } {
  return createHistogramThreadPool(count, spawnHelper, minUpdates);
}

const pools = new Map<number, HistogramThreads>();

/**
 * Makes every later gradient boosting fit in this process use `threads` threads in all (1: one, as before).
 * One pool per count, kept for the process's life (its helpers start at the first fit and idle unref'd).
 */
export function useNodeHistogramThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`histogram threads: ${threads} is not a whole number ≥ 1; pass the total threads a fit may use.`);
  if (threads === 1) return setHistogramThreads(null);
  if (!pools.has(threads)) pools.set(threads, createNodeHistogramThreads(threads - 1));
  setHistogramThreads(pools.get(threads)!);
}
