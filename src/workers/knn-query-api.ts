// The whole surface of a kNN query worker: holds one search index (core createQueryServer) and answers
// neighbour searches on it, the neighbours sent back by transfer. Started by knn-query-threads.ts inside the
// training worker.

import { transfer } from 'comlink';
import { createQueryServer, type NeighbourIndexSpec } from '../core/models/classic/knn-query-threads';
import type { Neighbours } from '../core/models/classic/nearest-neighbours';

const server = createQueryServer();

/** Builds and keeps the index `spec` describes (nothing when it already holds `spec.key`). */
function holdIndex(spec: NeighbourIndexSpec): void {
  server.holdIndex(spec);
}

/** The neighbours of `queryRows` rows of `queries` on the held index `key`. */
function findNeighbours(key: string, queries: Float64Array, queryRows: number): Neighbours {
  const found = server.findNeighbours(key, queries, queryRows);
  return transfer(found, [found.indices.buffer as ArrayBuffer, found.distances.buffer as ArrayBuffer]);
}

export const knnQueryApi = { holdIndex, findNeighbours };
export type KnnQueryApi = typeof knnQueryApi;
