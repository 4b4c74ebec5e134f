// Spearman's ρ of complete columns (every value finite) against columns with missing values, four of the latter at
// a time: on the shared rows (the other column's finite rows) a complete column's tie groups are re-ranked from how
// many of their rows are dropped (few), into one table per group, then one pass in row order sums the products for
// all four. Readable form: correlateSpearmanRanked(complete[c], partial[p]) for each c and p.

import { throwIfAborted } from './check-abort';
import type { RankedColumn } from '../stats/rank-column';

/** Columns with missing values taken together: their centred ranks are packed row by row (one cache line). */
const WIDTH = 4;

/** ρ[c][p] of `complete[c]` with `partial[p]` (NaN with fewer than 2 shared rows or no variation on them). */
export function correlatePartialRanks(complete: readonly RankedColumn[], partial: readonly RankedColumn[], signal?: AbortSignal): number[][] {
  const result = complete.map(() => [] as number[]);
  for (let from = 0; from < partial.length; from += WIDTH) {
    const pack = packRanks(partial.slice(from, from + WIDTH));
    complete.forEach((column, c) => {
      throwIfAborted(signal);
      result[c].push(...correlatePack(column, pack));
    });
  }
  return result;
}

interface PackedRanks {
  partial: readonly RankedColumn[];
  centres: number[];
  /** Centred ranks row by row (row · WIDTH + p), 0 where missing so those rows add nothing. */
  packed: Float64Array;
  /** Σ of squared centred ranks per column. */
  sxx: number[];
  /** Rows where each column is missing. */
  gaps: Uint32Array[];
}

function packRanks(partial: readonly RankedColumn[]): PackedRanks {
  const rows = partial[0].ranks.length;
  const centres = partial.map((column) => (column.finite + 1) / 2);
  const packed = new Float64Array(rows * WIDTH);
  const sxx = partial.map((column, p) => {
    const { ranks } = column;
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const d = ranks[row] - centres[p];
      if (d !== d) continue;
      packed[row * WIDTH + p] = d;
      sum += d * d;
    }
    return sum;
  });
  const gaps = partial.map((column) => {
    const rowsMissing = new Uint32Array(rows - column.finite);
    for (let row = 0, next = 0; next < rowsMissing.length; row++) if (column.finiteMask[row] === 0) rowsMissing[next++] = row;
    return rowsMissing;
  });
  return { partial, centres, packed, sxx, gaps };
}

function correlatePack(complete: RankedColumn, { partial, centres, packed, sxx, gaps }: PackedRanks): number[] {
  const { groups, groupStarts } = complete;
  const groupCount = groupStarts.length - 1;
  const dropped = new Uint32Array(groupCount * WIDTH);
  gaps.forEach((rowsMissing, p) => {
    for (let k = 0; k < rowsMissing.length; k++) dropped[groups[rowsMissing[k]] * WIDTH + p]++;
  });
  // Each group's average rank among the kept rows, centred (every kept row of the group shares it), and Σ y².
  const table = new Float64Array(groupCount * WIDTH);
  const syy = partial.map((_, p) => {
    let before = 0;
    let sum = 0;
    for (let g = 0; g < groupCount; g++) {
      const kept = groupStarts[g + 1] - groupStarts[g] - dropped[g * WIDTH + p];
      if (kept === 0) continue;
      const y = before + (kept + 1) / 2 - centres[p];
      table[g * WIDTH + p] = y;
      sum += kept * y * y;
      before += kept;
    }
    return sum;
  });
  // Local sums, not stores into arrays: the table reads may miss the cache and must not wait on each other.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let row = 0; row < groups.length; row++) {
    const at = groups[row] * WIDTH;
    const base = row * WIDTH;
    s0 += packed[base] * table[at];
    s1 += packed[base + 1] * table[at + 1];
    s2 += packed[base + 2] * table[at + 2];
    s3 += packed[base + 3] * table[at + 3];
  }
  const sxy = [s0, s1, s2, s3];
  return partial.map((column, p) => {
    if (column.finite < 2 || sxx[p] === 0 || syy[p] === 0) return Number.NaN;
    return Math.max(-1, Math.min(1, sxy[p] / Math.sqrt(sxx[p] * syy[p])));
  });
}
