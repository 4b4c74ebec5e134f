import { describe, expect, it } from 'vitest';
import { findFamilyInfo } from '../models/catalog';
import { chooseNextFamily, estimateCostForImprovement, listAutoFamilies, lowCostParams, type FamilySearchState } from './allocate-families';

const kinds = (task: Parameters<typeof listAutoFamilies>[0], rows: number, cols = 10) => listAutoFamilies(task, rows, cols).map((f) => f.kind);

const tried = (family: string, costs: number[], losses: number[]): FamilySearchState => {
  const improvements: { costMs: number; loss: number }[] = [];
  let total = 0;
  costs.forEach((cost, i) => {
    total += cost;
    if (improvements.length === 0 || losses[i] < improvements[improvements.length - 1].loss) improvements.push({ costMs: total, loss: losses[i] });
  });
  return { family, trials: costs.length, bestLoss: Math.min(...losses), lastCostMs: costs[costs.length - 1], totalCostMs: total, improvements };
};
const untried = (family: string): FamilySearchState => ({ family, trials: 0, bestLoss: null, lastCostMs: 0, totalCostMs: 0, improvements: [] });

describe('listAutoFamilies', () => {
  it('picks families by task and data size, cheapest first, never a baseline', () => {
    expect(kinds('binary', 500)).toEqual(['naive_bayes', 'logistic_regression', 'knn', 'gradient_boosting', 'random_forest']);
    expect(kinds('multiclass', 5_000)).toEqual(['naive_bayes', 'logistic_regression', 'knn', 'gradient_boosting', 'random_forest', 'neural_network']);
    expect(kinds('regression', 100_000)).toEqual(['linear_regression', 'gradient_boosting', 'random_forest', 'neural_network']);
    expect(kinds('regression', 40_000, 500)).not.toContain('knn');
    expect(kinds('clustering', 1_000)).toEqual(['kmeans']);
  });
});

describe('lowCostParams', () => {
  it('starts each hinted parameter at its low-cost value, else its default', () => {
    expect(lowCostParams(findFamilyInfo('gradient_boosting')!)).toEqual({ learningRate: 0.1, maxIter: 16, maxLeafNodes: 4, minSamplesLeaf: 20, l2Regularization: 0 });
    expect(lowCostParams(findFamilyInfo('random_forest')!)).toEqual({ nEstimators: 10, maxFeatures: 'auto', maxFeaturesFraction: 0.5, maxDepth: 4, minSamplesLeaf: 1 });
  });
});

describe('estimateCostForImprovement', () => {
  it('is the larger of the time since the last improvement and the time between the last two, for the best family', () => {
    // Improvements at 100 ms (loss 0.5) and 300 ms (0.4); 700 ms spent: max(700 − 300, 300 − 100, last 200) = 400.
    expect(estimateCostForImprovement(tried('a', [100, 200, 200, 200], [0.5, 0.4, 0.45, 0.41]), 0.4)).toBe(400);
  });

  it('adds the cost of catching up with the best family at the trailing one\'s speed', () => {
    // Own: max(300 − 200, 200 − 100, 100) = 100. Improved 0.5 → 0.45 with K₀ − K₂ = 200 ms: speed 0.05 / 200;
    // gap 0.05 to the best 0.4 → 2 · 0.05 / speed = 400.
    expect(estimateCostForImprovement(tried('b', [100, 100, 100], [0.5, 0.45, 0.6]), 0.4)).toBeCloseTo(400, 9);
    expect(estimateCostForImprovement(tried('b', [100, 100, 100], [0.5, 0.45, 0.6]), 0.45)).toBe(100);
  });
});

describe('chooseNextFamily', () => {
  it('tries untried families first, cheapest first, then the smallest ECI', () => {
    const boosting = tried('gradient_boosting', [100, 100], [0.3, 0.25]);
    const forest = tried('random_forest', [400, 400], [0.35, 0.34]);
    expect(chooseNextFamily([boosting, untried('random_forest'), untried('logistic_regression')], 10_000)).toBe('logistic_regression');
    expect(chooseNextFamily([forest, boosting], 10_000)).toBe('gradient_boosting');
    // Boosting stalls for long; the forest, close behind and improving, becomes the better bet.
    const stalled = tried('gradient_boosting', [100, 100, 3000, 3000], [0.3, 0.25, 0.26, 0.27]);
    expect(chooseNextFamily([stalled, tried('random_forest', [400, 400], [0.27, 0.26])], 10_000)).toBe('random_forest');
  });

  it('skips a family whose next trial would not fit, an untried one estimated from the tried ones, and returns null when none fits', () => {
    const boosting = tried('gradient_boosting', [1000], [0.3]);
    // The network costs 4 × boosting's unit: 4,000 ms does not fit in 3,000.
    expect(chooseNextFamily([boosting, untried('neural_network')], 3000)).toBe('gradient_boosting');
    expect(chooseNextFamily([boosting, untried('neural_network')], 500)).toBeNull();
  });

  it('gives a family that only failed one more try, last, and none after two', () => {
    const failedOnce: FamilySearchState = { family: 'knn', trials: 1, bestLoss: null, lastCostMs: 50, totalCostMs: 50, improvements: [] };
    expect(chooseNextFamily([failedOnce, tried('gradient_boosting', [100], [0.3])], 10_000)).toBe('gradient_boosting');
    expect(chooseNextFamily([failedOnce], 10_000)).toBe('knn');
    expect(chooseNextFamily([{ ...failedOnce, trials: 2 }], 10_000)).toBeNull();
  });
});
