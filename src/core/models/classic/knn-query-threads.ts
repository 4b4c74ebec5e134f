// Helper threads for kNN predictions: the interface a platform injects (browser: nested workers; Node:
// worker_threads), and the helper's side of it. Each query's neighbours depend only on that query and the
// training rows, so queries split over threads give the same neighbours, bit for bit, as one thread.

import type { DistanceMetric, Neighbours } from './nearest-neighbours';
import type { KdTree } from './kd-tree';
import { adoptKdTree, createNeighbourIndex, findNeighbours, type NeighbourIndex } from './nearest-neighbours';

/** What a helper needs to build a copy of a search index: its rows, its parameters and the key naming it. */
export interface NeighbourIndexSpec {
  key: string;
  /** Row-major training values, rows × cols (copied to the helper). */
  train: Float64Array;
  rows: number;
  cols: number;
  k: number;
  metric: DistanceMetric;
  search: 'kd-tree' | 'brute-force';
  /** The caller's k-d tree (plain typed arrays), so a helper does not build it again. */
  tree?: KdTree;
}

/**
 * Threads that search beside the predicting thread. Calls for one lane are answered in order. A lane holds one
 * index at a time; `cancel` ends every lane's work at once (the threads are ended; later calls start new ones).
 */
export interface QueryThreads {
  /** Helper threads besides the caller (a prediction runs on count + 1). */
  readonly count: number;
  /** Least estimated single-thread ms of a search worth the helpers (tests set 0); a default when absent. */
  readonly minSearchMs?: number;
  /** Makes helper `lane` hold the index `spec` describes (no copy is sent when it holds `spec.key` already). */
  holdIndex(lane: number, spec: NeighbourIndexSpec): Promise<void>;
  /** The neighbours of `queryRows` rows of `queries` on the index helper `lane` holds under `key`. */
  findNeighbours(lane: number, key: string, queries: Float64Array, queryRows: number): Promise<Neighbours>;
  cancel(): void;
}

let provided: QueryThreads | null = null;

/** Gives every later kNN prediction through predictInBlocks these helper threads (null: one thread, as without any). */
export function setQueryThreads(threads: QueryThreads | null): void {
  provided = threads;
}

/** The helper threads kNN predictions use now, or null. */
export function readQueryThreads(): QueryThreads | null {
  return provided;
}

/** A helper thread's side: holds the last index it was sent and answers searches on it. */
export function createQueryServer() {
  let held: { key: string; index: NeighbourIndex } | null = null;
  return {
    holdIndex(spec: NeighbourIndexSpec): void {
      if (held?.key === spec.key) return;
      held = null;
      const { train, rows, cols, k, metric, search, tree } = spec;
      held = { key: spec.key, index: tree ? adoptKdTree(train, rows, cols, k, metric, tree) : createNeighbourIndex(train, rows, cols, k, metric, search) };
    },
    findNeighbours(key: string, queries: Float64Array, queryRows: number): Neighbours {
      if (held?.key !== key) throw new Error(`kNN query thread: index "${key}" is not held here (it holds ${held ? `"${held.key}"` : 'none'}); send holdIndex first.`);
      return findNeighbours(held.index, queries, queryRows);
    },
  };
}
