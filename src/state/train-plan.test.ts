import { describe, expect, it } from 'vitest';
import type { TrainCandidateSpec } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import type { TrainedRun } from '../core/train/types';
import { attachFolds } from '../core/train/plan-training';
import { buildCurveLines, describeIterations, formatCvScore, formatValidationScore, listLeaderboardMetrics, setCandidateParam, thinCurve } from './train-plan';

const PROBLEM: ProblemSpec = { target: 'y', task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'roc-auc'] };

function runWith(metrics: TrainedRun['metrics']): TrainedRun {
  return { id: 'r', trainedAt: 1, metrics } as TrainedRun;
}

describe('attachFolds and the leaderboard scores', () => {
  it('adds the CV summary of the scored folds; validation and CV show in their own columns', () => {
    const run = attachFolds(runWith({ validation: { 'roc-auc': { value: 0.9 } }, cv: null }), [{ 'roc-auc': { value: 0.8 } }, { 'roc-auc': { value: 1 } }, null], PROBLEM);
    expect(run.metrics.cv).toEqual({
      folds: 3, completed: 2,
      metrics: { 'roc-auc': { mean: 0.9, std: 0.09999999999999998, values: [0.8, 1] }, accuracy: { mean: null, std: null, values: [null, null] } },
    });
    expect([formatCvScore(run, 'roc-auc'), formatCvScore(run, 'accuracy'), formatValidationScore(run, 'roc-auc')]).toEqual(['0.9000 ± 0.1000', '—', '0.9000']);
    const plain = runWith({ validation: { accuracy: { value: 0.75 } }, cv: null });
    expect([formatValidationScore(plain, 'accuracy'), formatCvScore(plain, 'accuracy')]).toEqual(['0.7500', '—']);
  });
});

describe('listLeaderboardMetrics, buildCurveLines, describeIterations', () => {
  it('names the primary metric first, without repeats', () => {
    expect(listLeaderboardMetrics(PROBLEM)).toEqual([{ id: 'roc-auc', name: 'ROC-AUC' }, { id: 'accuracy', name: 'Accuracy' }]);
  });

  it('draws one line per metric', () => {
    expect(buildCurveLines([{ iteration: 1, metrics: { trainLoss: 0.6 } }, { iteration: 2, metrics: { trainLoss: 0.5, validationLoss: 0.55 } }])).toEqual([
      { name: 'training loss', x: [1, 2], y: [0.6, 0.5] },
      { name: 'validation loss', x: [2], y: [0.55] },
    ]);
  });

  it('thins a live curve to evenly spaced points, first and last kept, always as a new array', () => {
    const points = Array.from({ length: 11 }, (_, i) => i);
    const short = [1, 2];
    expect({ thinned: thinCurve(points, 4), all: thinCurve(points, 20), copy: thinCurve(short) !== short, long: thinCurve(Array.from({ length: 2000 }, (_, i) => i)).length })
      .toEqual({ thinned: [0, 3, 7, 10], all: points, copy: true, long: 200 });
  });

  it('calls iterations trees, epochs or iterations', () => {
    expect(['ensemble', 'neural', 'linear'].map(describeIterations)).toEqual(['trees', 'epochs', 'iterations']);
  });
});

describe('setCandidateParam', () => {
  it('sets a ticked family\'s parameter and ticks an unticked family with it', () => {
    const candidates: TrainCandidateSpec[] = [{ family: 'kmeans', params: { k: 3, n_init: 5 } }, { family: 'pca', params: {} }];
    expect([setCandidateParam(candidates, 'kmeans', 'k', 4), setCandidateParam([{ family: 'pca', params: {} }], 'kmeans', 'k', 6)]).toEqual([
      [{ family: 'kmeans', params: { k: 4, n_init: 5 } }, { family: 'pca', params: {} }],
      [{ family: 'pca', params: {} }, { family: 'kmeans', params: { k: 6 } }],
    ]);
  });
});
