import { describe, expect, it } from 'vitest';
import type { TrainedRun } from '../train/types';
import { buildCompareBoard, describePickProblem, listRunMetrics, resolvePicks } from './build-compare-board';

function runOf(id: string, family: string, auc: number | null, logLoss: number, folds?: (number | null)[]): TrainedRun {
  return {
    id, family, label: family, baseline: family === 'most_frequent', stopped: false, durationMs: 1200, trainedAt: 1,
    metrics: {
      validation: { 'roc-auc': auc === null ? { value: null, reason: 'this model gives no probabilities' } : { value: auc }, 'log-loss': { value: logLoss } },
      cv: folds ? { folds: folds.length, completed: folds.length, metrics: { 'roc-auc': { mean: null, std: null, values: folds } } } : null,
    },
  } as TrainedRun;
}

const runs = [
  runOf('lr', 'logistic_regression', 0.95, 0.2, [0.94, 0.96]),
  runOf('base', 'most_frequent', null, 0.66),
  runOf('gb', 'gradient_boosting', 0.97, 0.25, [0.9, null]),
];

describe('buildCompareBoard', () => {
  it('one column per metric the runs have, primary first; rows ranked on the primary validation score, missing last with its reason', () => {
    const board = buildCompareBoard(runs, 'roc-auc', null, 'validation');
    expect(board.metrics).toEqual([{ id: 'roc-auc', name: 'ROC-AUC', direction: 'higher' }, { id: 'log-loss', name: 'Log loss', direction: 'lower' }]);
    expect(board.rows.map((r) => [r.runId, r.rank, r.baseline, r.reason])).toEqual([
      ['gb', 1, false, null], ['lr', 2, false, null], ['base', null, true, 'this model gives no probabilities'],
    ]);
    expect(board.rows[1]).toEqual({
      runId: 'lr', label: 'logistic_regression', family: 'logistic_regression', baseline: false, stopped: false, rank: 2, durationMs: 1200, backend: null, reason: null,
      cells: [
        { metric: 'roc-auc', validation: 0.95, cvMean: 0.95, cvStd: 0.010000000000000009, validationReason: null, cvReason: null },
        { metric: 'log-loss', validation: 0.2, cvMean: null, cvStd: null, validationReason: null, cvReason: 'Log loss was not scored on the CV folds' },
      ],
    });
  });

  it('sorts on a clicked column in its direction (log loss: lower first) and ranks by CV mean on request', () => {
    expect(buildCompareBoard(runs, 'roc-auc', 'log-loss', 'validation').rows.map((r) => [r.runId, r.rank])).toEqual([['lr', 1], ['gb', 2], ['base', 3]]);
    const cv = buildCompareBoard(runs, 'roc-auc', 'roc-auc', 'cv');
    expect(cv.rows.map((r) => [r.runId, r.rank, r.reason])).toEqual([
      ['lr', 1, null], ['base', null, 'trained without cross-validation'], ['gb', null, 'fold 2 of 2 has no ROC-AUC'],
    ]);
    // A column no run has falls back to the primary metric.
    expect(buildCompareBoard(runs, 'roc-auc', 'rmse', 'validation').sortBy).toBe('roc-auc');
  });

  it('lists metrics from validation and CV entries in registry order after the primary', () => {
    expect(listRunMetrics(runs, 'log-loss')).toEqual(['log-loss', 'roc-auc']);
    expect(listRunMetrics([], 'accuracy')).toEqual(['accuracy']);
  });
});

describe('resolvePicks', () => {
  const board = buildCompareBoard(runs, 'roc-auc', null, 'validation');

  it('defaults to the best two rows, keeps valid picks, replaces picks of deleted runs', () => {
    expect(resolvePicks(board, null, null)).toEqual({ runA: 'gb', runB: 'lr' });
    expect(resolvePicks(board, 'base', 'lr')).toEqual({ runA: 'base', runB: 'lr' });
    expect(resolvePicks(board, 'deleted', 'gb')).toEqual({ runA: 'lr', runB: 'gb' });
    expect(resolvePicks(buildCompareBoard(runs.slice(0, 1), 'roc-auc', null, 'validation'), null, null)).toEqual({ runA: 'lr', runB: null });
  });

  it('refuses one run, no runs, and the same run twice', () => {
    expect(describePickProblem(board, 'gb', 'lr')).toBeNull();
    expect(describePickProblem(board, 'gb', 'gb')).toBe('A and B are both “gradient_boosting”: pick two different runs to compare.');
    expect(describePickProblem(buildCompareBoard(runs.slice(0, 1), 'roc-auc', null, 'validation'), 'lr', null)).toBe('Train at least two models to compare: the Train cell above has one run.');
    expect(describePickProblem(buildCompareBoard([], 'roc-auc', null, 'validation'), null, null)).toBe('Train at least two models to compare: the Train cell above has no runs.');
  });
});
