// Pearson and Spearman matrices of numeric columns from one blocked product of the centred columns
// (sum-centred-products.ts): a pair with missing values takes its sums over all rows minus the few rows where
// only one of the two is finite. Spearman pairs that must re-rank walk a complete column's order once for all
// columns with missing values (correlate-partial-ranks.ts); pairs of the latter re-rank from each other's gaps.
// Readable form: correlatePearson / correlateSpearmanRanked per pair; Pearson still takes it for any pair whose sums would lose precision.

import { throwIfAborted } from './check-abort';
import { correlatePartialRanks } from './correlate-partial-ranks';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearmanWithGaps, listGaps } from './correlate-spearman';
import { finiteOrNull } from './json-numbers';
import type { RankedColumn } from '../stats/rank-column';
import { sumCentredProducts } from './sum-centred-products';

/** A pair's centred sums may cancel to this fraction of the raw ones before the pair is recomputed exactly. */
const CANCELLATION_LIMIT = 1e-3;

/** The symmetric Pearson matrix of `columns` (null where not finite), over pairwise-complete rows. */
export function measurePearsonMatrix(columns: readonly Float64Array[], signal?: AbortSignal): (number | null)[][] {
  const k = columns.length;
  const rows = k === 0 ? 0 : columns[0].length;
  const gaps = columns.map(listNonFinite);
  const centres = columns.map((values, i) => meanFinite(values, values.length - gaps[i].length));
  throwIfAborted(signal);
  const { products, sums } = sumCentredProducts(columns, centres);
  const values = columns.map(() => new Array<number | null>(k).fill(null));
  for (let a = 0; a < k; a++) {
    throwIfAborted(signal);
    for (let b = a; b < k; b++) {
      const keptA = dropRows(columns[a], centres[a], rows - gaps[a].length, gaps[b], sums[a], products[a * k + a]);
      const keptB = dropRows(columns[b], centres[b], rows - gaps[b].length, gaps[a], sums[b], products[b * k + b]);
      const r = finishPearson(keptA, keptB, products[a * k + b]) ?? correlatePearson(columns[a], columns[b]);
      values[a][b] = values[b][a] = finiteOrNull(r);
    }
  }
  return values;
}

/** The symmetric Spearman matrix of ranked columns (null where not finite), re-ranked on pairwise-complete rows. */
export function measureSpearmanMatrix(ranked: readonly RankedColumn[], signal?: AbortSignal): (number | null)[][] {
  const k = ranked.length;
  const values = ranked.map(() => new Array<number | null>(k).fill(null));
  const complete = ranked.flatMap((column, i) => (column.finite === column.ranks.length ? [i] : []));
  const partial = ranked.flatMap((column, i) => (column.finite === column.ranks.length ? [] : [i]));
  // Complete columns: ranks 1…n centred on (n + 1) / 2 sum to 0 exactly, so the products are the centred sums.
  const { products } = sumCentredProducts(complete.map((i) => ranked[i].ranks), complete.map((i) => (ranked[i].finite + 1) / 2));
  const m = complete.length;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const sxx = products[a * m + a];
      const syy = products[b * m + b];
      const r = ranked[complete[a]].finite < 2 || sxx === 0 || syy === 0 ? Number.NaN : Math.max(-1, Math.min(1, products[a * m + b] / Math.sqrt(sxx * syy)));
      values[complete[a]][complete[b]] = values[complete[b]][complete[a]] = finiteOrNull(r);
    }
  }
  const crossed = correlatePartialRanks(complete.map((i) => ranked[i]), partial.map((j) => ranked[j]), signal);
  complete.forEach((i, c) => partial.forEach((j, p) => (values[i][j] = values[j][i] = finiteOrNull(crossed[c][p]))));
  const gaps = partial.map((j) => listGaps(ranked[j]));
  for (let a = 0; a < partial.length; a++) {
    throwIfAborted(signal);
    // ρ of a column with itself is 1 (exactly: sxy / √(sxx²)) unless it has fewer than 2 values or one tie group.
    const self = ranked[partial[a]];
    values[partial[a]][partial[a]] = self.finite >= 2 && self.groupStarts.length > 2 ? 1 : null;
    for (let b = a + 1; b < partial.length; b++) {
      const [i, j] = [partial[a], partial[b]];
      values[i][j] = values[j][i] = finiteOrNull(correlateSpearmanWithGaps(ranked[i], ranked[j], gaps[a], gaps[b]));
    }
  }
  return values;
}

/** Count, Σd and Σd² of one column's centred values over the rows a pair shares. */
interface KeptSums {
  n: number;
  sum: number;
  squares: number;
}

/** The column's sums over its finite rows (`sum`, `squares`) less the `dropped` rows where the other column is not finite. */
function dropRows(values: Float64Array, centre: number, finite: number, dropped: Uint32Array, sum: number, squares: number): KeptSums {
  let n = finite;
  for (let k = 0; k < dropped.length; k++) {
    const d = values[dropped[k]] - centre;
    if (d - d !== 0) continue;
    n--;
    sum -= d;
    squares -= d * d;
  }
  return { n, sum, squares };
}

/** r from the kept sums and Σ d_a·d_b over the shared rows; undefined when cancellation or overflow makes them unreliable. */
function finishPearson(a: KeptSums, b: KeptSums, product: number): number | undefined {
  if (a.n < 2) return Number.NaN;
  const sxx = a.squares - (a.sum * a.sum) / a.n;
  const syy = b.squares - (b.sum * b.sum) / b.n;
  const sxy = product - (a.sum * b.sum) / a.n;
  const scale = sxx * syy;
  if (!(sxx > CANCELLATION_LIMIT * a.squares && syy > CANCELLATION_LIMIT * b.squares && scale > 0 && scale < Number.POSITIVE_INFINITY && Number.isFinite(sxy))) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(scale)));
}

/** Rows whose value is not finite (NaN or ±Infinity), ascending. */
function listNonFinite(values: Float64Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) count++;
  const rows = new Uint32Array(count);
  for (let i = 0, next = 0; next < count; i++) if (values[i] - values[i] !== 0) rows[next++] = i;
  return rows;
}

/** The mean of the `finite` finite values of `values` (0 when there are none). */
function meanFinite(values: Float64Array, finite: number): number {
  if (finite === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) sum += values[i];
  return sum / finite;
}
