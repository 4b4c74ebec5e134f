// The k-d tree and the blocked brute force (WebAssembly and JavaScript) against a plain reference (every row
// measured, sorted by distance then row) on seeded data full of ties and duplicate rows; the automatic choice;
// stopping between blocks.

import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../errors';
import { createRandom } from '../../random/prng';
import type { BruteForceKernel } from './brute-force-block';
import { chooseSearch, createNeighbourIndex, findNeighbours, findNeighboursInBlocks, type DistanceMetric, type Neighbours } from './nearest-neighbours';

/** Rows × cols of values drawn by `draw`, then `duplicates` copies of earlier rows appended. */
function makeRows(rows: number, cols: number, seed: number, draw: (random: () => number) => number, duplicates = 0): Float64Array {
  const random = createRandom(seed);
  const values = new Float64Array((rows + duplicates) * cols);
  for (let i = 0; i < rows * cols; i++) values[i] = draw(random);
  for (let d = 0; d < duplicates; d++) values.copyWithin((rows + d) * cols, Math.floor(random() * rows) * cols, Math.floor(random() * rows) * cols + cols);
  return values;
}

const grid = (random: () => number) => Math.floor(random() * 4);
const gauss = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/**
 * Every training row measured, sorted by (distance, row): the definition the searches must meet. Distances
 * sum even and odd features apart, then add the two (the order every search path uses).
 */
function findByFullSort(train: Float64Array, queries: Float64Array, cols: number, k: number, metric: DistanceMetric): Neighbours {
  const rows = train.length / cols;
  const queryRows = queries.length / cols;
  const indices = new Uint32Array(queryRows * k);
  const distances = new Float64Array(queryRows * k);
  for (let q = 0; q < queryRows; q++) {
    const measured = Array.from({ length: rows }, (_, t) => {
      const sums = [0, 0];
      for (let j = 0; j < cols; j++) {
        const d = queries[q * cols + j] - train[t * cols + j];
        sums[j % 2] += metric === 'manhattan' ? Math.abs(d) : d * d;
      }
      return { t, sum: sums[0] + sums[1] };
    }).sort((a, b) => a.sum - b.sum || a.t - b.t);
    for (let n = 0; n < k; n++) {
      indices[q * k + n] = measured[n].t;
      distances[q * k + n] = metric === 'euclidean' ? Math.sqrt(measured[n].sum) : measured[n].sum;
    }
  }
  return { indices, distances };
}

/** The neighbours by the k-d tree, the f32-screened brute force, the f64 WebAssembly one and the JavaScript one. */
function findAllWays(train: Float64Array, queries: Float64Array, cols: number, k: number, metric: DistanceMetric) {
  const rows = train.length / cols;
  const find = (search: 'kd-tree' | 'brute-force', kernel: BruteForceKernel) => findNeighbours(createNeighbourIndex(train, rows, cols, k, metric, search, kernel), queries, queries.length / cols);
  return { tree: find('kd-tree', 'wasm'), screen: find('brute-force', 'wasm'), wasm: find('brute-force', 'wasm-f64'), js: find('brute-force', 'js') };
}

const expectAllWays = (expected: Neighbours) => ({ tree: expected, screen: expected, wasm: expected, js: expected });

