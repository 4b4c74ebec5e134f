// A tree's rows in node order with what the builder reads of them: each row's ranks (one per feature), weight
// and target sit at its position and move with it when a node is partitioned, so a node's feature, weights and
// targets are read from one contiguous stretch of memory instead of gathered row by row from the whole data.

import type { RankedColumns } from './rank-columns';

/** Position k holds rows[k]: its ranks at ranks[k · cols …], its weight and target at weights[k], y[k]. */
export interface NodeRows {
  rows: Uint32Array;
  cols: number;
  ranks: Uint32Array;
  weights: Float64Array;
  y: Float64Array;
}

/** The node layout of `rows` (the tree's rows, in their given order). */
export function gatherNodeRows(ranked: RankedColumns, weights: Float64Array, y: Float64Array, rows: Uint32Array): NodeRows {
  const { cols } = ranked;
  const out: NodeRows = { rows, cols, ranks: new Uint32Array(rows.length * cols), weights: new Float64Array(rows.length), y: new Float64Array(rows.length) };
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k], from = row * cols, to = k * cols;
    for (let f = 0; f < cols; f++) out.ranks[to + f] = ranked.ranks[from + f];
    out.weights[k] = weights[row];
    out.y[k] = y[row];
  }
  return out;
}

/**
 * Moves positions start … end − 1 whose rank in `feature` is ≤ leftRank to the front (rank ≤ leftRank is
 * x ≤ threshold: no row of the node lies between); returns the first right position. Readable form:
 * `for i: if (x[rows[i]][feature] <= threshold) swap(rows, i, mid++)` — the same moves, so the same row order.
 */
export function partitionNodeRows(n: NodeRows, start: number, end: number, feature: number, leftRank: number): number {
  const { rows, cols, ranks, weights, y } = n;
  let mid = start;
  for (let i = start; i < end; i++) {
    if (ranks[i * cols + feature] > leftRank) continue;
    if (i !== mid) {
      const row = rows[i]; rows[i] = rows[mid]; rows[mid] = row;
      const w = weights[i]; weights[i] = weights[mid]; weights[mid] = w;
      const v = y[i]; y[i] = y[mid]; y[mid] = v;
      const a = i * cols, b = mid * cols;
      for (let f = 0; f < cols; f++) {
        const rank = ranks[a + f]; ranks[a + f] = ranks[b + f]; ranks[b + f] = rank;
      }
    }
    mid++;
  }
  return mid;
}
