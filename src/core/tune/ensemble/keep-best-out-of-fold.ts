// The automatic mode's candidates for its ensemble, while the search runs: the out-of-fold predictions of the best
// full-budget trials that finished, the rest dropped as soon as they cannot be picked. A search converges on one
// family, so its best trials are near-copies that blend to nothing: as FLAML's ensemble does, each family's best
// trial comes first, then the best of the rest fill the places left.

import type { OutOfFold } from '../../train/types';
import type { TuneTrial } from '../tune-output';

/** The most trials whose out-of-fold predictions are blended. */
export const ENSEMBLE_CANDIDATES = 8;

interface Kept {
  readonly trial: TuneTrial;
  readonly outOfFold: OutOfFold;
}

export interface OutOfFoldPool {
  /** Keeps `outOfFold` while `trial` (done, full budget, scored) may still be picked. */
  offer(trial: TuneTrial, outOfFold: OutOfFold): void;
  /** The ≤ `limit` candidates: each family's best (best first), then the best other trials. */
  list(): Kept[];
}

/** An empty pool of at most `limit` candidates (it holds ≤ 2 × `limit` out-of-fold predictions meanwhile). */
export function createOutOfFoldPool(limit = ENSEMBLE_CANDIDATES): OutOfFoldPool {
  const byLoss = (a: Kept, b: Kept) => a.trial.loss! - b.trial.loss! || a.trial.index - b.trial.index;
  const bestOfFamily = new Map<string, Kept>();
  let top: Kept[] = [];
  return {
    offer(trial, outOfFold) {
      if (trial.status !== 'done' || trial.budget !== 1 || trial.loss === null || trial.runId === null) return;
      const kept = { trial, outOfFold };
      const previous = bestOfFamily.get(trial.family);
      if (!previous || byLoss(kept, previous) < 0) bestOfFamily.set(trial.family, kept);
      top = [...top, kept].sort(byLoss).slice(0, limit);
    },
    list() {
      const families = [...bestOfFamily.values()].sort(byLoss).slice(0, limit);
      const rest = top.filter((k) => !families.includes(k));
      return [...families, ...rest].slice(0, limit);
    },
  };
}
