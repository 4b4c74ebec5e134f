import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../core/train/types';
import { compareMetrics, diffParams, nameRuns, overlayCurves } from './run-comparison';

function runOf(summary: Partial<RunSummary>): RunSummary {
  return {
    id: 'r', family: 'knn', label: 'knn', baseline: false, params: {}, task: 'binary', seed: 1, primaryMetric: 'accuracy',
    metrics: { validation: {}, cv: null }, curve: [], durationMs: 1, trainedAt: 0, stopped: false, featureNames: [], info: {}, ...summary,
  } as RunSummary;
}

const LOGISTIC = runOf({
  family: 'logistic_regression', label: 'logistic regression', params: { C: 1, maxIterations: 100 },
  metrics: { validation: { accuracy: { value: 0.9 }, 'log-loss': { value: 0.31234 } }, cv: { folds: 3, completed: 3, metrics: { accuracy: { mean: 0.88, std: 0.01, values: [0.87, 0.88, 0.89] } } } },
  curve: [{ iteration: 1, total: 2, metrics: { trainLoss: 0.6 } }, { iteration: 2, total: 2, metrics: { trainLoss: 0.4 } }],
});
const BOOSTING = runOf({
  family: 'gradient_boosting', label: 'gradient boosting', params: { maxIterations: 100, learningRate: 0.1 },
  metrics: { validation: { accuracy: { value: 0.95 } }, cv: null },
  curve: [{ iteration: 1, total: 1, metrics: { trainLoss: 0.5, validationLoss: Number.NaN } }],
});

describe('diffParams', () => {
  it('lists family and every parameter, marking only those whose values differ', () => {
    expect(diffParams([LOGISTIC, BOOSTING])).toEqual([
      { name: 'family', values: ['logistic_regression', 'gradient_boosting'], differs: true },
      { name: 'C', values: ['1', '—'], differs: true },
      { name: 'learningRate', values: ['—', '0.1'], differs: true },
      { name: 'maxIterations', values: ['100', '100'], differs: false },
    ]);
  });
});

describe('compareMetrics', () => {
  it('puts the union of metrics side by side, validation and CV mean ± std, in registry order', () => {
    expect(compareMetrics([LOGISTIC, BOOSTING])).toEqual([
      { id: 'accuracy', label: 'Accuracy', direction: 'higher', validation: ['0.9000', '0.9500'], cv: ['0.8800 ± 0.0100', '—'] },
      { id: 'log-loss', label: 'Log loss', direction: 'lower', validation: ['0.3123', '—'], cv: ['—', '—'] },
    ]);
  });
});

describe('overlayCurves', () => {
  it('draws each run and curve key as a line, leaving out non-finite points', () => {
    expect(overlayCurves([LOGISTIC, BOOSTING])).toEqual([
      { name: 'logistic regression · trainLoss', x: [1, 2], y: [0.6, 0.4] },
      { name: 'gradient boosting · trainLoss', x: [1], y: [0.5] },
      { name: 'gradient boosting · validationLoss', x: [], y: [] },
    ]);
  });

  it('names runs that share a label apart', () => {
    expect(nameRuns([LOGISTIC, LOGISTIC, BOOSTING, LOGISTIC])).toEqual(['logistic regression', 'logistic regression #2', 'gradient boosting', 'logistic regression #3']);
  });
});
