// Greedy ensemble selection on hand-made out-of-fold predictions whose best blend is known by construction.

import { describe, expect, it } from 'vitest';
import type { ProblemSpec } from '../../problem/types';
import { createRandom } from '../../random/prng';
import type { OutOfFold } from '../../train/types';
import { selectEnsemble } from './select-ensemble';

const REGRESSION = { target: 'y', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: ['mae'] } as ProblemSpec;
const BINARY = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [], positiveClass: 'b' } as unknown as ProblemSpec;

/** Eight rows, two folds of four (rows listed in a shuffled order: alignment must not depend on it). */
function regression(errors: number[]): OutOfFold {
  const order = [4, 0, 5, 1, 6, 2, 7, 3];
  return {
    rows: Uint32Array.from(order), folds: Uint16Array.from(order, (r) => (r < 4 ? 0 : 1)), foldCount: 2,
    yTrue: new Float64Array(8), predictions: Float64Array.from(order, (r) => errors[r]), proba: null, classes: null,
  };
}

/** P(class b) per row for rows 0…7 (targets a a b b a a b b). */
function binary(positive: number[]): OutOfFold {
  const yTrue = [0, 0, 1, 1, 0, 0, 1, 1];
  return {
    rows: Uint32Array.from({ length: 8 }, (_, i) => i), folds: Uint16Array.from({ length: 8 }, (_, i) => (i < 4 ? 0 : 1)), foldCount: 2,
    yTrue: Float64Array.from(yTrue), predictions: Float64Array.from(positive, (p) => (p > 0.5 ? 1 : 0)),
    proba: Float64Array.from(positive.flatMap((p) => [1 - p, p])), classes: ['a', 'b'],
  };
}

describe('selectEnsemble', () => {
  it('regression: blends the two models whose errors cancel, half and half, from the best single one', () => {
    const candidates = [
      { runId: 'plus-one', outOfFold: regression(Array(8).fill(1)) },
      { runId: 'plus-more', outOfFold: regression(Array(8).fill(1.2)) },
      { runId: 'minus-one', outOfFold: regression(Array(8).fill(-1)) },
      { runId: 'far', outOfFold: regression(Array(8).fill(2)) },
    ];
    const selection = selectEnsemble(candidates, REGRESSION)!;
    expect(selection.members).toEqual([{ runId: 'plus-one', weight: 0.5 }, { runId: 'minus-one', weight: 0.5 }]);
    expect({ value: selection.value, bestSingle: selection.bestSingle, picks: selection.picks }).toEqual({ value: 0, bestSingle: { runId: 'plus-one', value: 1 }, picks: 2 });
    expect(selection.cv.metrics.mae).toEqual({ mean: 0, std: 0, values: [0, 0] });
    expect(selection.cv.folds).toBe(2);
  });

  it('classification: two classifiers each right on one fold blend into one right on both (ties: the first listed)', () => {
    const selection = selectEnsemble([
      { runId: 'first-fold', outOfFold: binary([0.1, 0.1, 0.9, 0.9, 0.6, 0.6, 0.4, 0.4]) },
      { runId: 'constant', outOfFold: binary(Array(8).fill(0.5)) },
      { runId: 'second-fold', outOfFold: binary([0.6, 0.6, 0.4, 0.4, 0.1, 0.1, 0.9, 0.9]) },
    ], BINARY)!;
    expect(selection.members.map((m) => m.runId).sort()).toEqual(['first-fold', 'second-fold']);
    expect(selection.members.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(1, 12);
    expect({ value: selection.value, single: selection.bestSingle.value }).toEqual({ value: 1, single: 0.5 });
  });

  it('is null when no blend beats the best single model (errors of one sign only)', () => {
    expect(selectEnsemble([
      { runId: 'a', outOfFold: regression(Array(8).fill(1)) },
      { runId: 'b', outOfFold: regression(Array(8).fill(1.5)) },
    ], REGRESSION)).toBeNull();
    expect(selectEnsemble([{ runId: 'only', outOfFold: regression(Array(8).fill(1)) }], REGRESSION)).toBeNull();
  });

  it('on random candidates: weights are shares of ≤ 20 picks summing to 1, and the blend never scores worse than the best single', () => {
    const random = createRandom(11);
    for (let round = 0; round < 10; round++) {
      const candidates = Array.from({ length: 5 }, (_, m) => ({ runId: `m${m}`, outOfFold: regression(Array.from({ length: 8 }, () => random() * 4 - 2)) }));
      const selection = selectEnsemble(candidates, REGRESSION);
      if (!selection) continue;
      expect(selection.members.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(1, 12);
      expect(selection.members.every((m) => Number.isInteger(m.weight * selection.picks))).toBe(true);
      expect(selection.picks).toBeLessThanOrEqual(20);
      expect(selection.value).toBeLessThan(selection.bestSingle.value);
    }
  });

  it('refuses candidates cross-validated on different folds', () => {
    const other = { ...regression(Array(8).fill(-1)), foldCount: 3 };
    expect(() => selectEnsemble([{ runId: 'a', outOfFold: regression(Array(8).fill(1)) }, { runId: 'b', outOfFold: other }], REGRESSION)).toThrow(/different folds or classes/);
  });
});
