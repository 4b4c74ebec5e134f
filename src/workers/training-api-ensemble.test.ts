// The training worker's part of the automatic mode's ensemble: a fold that keeps its predictions (scored as trainFold
// scores it), and an ensemble built from stored member runs, stored itself and read back for the other jobs.

import { describe, expect, it } from 'vitest';
import type { TrainRequest } from '../core/train/types';
import { holdTestTable } from '../test-support/held-table';
import { createTestRunStore } from '../test-support/run-store';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { trainingApi } from './training-api';

// y = b from x ≥ 20 with a noisy band (x 16–23 alternate), so two families disagree somewhere.
const X = Array.from({ length: 48 }, (_, i) => i);
const TABLE = tableOf(numericColumn('x', X), numericColumn('z', X.map((x) => (x * 7) % 11)), categoricalColumn('y', X.map((x) => ((x >= 20) !== (x >= 16 && x < 24 && x % 2 === 0) ? 'b' : 'a'))));
const TRAIN = Uint32Array.from(X.filter((x) => x % 4 !== 0));
const VALIDATION = Uint32Array.from(X.filter((x) => x % 4 === 0));
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'log-loss' as const, secondaryMetrics: ['accuracy' as const] };
const request = (id: string, family: string): TrainRequest => ({ id, family, params: {}, seed: 3, problem: PROBLEM, steps: [], crossValidate: true });

describe('trainingApi and the ensemble', () => {
  it('trainFoldKeeping: the fold’s scores as trainFold gives them, and its predictions on the fold’s validation rows', async () => {
    holdTestTable('ens-fold', TABLE);
    const fold = { train: TRAIN.filter((_, i) => i % 2 === 0), validation: TRAIN.filter((_, i) => i % 2 === 1) };
    const kept = await trainingApi.trainFoldKeeping('ens-fold', fold, 1, request('f', 'logistic_regression'), 'auto');
    expect(kept!.scores).toEqual(await trainingApi.trainFold('ens-fold', fold, 1, request('f', 'logistic_regression'), 'auto'));
    expect({ fold: kept!.predictions!.fold, rows: Array.from(kept!.predictions!.rows), classes: kept!.predictions!.classes, proba: kept!.predictions!.proba!.length })
      .toEqual({ fold: 1, rows: Array.from(fold.validation), classes: ['a', 'b'], proba: 2 * fold.validation.length });
  });

  it('buildEnsembleRun reads the members from storage, stores the ensemble, and the stored-run jobs score it', async () => {
    holdTestTable('ens', TABLE);
    const runs = createTestRunStore();
    const parts = { train: TRAIN, validation: VALIDATION, folds: [] };
    const members = [request('lr', 'logistic_regression'), request('tree', 'decision_tree')];
    for (const member of members) await runs.commit(await trainingApi.trainRun('ens', parts, member, 'auto', runs.store));
    const summary = await trainingApi.buildEnsembleRun('ens', parts, { id: 'blend', members: [{ runId: 'lr', weight: 3 }, { runId: 'tree', weight: 1 }], cv: null }, PROBLEM, runs.store);
    const ref = await runs.commit(summary);
    expect({ label: summary.label, family: summary.family, ensemble: summary.ensemble, model: 'model' in summary })
      .toEqual({ label: 'Ensemble (2 models)', family: 'ensemble', ensemble: { members: [{ runId: 'lr', weight: 0.75 }, { runId: 'tree', weight: 0.25 }] }, model: false });
    expect((await runs.load('blend'))!.model.kind).toBe('ensemble');
    expect(await trainingApi.rescoreStoredRun('ens', VALIDATION, ref, PROBLEM)).toEqual(summary.metrics.validation);
    const evaluated = await trainingApi.evaluateStoredRun('ens', VALIDATION, ref, PROBLEM);
    expect(evaluated.predictions.rows.length).toBe(VALIDATION.length);
  });
});
