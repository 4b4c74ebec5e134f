// Pearson and Spearman matrices of numeric columns with the pairs of complete columns (every value finite)
// done together in one pass over the rows; other pairs go pair by pair. Each pair's sums still run in row
// order, so every entry is bit-for-bit what correlatePearson / correlateSpearmanRanked give.

import { throwIfAborted } from './check-abort';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearmanRanked } from './correlate-spearman';
import { finiteOrNull } from './json-numbers';
import type { RankedColumn } from './rank-column';

/** The symmetric Pearson matrix of `columns` (null where not finite). */
export function measurePearsonMatrix(columns: readonly Float64Array[], signal?: AbortSignal): (number | null)[][] {
  const complete = columns.map(isComplete);
  const centres = columns.map((values, i) => (complete[i] ? sumInOrder(values) / values.length : 0));
  return measureMatrix(columns, complete, centres, (i, j) => correlatePearson(columns[i], columns[j]), signal);
}

/** The symmetric Spearman matrix of ranked columns (null where not finite). */
export function measureSpearmanMatrix(ranked: readonly RankedColumn[], signal?: AbortSignal): (number | null)[][] {
  const complete = ranked.map((column) => column.finite === column.finiteMask.length);
  const centres = ranked.map((column) => (column.finite + 1) / 2);
  return measureMatrix(ranked.map((column) => column.ranks), complete, centres, (i, j) => correlateSpearmanRanked(ranked[i], ranked[j]), signal);
}

function measureMatrix(
  columns: readonly Float64Array[],
  complete: readonly boolean[],
  centres: readonly number[],
  measurePair: (i: number, j: number) => number,
  signal?: AbortSignal,
): (number | null)[][] {
  const k = columns.length;
  const values = columns.map(() => new Array<number | null>(k).fill(null));
  const together = complete.flatMap((isFull, i) => (isFull && columns[i].length >= 2 ? [i] : []));
  const sums = sumCentredProducts(together.map((i) => columns[i]), together.map((i) => centres[i]));
  const m = together.length;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const sxx = sums[a * m + a];
      const syy = sums[b * m + b];
      const r = sxx === 0 || syy === 0 ? Number.NaN : Math.max(-1, Math.min(1, sums[a * m + b] / Math.sqrt(sxx * syy)));
      values[together[a]][together[b]] = values[together[b]][together[a]] = finiteOrNull(r);
    }
  }
  const isTogether = new Set(together);
  for (let i = 0; i < k; i++) {
    throwIfAborted(signal);
    for (let j = i; j < k; j++) {
      if (isTogether.has(i) && isTogether.has(j)) continue;
      values[i][j] = values[j][i] = finiteOrNull(measurePair(i, j));
    }
  }
  return values;
}

/** Σ over rows of (x_a − c_a)(x_b − c_b) for a ≤ b, in row order, as an m × m row-major array (upper half filled). */
function sumCentredProducts(columns: readonly Float64Array[], centres: readonly number[]): Float64Array {
  const m = columns.length;
  const sums = new Float64Array(m * m);
  if (m === 0) return sums;
  const d = new Float64Array(m);
  const rows = columns[0].length;
  for (let row = 0; row < rows; row++) {
    for (let a = 0; a < m; a++) d[a] = columns[a][row] - centres[a];
    for (let a = 0; a < m; a++) {
      const da = d[a];
      const base = a * m;
      for (let b = a; b < m; b++) sums[base + b] += da * d[b];
    }
  }
  return sums;
}

function isComplete(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}

function sumInOrder(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
