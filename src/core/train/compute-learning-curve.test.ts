import { describe, expect, it } from 'vitest';
import type { TrainRequest } from './types';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { computeLearningCurve, drawTrainingSubsets } from './compute-learning-curve';
import { trainOnTrainingPart } from './train-candidate';

// x < 20 is class a, x ≥ 20 is b. Training rows: 10 of each class (x 0–9 and 30–39); validation far from the
// boundary (x 10, 11, 40, 41), so any tree fitted on a subset holding both classes scores 1 on both sides.
const X = [...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 30 + i), 10, 11, 40, 41];
const TABLE = tableOf(numericColumn('x', X), categoricalColumn('y', X.map((x) => (x < 20 ? 'a' : 'b'))));
const TRAIN = Uint32Array.from({ length: 20 }, (_, i) => i);
const VALIDATION = Uint32Array.of(20, 21, 22, 23);
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };
const REQUEST: TrainRequest = { id: 'lc-1', family: 'decision_tree', params: {}, seed: 3, problem: PROBLEM, steps: [], crossValidate: false };

describe('drawTrainingSubsets', () => {
  it('nested, stratified subsets: each class keeps its share (at least one row), sorted', () => {
    const subsets = drawTrainingSubsets(TABLE, TRAIN, 'y', [0.1, 0.25, 0.5, 1], 3);
    const perClass = subsets.map((rows) => [Array.from(rows).filter((r) => r < 10).length, Array.from(rows).filter((r) => r >= 10).length]);
    const nested = subsets.slice(1).every((rows, i) => Array.from(subsets[i]).every((r) => rows.includes(r)));
    const sorted = subsets.every((rows) => Array.from(rows).every((r, k) => k === 0 || rows[k - 1] < r));
    expect({ perClass, nested, sorted, full: subsets[3] }).toEqual({ perClass: [[1, 1], [3, 3], [5, 5], [10, 10]], nested: true, sorted: true, full: TRAIN });
  });

  it('without a target (regression) the rows are one group', () => {
    expect(drawTrainingSubsets(TABLE, TRAIN, null, [0.25], 3).map((rows) => rows.length)).toEqual([5]);
  });
});

describe('computeLearningCurve', () => {
  it('a size whose fit fails keeps the error as its reason; the other sizes still score', async () => {
    const knn = { ...REQUEST, id: 'lc-knn', family: 'knn', params: { k: 5 } };
    const run = await trainOnTrainingPart(TABLE, { train: TRAIN, validation: VALIDATION, folds: [] }, knn);
    const curve = await computeLearningCurve(TABLE, { run, problem: PROBLEM, train: TRAIN, validation: VALIDATION });
    const failed = { value: null, reason: 'the fit on 2 rows failed: knn: k = 5 is larger than the 2 training rows; choose k ≤ 2.' };
    expect(curve.points.map((p) => [p.rows, p.train, p.validation])).toEqual([
      [2, failed, failed], [6, { value: 1 }, { value: 1 }], [10, { value: 1 }, { value: 1 }], [16, { value: 1 }, { value: 1 }], [20, { value: 1 }, { value: 1 }],
    ]);
  });

  it('without validation rows each point says so', async () => {
    const run = await trainOnTrainingPart(TABLE, { train: TRAIN, validation: VALIDATION, folds: [] }, REQUEST);
    const curve = await computeLearningCurve(TABLE, { run, problem: PROBLEM, train: TRAIN, validation: new Uint32Array(0) });
    expect(curve.points.map((p) => p.validation)).toEqual(Array.from({ length: 5 }, () => ({ value: null, reason: 'there are no validation rows to score' })));
  });
});
