// How a candidate of a family that fits in parts (a random forest) is spread over the training workers:
// contiguous ranges of part (tree) indices, one per worker. Reads the family's capability from the catalogue,
// free of fitting code, so the page can plan without loading the model registry.

import { findFamilyInfo } from '../models/catalog';
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

/** The part ranges of a supervised request of a family that fits in parts, over `workers` workers; null when it trains on one. */
export function planForestParts(request: Pick<TrainRequest, 'family' | 'params' | 'problem'>, workers: number): { start: number; end: number }[] | null {
  const family = findFamilyInfo(request.family);
  const inParts = family?.capabilities.fitsInParts;
  if (!family || !inParts || request.problem.task === 'clustering') return null;
  const given = request.params[inParts.countParam];
  const schemaDefault = family.params.find((p) => p.name === inParts.countParam)?.default;
  const trees = typeof given === 'number' ? given : typeof schemaDefault === 'number' ? schemaDefault : 1;
  const parts = Math.min(workers, Math.floor(trees / MIN_TREES_PER_PART));
  return parts >= 2 ? splitTreeRanges(trees, parts) : null;
}
