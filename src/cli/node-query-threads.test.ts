// kNN predictions on real worker_threads: the same labels and probabilities (to the bit) on 1–4 threads as on
// one, for brute force and the k-d tree, every helper taking chunks; a stop mid-prediction ends it with an
// AbortError and cancels the helpers.

import { afterEach, describe, expect, it } from 'vitest';
import { isAbortError } from '../core/errors';
import { knnFamily } from '../core/models/classic/knn';
import { setQueryThreads, type QueryThreads } from '../core/models/classic/knn-query-threads';
import type { FeatureMatrix } from '../core/models/types';
import { createRandom } from '../core/random/prng';
import { createNodeQueryThreads } from './node-query-threads';

/** Seeded rows × cols of standard-normal values rounded to 2 decimals (so distance ties occur), a 3-class label. */
function makeTable(rows: number, cols: number, seed: number) {
  const random = createRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values = Float64Array.from({ length: rows * cols }, () => Math.round(gauss() * 100) / 100);
  const X: FeatureMatrix = { values, rows, cols, featureNames: Array.from({ length: cols }, (_, j) => `x${j}`) };
  return { X, y: { values: Float64Array.from({ length: rows }, (_, i) => (values[i * cols] > 0.3 ? 2 : values[i * cols + 1] > 0 ? 1 : 0)), classes: ['a', 'b', 'c'] } };
}

/** A pool whose helpers count the chunks they search (minSearchMs 0: every search here is split). */
function countingThreads(helpers: number) {
  const pool = createNodeQueryThreads(helpers, 0);
  const chunks = new Array<number>(helpers).fill(0);
  const threads: QueryThreads = { ...pool, findNeighbours: (lane, ...rest) => (chunks[lane]++, pool.findNeighbours(lane, ...rest)) };
  return { threads, chunks, close: pool.close };
}

let close = () => {};
afterEach(() => {
  setQueryThreads(null);
  close();
});

describe('kNN predictions on query threads', () => {
  it.each([[20, 'euclidean'], [4, 'manhattan']] as const)('equal one thread to the bit on 2, 3 and 4 threads (%i features, %s)', async (cols, metric) => {
    const train = makeTable(3000, cols, 1);
    const queries = makeTable(1500, cols, 2).X;
    const model = await knnFamily.fit(train.X, train.y, { k: 7, weights: 'distance', metric }, { seed: 1 });
    const alone = await model.predictInBlocks!(queries);
    const results = [];
    for (const helpers of [1, 2, 3]) {
      const pool = countingThreads(helpers);
      close = pool.close;
      setQueryThreads(pool.threads);
      results.push({ outputs: await model.predictInBlocks!(queries), everyHelperSearched: pool.chunks.every((n) => n > 0) });
      setQueryThreads(null);
      pool.close();
    }
    expect(results).toEqual([1, 2, 3].map(() => ({ outputs: alone, everyHelperSearched: true })));
  }, 60_000);

  it('ends with an AbortError when a stop comes mid-prediction, and the next prediction starts a fresh helper', async () => {
    const train = makeTable(4000, 30, 3);
    const queries = makeTable(3000, 30, 4).X;
    const model = await knnFamily.fit(train.X, train.y, { k: 5 }, { seed: 1 });
    const small = makeTable(200, 30, 5).X;
    const alone = await model.predictInBlocks!(small);
    const pool = countingThreads(1);
    close = pool.close;
    setQueryThreads(pool.threads);
    let stopped = false;
    const timer = setTimeout(() => (stopped = true), 150);
    const error = await model.predictInBlocks!(queries, { shouldStop: () => stopped }).catch((e: unknown) => e);
    clearTimeout(timer);
    const chunksBefore = pool.chunks[0];
    const after = await model.predictInBlocks!(small);
    expect({ aborted: isAbortError(error), after, helperSearchedAgain: pool.chunks[0] > chunksBefore }).toEqual({ aborted: true, after: alone, helperSearchedAgain: true });
  }, 60_000);
});