describe('findNeighbours', () => {
  it.each([
    ['euclidean', 1], ['euclidean', 5], ['euclidean', 17], ['manhattan', 5], ['manhattan', 40],
  ] as const)('tree and brute force equal the full sort on a 4-level grid with duplicate rows (%s, k = %i)', (metric, k) => {
    const cols = 3;
    const train = makeRows(500, cols, 1, grid, 150);
    const queries = makeRows(90, cols, 2, grid, 10);
    expect(findAllWays(train, queries, cols, k, metric)).toEqual(expectAllWays(findByFullSort(train, queries, cols, k, metric)));
  });

  it.each([
    [6, 'euclidean'], [6, 'manhattan'], [21, 'euclidean'], [9, 'manhattan'],
  ] as const)('tree and brute force equal the full sort on Gaussian rows with duplicates (%i features, %s)', (cols, metric) => {
    const train = makeRows(700, cols, 3, gauss, 60);
    const queries = makeRows(71, cols, 4, gauss);
    expect(findAllWays(train, queries, cols, 7, metric)).toEqual(expectAllWays(findByFullSort(train, queries, cols, 7, metric)));
  });

  it('brute force carries each query block over several blocks of training rows (200 features: 160 rows a block)', () => {
    const train = makeRows(700, 200, 9, gauss, 3);
    const queries = makeRows(9, 200, 10, gauss);
    expect(findAllWays(train, queries, 200, 4, 'euclidean')).toEqual(expectAllWays(findByFullSort(train, queries, 200, 4, 'euclidean')));
  });

  it('screens in float32 but keeps f64 neighbours: rows 1e6 apart from 0 that differ past float32 precision, and values beyond its range', () => {
    // At 1e6 a float32 step is 0.0625, so the screen sees these rows as one point; the exact recheck tells them apart.
    const near = makeRows(300, 20, 11, (random) => 1e6 + Math.floor(random() * 8) * 1e-3);
    const nearQueries = makeRows(13, 20, 12, (random) => 1e6 + Math.floor(random() * 8) * 1e-3);
    // A query and a training row with 1e300: the screen leaves that query block (and all, for the training row) to f64.
    const huge = makeRows(200, 20, 13, gauss);
    const hugeQueries = makeRows(70, 20, 14, gauss);
    hugeQueries[65 * 20 + 3] = 1e300;
    const hugeTrain = Float64Array.from(huge);
    hugeTrain[7 * 20] = -1e300;
    expect({
      near: findAllWays(near, nearQueries, 20, 5, 'euclidean'),
      hugeQuery: findAllWays(huge, hugeQueries, 20, 3, 'manhattan'),
      hugeTrain: findAllWays(hugeTrain, hugeQueries, 20, 3, 'euclidean'),
    }).toEqual({
      near: expectAllWays(findByFullSort(near, nearQueries, 20, 5, 'euclidean')),
      hugeQuery: expectAllWays(findByFullSort(huge, hugeQueries, 20, 3, 'manhattan')),
      hugeTrain: expectAllWays(findByFullSort(hugeTrain, hugeQueries, 20, 3, 'euclidean')),
    });
  });

  it('keeps the lowest rows when every row is the same point, and finds all rows when k = rows', () => {
    const train = new Float64Array(40 * 2).fill(1.5);
    const index = createNeighbourIndex(train, 40, 2, 40, 'euclidean', 'kd-tree');
    const found = findNeighbours(index, Float64Array.of(1.5, 1.5, 0, 1.5), 2);
    expect(found).toEqual({
      indices: Uint32Array.from([...Array.from({ length: 40 }, (_, i) => i), ...Array.from({ length: 40 }, (_, i) => i)]),
      distances: Float64Array.from([...new Array(40).fill(0), ...new Array(40).fill(1.5)]),
    });
  });

  it("chooses as scikit-learn's algorithm='auto': brute force above 15 features or when k ≥ rows // 2", () => {
    expect([chooseSearch(1000, 15, 5), chooseSearch(1000, 16, 5), chooseSearch(1000, 2, 499), chooseSearch(1000, 2, 500), chooseSearch(11, 2, 5)])
      .toEqual(['kd-tree', 'brute-force', 'kd-tree', 'brute-force', 'brute-force']);
  });
});

describe('findNeighboursInBlocks', () => {
  // 300 queries of 20 features (brute force): 5 blocks of 64 queries × one block of training rows.
  const cols = 20;
  const train = makeRows(400, cols, 5, gauss);
  const queries = makeRows(300, cols, 6, gauss);
  const index = createNeighbourIndex(train, 400, cols, 3, 'euclidean');

  it('equals findNeighbours when nobody stops it, asking before each of the 5 blocks', async () => {
    let asked = 0;
    const found = await findNeighboursInBlocks(index, queries, 300, { shouldStop: () => (asked++, false) });
    expect({ found, asked }).toEqual({ found: findNeighbours(index, queries, 300), asked: 5 });
  });

  it('rejects with an AbortError before the next block once shouldStop says so, or the signal aborts', async () => {
    let asked = 0;
    const stopped = await findNeighboursInBlocks(index, queries, 300, { shouldStop: () => ++asked === 2 }).catch((error: unknown) => error);
    const controller = new AbortController();
    let blocks = 0;
    const aborted = await findNeighboursInBlocks(index, queries, 300, {
      signal: controller.signal,
      shouldStop: () => (++blocks === 3 && controller.abort(), false),
    }).catch((error: unknown) => error);
    expect({ stopped: isAbortError(stopped), asked, aborted: isAbortError(aborted), blocks }).toEqual({ stopped: true, asked: 2, aborted: true, blocks: 3 });
  });

  it('walks the tree in blocks of 16 queries', async () => {
    const treeIndex = createNeighbourIndex(makeRows(400, 4, 7, gauss), 400, 4, 3, 'manhattan');
    let asked = 0;
    await findNeighboursInBlocks(treeIndex, makeRows(100, 4, 8, gauss), 100, { shouldStop: () => (asked++, false) });
    expect({ search: treeIndex.search.kind, asked }).toEqual({ search: 'kd-tree', asked: 7 });
  });
});
