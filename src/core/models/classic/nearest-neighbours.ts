// Exact k nearest neighbours on typed arrays, chosen as scikit-learn's algorithm='auto' chooses: a k-d tree
// built once at fit for up to 15 features, brute force in blocks otherwise. Both give the same neighbours
// (ties to the lower training row). The work is cut into units of ~1–40 ms so a caller can stop between them.

import { createAbortError } from '../../errors';
import { createCheckpoint } from '../../time/create-checkpoint';
import type { PredictOptions } from '../types';
import { createBruteForceScan, type BruteForceKernel, type BruteForceScan } from './brute-force-block';
import { buildKdTree, createKdStack, searchKdTree, type KdTree } from './kd-tree';
import type { DistanceMetric } from './neighbour-distance';
import { NeighbourHeaps } from './neighbour-heaps';

export type { DistanceMetric };

/** Queries per unit of brute-force work (a multiple of the 4-row tile). */
const BRUTE_QUERY_BLOCK = 64;
/** Training values per brute-force block (~256 KiB, so a block stays in cache while the query quads pass). */
const BRUTE_TRAIN_BLOCK_VALUES = 32_768;
/** Queries per unit of k-d tree work (a unit stays under ~40 ms even where the tree prunes little, at 15 features). */
const TREE_QUERY_BLOCK = 16;
/** Above this many features scikit-learn's 'auto' searches by brute force (trees stop pruning). */
const MAX_TREE_FEATURES = 15;

let indexCount = 0;

/** Training rows ready to search: row-major values and the k-d tree over them, or brute force's scan. */
export interface NeighbourIndex {
  /** Names this index to helper threads (unique in this thread), so a helper holding it is not sent the rows again. */
  key: string;
  train: Float64Array;
  rows: number;
  cols: number;
  k: number;
  metric: DistanceMetric;
  /** The k-d tree, or brute force's scan (over a copy of the rows in the WebAssembly kernel's memory where it can be had). */
  search: { kind: 'kd-tree'; tree: KdTree } | { kind: 'brute-force'; scan: BruteForceScan };
}

export interface Neighbours {
  /** Row-major queries × k training row indices, nearest first. */
  indices: Uint32Array;
  /** Matching distances (true distances, not squared). */
  distances: Float64Array;
}

/** scikit-learn's 'auto': brute force above 15 features or when k ≥ rows / 2 (integer division), else the k-d tree. */
export function chooseSearch(rows: number, cols: number, k: number): 'kd-tree' | 'brute-force' {
  return cols > MAX_TREE_FEATURES || k >= Math.floor(rows / 2) ? 'brute-force' : 'kd-tree';
}

/**
 * Indexes `rows` × `cols` training values (no NaN) for k-nearest searches; `search` overrides the automatic
 * choice and `kernel` picks brute force's scan (BruteForceKernel; both for tests).
 */
export function createNeighbourIndex(train: Float64Array, rows: number, cols: number, k: number, metric: DistanceMetric, search = chooseSearch(rows, cols, k), kernel: BruteForceKernel = 'wasm'): NeighbourIndex {
  return {
    key: `knn-index-${++indexCount}`, train, rows, cols, k, metric,
    search: search === 'kd-tree'
      ? { kind: search, tree: buildKdTree(train, rows, cols) }
      : { kind: search, scan: createBruteForceScan(train, rows, cols, metric, BRUTE_QUERY_BLOCK, chooseTrainBlock(cols), kernel) },
  };
}

/** An index over a k-d tree built elsewhere (another thread's, sent as plain arrays), so it is not built again. */
export function adoptKdTree(train: Float64Array, rows: number, cols: number, k: number, metric: DistanceMetric, tree: KdTree): NeighbourIndex {
  return { key: `knn-index-${++indexCount}`, train, rows, cols, k, metric, search: { kind: 'kd-tree', tree } };
}

