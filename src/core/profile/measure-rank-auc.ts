// How well one numeric feature alone separates a binary target: the ROC AUC of its values as scores, from the
// tie groups of its ranks (Mann–Whitney U, a tie between the classes counting one half), folded to
// max(AUC, 1 − AUC) so that a feature separating in either direction scores near 1.

import type { RankedColumn } from '../stats/rank-column';

/**
 * max(AUC, 1 − AUC) over the rows where the feature is finite and the class present (`codes` 0 or 1, −1
 * missing), as sklearn's roc_auc_score on those rows; NaN unless both classes occur there.
 */
export function measureRankAuc(ranked: RankedColumn, codes: Int32Array): number {
  const groupCount = ranked.groupStarts.length - 1;
  // Negatives and positives of each tie group side by side: one cache line per row (the groups are scattered).
  const counts = new Uint32Array(2 * groupCount);
  const { finiteMask, groups } = ranked;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (finiteMask[row] === 1 && code >= 0) counts[2 * groups[row] + code]++;
  }
  let below = 0; // negatives with a smaller value
  let wins = 0;
  let positiveCount = 0;
  for (let g = 0; g < groupCount; g++) {
    const negatives = counts[2 * g];
    const positives = counts[2 * g + 1];
    wins += positives * (below + negatives / 2);
    below += negatives;
    positiveCount += positives;
  }
  if (positiveCount === 0 || below === 0) return Number.NaN;
  const auc = wins / (positiveCount * below);
  return Math.max(auc, 1 - auc);
}
