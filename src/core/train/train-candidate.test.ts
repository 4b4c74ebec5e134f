import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { loadModel } from '../models/registry';
import type { ProblemSpec } from '../problem/types';
import { fitPipeline } from '../transform/pipeline';
import type { PipelineStep } from '../transform/step-types';
import { prepareTrainingData } from './prepare-training-data';
import { scoreFold } from './cross-validate';
import { fitPrepared } from './fit-prepared';
import { scoreModel } from './score-model';
import { rescoreRun } from './rescore-run';
import { trainCandidate } from './train-candidate';
import type { TrainingProgressRecord, TrainRequest } from './types';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc'] };
// x separates the classes (yes above 5); x misses values so the imputer's state depends on which rows it sees.
const X = [1, 2, null, 3, 4, 6, 7, null, 8, 9, 1.5, 8.5];
const Y = ['no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'yes'];
const TABLE = tableOf(numericColumn('x', X), categoricalColumn('y', Y));
const STEPS: PipelineStep[] = [{ kind: 'impute', id: 'i1', columns: ['x'], strategy: 'mean' }];
const PARTS = {
  train: Uint32Array.of(0, 1, 2, 3, 5, 6, 7, 8),
  validation: Uint32Array.of(4, 9, 10, 11),
  folds: [
    { train: Uint32Array.of(2, 3, 6, 7), validation: Uint32Array.of(0, 1, 5, 8) },
    { train: Uint32Array.of(0, 1, 5, 8), validation: Uint32Array.of(2, 3, 6, 7) },
  ],
};

function requestFor(family: string, params = {}): TrainRequest {
  // Automatic preparation off: these tests compare against the user's pipeline fitted by hand.
  return { id: 'run-1', family, params, seed: 7, problem: PROBLEM, steps: STEPS, crossValidate: true, autoPrepare: false };
}

describe('trainCandidate', () => {
  it('returns a plain run: validation and CV metrics, curve, model and pipeline JSON', async () => {
    const run = await trainCandidate(TABLE, PARTS, requestFor('most_frequent'));
    expect({ ...run, durationMs: 0, trainedAt: 0 }).toEqual({
      id: 'run-1', family: 'most_frequent', label: 'Most frequent class', baseline: true, params: {}, task: 'binary', seed: 7,
      primaryMetric: 'accuracy',
      metrics: {
        // Training has 4 + 4: the first class wins the tie, so every row is predicted "no".
        validation: { accuracy: { value: 0.5 }, 'roc-auc': { value: 0.5 } },
        cv: { folds: 2, completed: 2, metrics: { accuracy: { mean: 0.5, std: 0, values: [0.5, 0.5] }, 'roc-auc': { mean: 0.5, std: 0, values: [0.5, 0.5] } } },
      },
      curve: [{ iteration: 1, total: 1, metrics: {} }],
      durationMs: 0, trainedAt: 0, stopped: false,
      model: run.model, pipeline: fitPipeline(STEPS, TABLE, PARTS.train),
      featureNames: ['x'], classes: ['no', 'yes'], info: {}, steps: STEPS, autoPrepare: false,
      // The raw column the pipeline reads, as the 8 training rows had it (2 missing).
      inputContract: { formatVersion: 1, columns: [{ name: 'x', kind: 'numeric', missing: 2, min: 1, max: 8, reference: { sample: [1, 2, 3, 6, 7, 8] } }], target: { name: 'y', classes: ['no', 'yes'] }, trainRowCount: 8 },
    });
    expect(JSON.parse(JSON.stringify(run.model))).toEqual(run.model);
  });

  it('a reloaded model predicts the stored validation metric again', async () => {
    const run = await trainCandidate(TABLE, PARTS, { ...requestFor('logistic_regression'), crossValidate: false });
    const data = prepareTrainingData(TABLE, PARTS, { steps: STEPS, problem: PROBLEM, needs: null });
    const reloaded = loadModel(JSON.parse(JSON.stringify(run.model)));
    expect(scoreModel(reloaded, data.validation!.X, data.validation!.y, PROBLEM)).toEqual(run.metrics.validation);
    expect(run.metrics).toEqual({ validation: { accuracy: { value: 1 }, 'roc-auc': { value: 1 } }, cv: null });
  });

  it('cross-validates without leakage: each fold refits the pipeline on its own training rows', async () => {
    // Fold 0 trains on rows 2, 3, 6, 7 (x = –, 3, 7, –): its imputer fills 5, not the training part's mean.
    const fold0 = prepareTrainingData(TABLE, PARTS.folds[0], { steps: STEPS, problem: PROBLEM, needs: null });
    expect(fold0.fitted).toEqual(fitPipeline(STEPS, TABLE, PARTS.folds[0].train));
    expect(fold0.fitted.steps[0].state).toEqual({ columns: [{ name: 'x', fill: 5, indicator: false }] });
    const trainPart = prepareTrainingData(TABLE, PARTS, { steps: STEPS, problem: PROBLEM, needs: null });
    expect(trainPart.fitted.steps[0].state).toEqual({ columns: [{ name: 'x', fill: 4.5, indicator: false }] });
    // The fold's score is the score of a model fitted on fold-train-only data.
    const request = requestFor('knn', { k: 1 });
    const manual = await fitPrepared(fold0, request, {});
    expect(await scoreFold(TABLE, PARTS.folds[0], 0, request)).toEqual(scoreModel(manual.model, fold0.validation!.X, fold0.validation!.y, PROBLEM));
  });

  it('a stop request ends the fit early, keeps the model and skips CV', async () => {
    const progress: TrainingProgressRecord[] = [];
    let calls = 0;
    const run = await trainCandidate(TABLE, PARTS, requestFor('gradient_boosting', { maxIter: 50, minSamplesLeaf: 1, earlyStopping: 'off' }), {
      shouldStop: () => ++calls >= 3,
      onProgress: (p) => progress.push(p),
    });
    expect({ stopped: run.stopped, rounds: run.curve.length, cv: run.metrics.cv, fold: progress.map((p) => p.fold), iterations: progress.map((p) => p.iteration) })
      .toEqual({ stopped: true, rounds: 3, cv: null, fold: [null, null, null], iterations: [1, 2, 3] });
  });

  it('copies the fit\'s warnings into the run: a linear regression on a column and its copy is collinear', async () => {
    const table = tableOf(numericColumn('x', [1, 2, 3, 4, 5, 6]), numericColumn('copy', [1, 2, 3, 4, 5, 6]), numericColumn('y', [2.1, 3.9, 6.2, 8, 9.8, 12.1]));
    const problem: ProblemSpec = { target: 'y', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] };
    const parts = { train: Uint32Array.of(0, 1, 2, 3), validation: Uint32Array.of(4, 5), folds: [] };
    const run = await trainCandidate(table, parts, { id: 'r', family: 'linear_regression', params: {}, seed: 1, problem, steps: [], crossValidate: false });
    expect(run.warnings?.map((w) => w.code)).toEqual(['collinear']);
    expect(run.warnings?.[0].message.startsWith('Features "x", "copy" are collinear (rank 1 of 2 after centring)')).toBe(true);
    const plain = await trainCandidate(table, parts, { id: 'm', family: 'mean', params: {}, seed: 1, problem, steps: [], crossValidate: false });
    expect('warnings' in plain).toBe(false);
  });

  it('a stop while a kNN predicts the validation rows ends it between blocks: the model is kept, the run stopped and unscored, CV skipped', async () => {
    // 200 rows, one feature (k-d tree, 16 queries a block): 100 validation rows are 7 blocks; the stop comes at the second.
    const x = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const table = tableOf(numericColumn('x', x), categoricalColumn('y', x.map((v) => (v > 50 ? 'yes' : 'no'))));
    const rows = Uint32Array.from({ length: 200 }, (_, i) => i);
    const parts = { train: rows.filter((i) => i % 2 === 0), validation: rows.filter((i) => i % 2 === 1), folds: PARTS.folds };
    const request = { ...requestFor('knn', { k: 3 }), steps: [] };
    let calls = 0;
    const run = await trainCandidate(table, parts, request, { shouldStop: () => ++calls >= 2 });
    const unscored = { value: null, reason: 'stopped before the validation rows were scored' };
    const full = await trainCandidate(table, parts, { ...request, crossValidate: false });
    expect({ stopped: run.stopped, metrics: run.metrics, calls, model: run.model })
      .toEqual({ stopped: true, metrics: { validation: { accuracy: unscored, 'roc-auc': unscored }, cv: null }, calls: 2, model: full.model });
    expect(await scoreFold(table, { train: parts.train, validation: parts.validation }, 0, request, { shouldStop: () => true })).toBeNull();
  });

  it('NaN into a family without missing support is the family\'s ModelSpecError', async () => {
    await expect(trainCandidate(TABLE, PARTS, { ...requestFor('knn'), steps: [] })).rejects.toMatchObject({ name: 'ModelSpecError' });
  });
});

describe('rescoreRun', () => {
  it('a run rebuilt from its stored JSON scores the validation rows exactly as when it was trained', async () => {
    const run = await trainCandidate(TABLE, PARTS, { ...requestFor('gradient_boosting', { maxIter: 5, minSamplesLeaf: 1 }), crossValidate: false });
    const stored = structuredClone(run);
    expect(rescoreRun(TABLE, PARTS.validation, stored, PROBLEM)).toEqual(run.metrics.validation);
  });
});
