// A candidate's out-of-fold predictions put together from its CV folds' predictions, class probabilities mapped by
// label onto the main run's classes (a fold fitted without a rare class has fewer). Its own module: the page merges
// the folds the pool returns without importing the fitting code.

import type { FoldPredictions, OutOfFold } from '../../train/types';

/**
 * The folds' predictions as one OutOfFold in fold order, in `classes` order (null: regression); null when a fold is
 * missing (a stopped or failed fold: the candidate has no complete out-of-fold predictions).
 */
export function mergeOutOfFold(folds: readonly (FoldPredictions | null)[], classes: readonly string[] | null): OutOfFold | null {
  if (folds.length === 0 || folds.some((f) => f === null)) return null;
  const present = (folds as FoldPredictions[]).slice().sort((a, b) => a.fold - b.fold);
  const n = present.reduce((sum, f) => sum + f.rows.length, 0);
  const C = classes?.length ?? 0;
  const out: OutOfFold = {
    rows: new Uint32Array(n), folds: new Uint16Array(n), foldCount: folds.length, yTrue: new Float64Array(n), predictions: new Float64Array(n),
    proba: C > 0 && present.every((f) => f.proba !== null) ? new Float64Array(n * C) : null, classes: classes ? [...classes] : null,
  };
  let at = 0;
  for (const fold of present) {
    const remap = classes ? mapClasses(fold.classes ?? [], classes) : null;
    for (let i = 0; i < fold.rows.length; i++, at++) {
      out.rows[at] = fold.rows[i];
      out.folds[at] = fold.fold;
      out.yTrue[at] = remap ? remap[fold.yTrue[i]] : fold.yTrue[i];
      out.predictions[at] = remap ? remap[fold.predictions[i]] : fold.predictions[i];
      if (out.proba && remap) for (let k = 0; k < remap.length; k++) out.proba[at * C + remap[k]] = fold.proba![i * remap.length + k];
    }
  }
  return out;
}

/** Index in `to` of every label of `from`; a label `to` lacks cannot happen (the main fit saw every training label). */
function mapClasses(from: readonly string[], to: readonly string[]): number[] {
  return from.map((label) => {
    const index = to.indexOf(label);
    if (index < 0) throw new Error(`A CV fold predicts the class "${label}" that the run's classes (${to.join(', ')}) do not hold.`);
    return index;
  });
}
