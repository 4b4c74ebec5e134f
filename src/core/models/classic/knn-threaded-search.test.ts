// The threaded search's scheduling with in-process helpers (no real threads: src/cli/node-query-threads.test.ts
// has those): chunks merged at their places, the threshold for using helpers, a failing helper, a stop.

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/prng';
import { createQueryServer, type QueryThreads } from './knn-query-threads';
import { countUsableHelpers, findNeighboursOnThreads, isWorthThreads } from './knn-threaded-search';
import { createNeighbourIndex, findNeighbours } from './nearest-neighbours';

const cols = 6;
const random = createRandom(3);
const train = Float64Array.from({ length: 900 * cols }, () => Math.floor(random() * 5));
const queries = Float64Array.from({ length: 1000 * cols }, () => Math.floor(random() * 5));

/** Helpers that answer on this thread after a turn of the event loop; `failAt` makes that chunk's answer a failure. */
function createLocalThreads(count: number, failAt = -1) {
  const servers = Array.from({ length: count }, () => createQueryServer());
  const log = { chunks: 0, cancelled: 0 };
  const threads: QueryThreads = {
    count,
    minSearchMs: 0,
    holdIndex: async (lane, spec) => servers[lane].holdIndex(spec),
    async findNeighbours(lane, key, values, rows) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (log.chunks++ === failAt) throw new Error('helper lost');
      return servers[lane].findNeighbours(key, values, rows);
    },
    cancel: () => void log.cancelled++,
  };
  return { threads, log };
}

describe('findNeighboursOnThreads', () => {
  it.each(['kd-tree', 'brute-force'] as const)('equals findNeighbours with 1 and 3 helpers (%s, ties everywhere)', async (search) => {
    const index = createNeighbourIndex(train, 900, cols, 9, 'euclidean', search);
    const one = createLocalThreads(1);
    const three = createLocalThreads(3);
    const found = { one: await findNeighboursOnThreads(index, queries, 1000, one.threads), three: await findNeighboursOnThreads(index, queries, 1000, three.threads) };
    const expected = findNeighbours(index, queries, 1000);
    expect({ found, helped: one.log.chunks > 0 && three.log.chunks > 0 }).toEqual({ found: { one: expected, three: expected }, helped: true });
  });

  it('is used only with helpers, 128 queries or more and enough work, with as many helpers as 1 GiB of copies allows', () => {
    const index = createNeighbourIndex(train, 900, cols, 9, 'euclidean');
    const { threads } = createLocalThreads(3);
    // 256 MiB of rows: each helper's copies take 384 MiB, so 2 of the 3 fit.
    const large = { ...index, train: { byteLength: 2 ** 28 } as Float64Array };
    expect([isWorthThreads(index, 1000, null), isWorthThreads(index, 127, threads), isWorthThreads(index, 128, threads), isWorthThreads(index, 128, { ...threads, minSearchMs: undefined }), countUsableHelpers(large, threads)])
      .toEqual([false, false, true, false, 2]);
  });

  it('finishes on this thread when a helper fails, with the same neighbours', async () => {
    const index = createNeighbourIndex(train, 900, cols, 9, 'euclidean', 'brute-force');
    const { threads, log } = createLocalThreads(2, 1);
    expect({ found: await findNeighboursOnThreads(index, queries, 1000, threads), cancelled: log.cancelled }).toEqual({ found: findNeighbours(index, queries, 1000), cancelled: 0 });
  });

  it('rejects with an AbortError once shouldStop says so, and cancels the helpers', async () => {
    const index = createNeighbourIndex(train, 900, cols, 9, 'euclidean', 'brute-force');
    const { threads, log } = createLocalThreads(2);
    let asked = 0;
    const error = await findNeighboursOnThreads(index, queries, 1000, threads, { shouldStop: () => ++asked > 3 }).catch((e: unknown) => e);
    expect({ name: (error as Error).name, cancelled: log.cancelled }).toEqual({ name: 'AbortError', cancelled: 1 });
  });
});
