// Each feature's values replaced by their rank among the column's distinct values, once per fit (a forest
// shares it across its trees): the builder then sorts a node's rows by integer rank (radix sort) instead of
// sorting doubles at every node. Each column is ordered by a radix sort of its values' bit patterns.

import { createRankSortBuffers, sortRanks, type RankSortBuffers } from '../shared/sort-ranks';

const FEATURE_THRESHOLD = 1e-7;

/**
 * Row-major ranks (ranks[row · cols + f] indexes levels[f]), each column's distinct values ascending, and
 * whether they are spaced: every two more than 1e-7 apart (as the split scan compares them).
 */
export interface RankedColumns {
  rows: number;
  cols: number;
  ranks: Uint32Array;
  levels: Float64Array[];
  isSpaced: boolean[];
}

/**
 * Ranks the columns of a row-major matrix (rows × cols, no NaN). Equal values (−0 and +0 too) share a rank, so
 * rank order is value order and a rank's level is the value itself (−0 stands for both zeros).
 */
export function rankColumns(values: Float64Array, rows: number, cols: number): RankedColumns {
  const ranks = new Uint32Array(rows * cols);
  const column = new Float64Array(rows);
  const bits = new Uint32Array(column.buffer);
  const buffers = createRankSortBuffers(rows);
  const levels: Float64Array[] = [];
  const isSpaced: boolean[] = [];
  for (let f = 0; f < cols; f++) {
    for (let i = 0; i < rows; i++) column[i] = values[i * cols + f];
    const order = orderByValue(bits, rows, buffers);
    const distinct = new Float64Array(rows);
    let count = 0;
    for (let k = 0; k < rows; k++) {
      const value = column[order[k]];
      if (k === 0 || value !== distinct[count - 1]) distinct[count++] = value;
      ranks[order[k] * cols + f] = count - 1;
    }
    levels.push(distinct.slice(0, count));
    // Neighbours suffice: for a < b < c, levels[c] ≥ levels[b] > levels[a] + 1e-7 (the same rounded sum).
    isSpaced.push(levels[f].every((level, i) => i === 0 || level > levels[f][i - 1] + FEATURE_THRESHOLD));
  }
  return { rows, cols, ranks, levels, isSpaced };
}

/**
 * The indices of `rows` float64 values (as little-endian word pairs in `bits`) in ascending value order (−0 before
 * +0): two stable radix sorts on order-preserving keys, low words then high words. Readable form: indices.sort by value.
 */
function orderByValue(bits: Uint32Array, rows: number, b: RankSortBuffers): Uint32Array {
  // Order-preserving keys: flip every bit of negatives, only the sign bit of the rest.
  const key = (i: number, word: number): number => {
    const hi = bits[2 * i + 1];
    return (hi >>> 31 ? ~bits[2 * i + word] : word === 1 ? hi | 0x80000000 : bits[2 * i]) >>> 0;
  };
  for (let i = 0; i < rows; i++) { b.keys[i] = key(i, 0); b.ids[i] = i; }
  let ids = sortRanks(b, rows, 32) ? b.idsOther : b.ids;
  for (let k = 0; k < rows; k++) { const i = ids[k]; b.ids[k] = i; b.keys[k] = key(i, 1); }
  ids = sortRanks(b, rows, 32) ? b.idsOther : b.ids;
  return ids;
}
