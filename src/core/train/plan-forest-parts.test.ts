import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../problem/types';
import { planForestParts, splitTreeRanges } from './plan-forest-parts';

const BINARY: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] };

describe('splitTreeRanges', () => {
  it('contiguous near-equal ranges, never more parts than trees', () => {
    expect(splitTreeRanges(10, 3)).toEqual([{ start: 0, end: 4 }, { start: 4, end: 7 }, { start: 7, end: 10 }]);
    expect(splitTreeRanges(2, 4)).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }]);
    expect(splitTreeRanges(5, 1)).toEqual([{ start: 0, end: 5 }]);
  });
});

describe('planForestParts', () => {
  it('spreads a forest (the family that fits in parts) over the workers, at least 4 trees a part, 100 by the schema\'s default; other families and one worker stay whole', () => {
    const forest = { family: 'random_forest', params: {}, problem: BINARY };
    expect([
      planForestParts(forest, 4),
      planForestParts({ ...forest, params: { nEstimators: 9 } }, 4),
      planForestParts({ ...forest, params: { nEstimators: 7 } }, 4),
      planForestParts(forest, 1),
      planForestParts({ ...forest, family: 'gradient_boosting' }, 4),
    ]).toEqual([
      [{ start: 0, end: 25 }, { start: 25, end: 50 }, { start: 50, end: 75 }, { start: 75, end: 100 }],
      [{ start: 0, end: 5 }, { start: 5, end: 9 }],
      null, null, null,
    ]);
  });
});
