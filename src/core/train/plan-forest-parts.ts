// How a random-forest candidate is spread over the training workers: contiguous ranges of tree indices, one
// per worker. Pure and free of fitting code, so the page can plan without loading the model registry.

import type { TrainRequest } from './types';

/** Fewest trees per part: below it a forest trains on one worker (moving trees between workers would cost more). */
export const MIN_TREES_PER_PART = 4;

/** Splits `trees` into at most `parts` contiguous index ranges of near-equal size (earlier ranges one larger). */
export function splitTreeRanges(trees: number, parts: number): { start: number; end: number }[] {
  const count = Math.max(1, Math.min(parts, trees));
  const size = Math.floor(trees / count);
  const extra = trees % count;
  return Array.from({ length: count }, (_, i) => ({ start: i * size + Math.min(i, extra), end: (i + 1) * size + Math.min(i + 1, extra) }));
}

/** The tree ranges of a supervised random-forest request over `workers` workers; null when it trains on one. */
export function planForestParts(request: Pick<TrainRequest, 'family' | 'params' | 'problem'>, workers: number, defaultTrees: number): { start: number; end: number }[] | null {
  if (request.family !== 'random_forest' || request.problem.task === 'clustering') return null;
  const trees = typeof request.params.nEstimators === 'number' ? request.params.nEstimators : defaultTrees;
  const parts = Math.min(workers, Math.floor(trees / MIN_TREES_PER_PART));
  return parts >= 2 ? splitTreeRanges(trees, parts) : null;
}
