// How well one numeric feature alone separates a binary target: the ROC AUC of its values as scores, from the
// tie groups of its ranks (Mann–Whitney U, a tie between the classes counting one half), folded to
// max(AUC, 1 − AUC) so that a feature separating in either direction scores near 1.

import type { RankedColumn } from './rank-column';

/**
 * max(AUC, 1 − AUC) over the rows where the feature is finite and the class present (`codes` 0 or 1, −1
 * missing), as sklearn's roc_auc_score on those rows; NaN unless both classes occur there.
 */
export function measureRankAuc(ranked: RankedColumn, codes: Int32Array): number {
  const groupCount = ranked.groupStarts.length - 1;
  const positives = new Float64Array(groupCount);
  const negatives = new Float64Array(groupCount);
  for (let row = 0; row < codes.length; row++) {
    if (ranked.finiteMask[row] === 0 || codes[row] < 0) continue;
    if (codes[row] === 1) positives[ranked.groups[row]]++;
    else negatives[ranked.groups[row]]++;
  }
  let below = 0; // negatives with a smaller value
  let wins = 0;
  let positiveCount = 0;
  for (let g = 0; g < groupCount; g++) {
    wins += positives[g] * (below + negatives[g] / 2);
    below += negatives[g];
    positiveCount += positives[g];
  }
  if (positiveCount === 0 || below === 0) return Number.NaN;
  const auc = wins / (positiveCount * below);
  return Math.max(auc, 1 - auc);
}