/** Training rows per brute-force block: ~BRUTE_TRAIN_BLOCK_VALUES values, a multiple of 4 (the kernel's group). */
function chooseTrainBlock(cols: number): number {
  return Math.max(4, Math.floor(BRUTE_TRAIN_BLOCK_VALUES / Math.max(1, cols) / 4) * 4);
}

/** The k nearest training rows of every query row, in one go. */
export function findNeighbours(index: NeighbourIndex, queries: Float64Array, queryRows: number): Neighbours {
  const plan = planSearch(index, queries, queryRows);
  for (let unit = 0; unit < plan.units; unit++) plan.run(unit);
  return plan.neighbours;
}

/**
 * As findNeighbours, unit by unit: before each unit it hands the event loop a turn when ~50 ms have passed
 * (so a stop message can arrive) and rejects with an AbortError once the signal aborted or shouldStop() is true.
 */
export async function findNeighboursInBlocks(index: NeighbourIndex, queries: Float64Array, queryRows: number, options: PredictOptions = {}): Promise<Neighbours> {
  const plan = planSearch(index, queries, queryRows);
  const checkpoint = createCheckpoint(options.signal);
  for (let unit = 0; unit < plan.units; unit++) {
    await checkpoint();
    if (options.shouldStop?.() === true) throw createAbortError('The prediction was stopped.');
    plan.run(unit);
  }
  return plan.neighbours;
}

/** A search cut into `units` that must run in order; `neighbours` is complete after the last. */
interface SearchPlan {
  units: number;
  run(unit: number): void;
  neighbours: Neighbours;
}

function planSearch(index: NeighbourIndex, queries: Float64Array, queryRows: number): SearchPlan {
  const neighbours = { indices: new Uint32Array(queryRows * index.k), distances: new Float64Array(queryRows * index.k) };
  const { search } = index;
  return search.kind === 'kd-tree' ? planTreeSearch(index, search.tree, queries, queryRows, neighbours) : planBruteForce(index, search.scan, queries, queryRows, neighbours);
}

/** Unit u: queries u·16 … of the tree search. */
function planTreeSearch(index: NeighbourIndex, tree: KdTree, queries: Float64Array, queryRows: number, neighbours: Neighbours): SearchPlan {
  const heaps = new NeighbourHeaps(TREE_QUERY_BLOCK, index.k);
  const stack = createKdStack(tree);
  return {
    units: Math.ceil(queryRows / TREE_QUERY_BLOCK),
    neighbours,
    run(unit) {
      const first = unit * TREE_QUERY_BLOCK;
      const last = Math.min(queryRows, first + TREE_QUERY_BLOCK);
      for (let q = first; q < last; q++) {
        searchKdTree(tree, queries, q, index.metric, heaps, q - first, stack);
        heaps.drain(q - first, neighbours.indices, neighbours.distances, q * index.k, index.metric);
      }
    },
  };
}

/** Unit u: one block of 64 queries × one block of training rows; a query block's blocks run in row order. */
function planBruteForce(index: NeighbourIndex, scan: BruteForceScan, queries: Float64Array, queryRows: number, neighbours: Neighbours): SearchPlan {
  const { rows, cols, k, metric } = index;
  const trainBlock = chooseTrainBlock(cols);
  const trainBlocks = Math.ceil(rows / trainBlock);
  const heaps = new NeighbourHeaps(BRUTE_QUERY_BLOCK, k);
  return {
    units: Math.ceil(queryRows / BRUTE_QUERY_BLOCK) * trainBlocks,
    neighbours,
    run(unit) {
      const qStart = Math.floor(unit / trainBlocks) * BRUTE_QUERY_BLOCK;
      const qEnd = Math.min(queryRows, qStart + BRUTE_QUERY_BLOCK);
      const tStart = (unit % trainBlocks) * trainBlock;
      scan(queries, qStart, qEnd, tStart, Math.min(rows, tStart + trainBlock), heaps);
      if (tStart + trainBlock < rows) return;
      for (let q = qStart; q < qEnd; q++) heaps.drain(q - qStart, neighbours.indices, neighbours.distances, q * k, metric);
    },
  };
}
