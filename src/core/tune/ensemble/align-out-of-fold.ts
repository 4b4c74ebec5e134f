// Several candidates' out-of-fold predictions on the rows they all predicted, in one order (fold by fold, rows
// ascending within a fold), so that blending them is arithmetic on arrays of the same length.

import { TuneError } from '../../errors';
import type { ModelOutputs } from '../../models/types';
import type { OutOfFold } from '../../train/types';

export interface AlignedOutOfFold {
  /** Dataset row of each position. */
  readonly rows: Uint32Array;
  readonly yTrue: Float64Array;
  /** Per candidate, its predictions (and probabilities) at those positions. */
  readonly outputs: ModelOutputs[];
  readonly classes: readonly string[] | null;
  /** 0 for regression. */
  readonly classCount: number;
  readonly foldCount: number;
  /** Positions [start, end) of each fold's rows, in fold order (empty folds left out). */
  readonly foldRanges: { readonly start: number; readonly end: number }[];
}

/** The candidates' predictions on their common rows; candidates with other classes or folds are a TuneError. */
export function alignOutOfFold(candidates: readonly OutOfFold[]): AlignedOutOfFold {
  const [first] = candidates;
  const classes = first.classes;
  if (candidates.some((c) => (c.classes ?? []).join('\u0000') !== (classes ?? []).join('\u0000') || c.foldCount !== first.foldCount)) {
    throw new TuneError('The ensemble’s candidates were cross-validated on different folds or classes; run the search again so that every trial reads the same Split.');
  }
  const positions = candidates.map((c) => new Map(Array.from(c.rows, (row, i) => [row, i])));
  const common = Array.from(first.rows.keys()).filter((i) => positions.every((p) => p.has(first.rows[i])));
  common.sort((a, b) => first.folds[a] - first.folds[b] || first.rows[a] - first.rows[b]);
  const rows = Uint32Array.from(common, (i) => first.rows[i]);
  const C = classes?.length ?? 0;
  const outputs = candidates.map((c, m): ModelOutputs => {
    const at = Array.from(rows, (row) => positions[m].get(row)!);
    if (at.some((i, j) => c.folds[i] !== first.folds[common[j]])) throw new TuneError('The ensemble’s candidates hold a row out in different CV folds; run the search again on one Split.');
    return {
      predictions: Float64Array.from(at, (i) => c.predictions[i]),
      proba: c.proba ? Float64Array.from({ length: at.length * C }, (_, j) => c.proba![at[Math.floor(j / C)] * C + (j % C)]) : null,
    };
  });
  const foldRanges: { start: number; end: number }[] = [];
  common.forEach((i, j) => {
    const last = foldRanges.at(-1);
    if (j > 0 && first.folds[common[j - 1]] === first.folds[i]) last!.end = j + 1;
    else foldRanges.push({ start: j, end: j + 1 });
  });
  return { rows, yTrue: Float64Array.from(common, (i) => first.yTrue[i]), outputs, classes, classCount: C, foldCount: first.foldCount, foldRanges };
}
