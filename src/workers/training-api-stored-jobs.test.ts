import { describe, expect, it } from 'vitest';
import type { LearningCurveProgress } from '../core/train/compute-learning-curve';
import type { TrainRequest } from '../core/train/types';
import { createTestRunStore } from '../test-support/run-store';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { trainingApi } from './training-api';
import { holdTestTable } from '../test-support/held-table';

// The training worker's jobs on stored runs (learning curve, explanation): each reads the run by id from the page's
// database, runs core's job on the table it holds by key, and hands the result back. The jobs themselves are
// tested in core (compute-learning-curve.test.ts, explain-run.test.ts).

// x < 20 is class a, x ≥ 20 is b. Training rows: 10 of each class (x 0–9 and 30–39); validation far from the
// boundary (x 10, 11, 40, 41), so any tree fitted on a subset holding both classes scores 1 on both sides.
const X = [...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 30 + i), 10, 11, 40, 41];
const TABLE = tableOf(numericColumn('x', X), numericColumn('flat', X.map(() => 1)), categoricalColumn('y', X.map((x) => (x < 20 ? 'a' : 'b'))));
const TRAIN = Uint32Array.from({ length: 20 }, (_, i) => i);
const VALIDATION = Uint32Array.of(20, 21, 22, 23);
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };
const REQUEST: TrainRequest = { id: 'lc-1', family: 'decision_tree', params: {}, seed: 3, problem: PROBLEM, steps: [], crossValidate: false };

describe('trainingApi.computeLearningCurve', () => {
  it('refits the stored run (read by id) on 10 … 100 % of the training rows, scores train and validation, reports progress', async () => {
    holdTestTable('lc', TABLE);
    const runs = createTestRunStore();
    const run = await runs.commit(await trainingApi.trainRun('lc', { train: TRAIN, validation: VALIDATION, folds: [] }, REQUEST, 'auto', runs.store));
    const progress: LearningCurveProgress[] = [];
    const curve = await trainingApi.computeLearningCurve('lc', { run, problem: PROBLEM, train: TRAIN, validation: VALIDATION }, (p) => progress.push(p));
    const one = { value: 1 };
    expect({ curve, progress }).toEqual({
      curve: {
        runId: 'lc-1',
        metric: 'accuracy',
        points: [
          { fraction: 0.1, rows: 2, train: one, validation: one },
          { fraction: 0.25, rows: 6, train: one, validation: one },
          { fraction: 0.5, rows: 10, train: one, validation: one },
          { fraction: 0.75, rows: 16, train: one, validation: one },
          { fraction: 1, rows: 20, train: one, validation: one },
        ],
      },
      progress: [2, 6, 10, 16, 20].map((rows, i) => ({ done: i + 1, total: 5, rows })),
    });
  });

});

describe('trainingApi.explainStoredRun', () => {
  it('explains the stored run (read by id) on the rows of the table it holds by key', async () => {
    holdTestTable('explain', TABLE);
    const runs = createTestRunStore();
    const ref = await runs.commit(await trainingApi.trainRun('explain', { train: TRAIN, validation: VALIDATION, folds: [] }, { ...REQUEST, id: 'ex-1' }, 'auto', runs.store));
    const result = await trainingApi.explainStoredRun('explain', VALIDATION, ref, PROBLEM, { repeats: 2, shapRows: 10, pdFeatures: 0, seed: 1, classIndex: null });
    expect({ method: result.shap?.method, rows: Array.from(result.shap?.rows ?? []), pd: result.partialDependence, features: result.importance.features.map((f) => f.feature) })
      .toEqual({ method: 'exact TreeSHAP', rows: [20, 21, 22, 23], pd: [], features: ['x', 'flat'] });
  });
});
