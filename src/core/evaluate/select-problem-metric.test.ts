import { describe, expect, it } from 'vitest';
import { computeProblemMetric, readProbabilityColumn, selectProblemMetric } from './select-problem-metric';

// Four rows, class 1 positive; the probabilities rank every positive above every negative; one false positive.
const OUTPUTS = {
  yTrue: Float64Array.of(0, 0, 1, 1),
  yPred: Float64Array.of(0, 1, 1, 1),
  proba: Float64Array.of(0.9, 0.1, 0.4, 0.6, 0.35, 0.65, 0.2, 0.8),
  classCount: 2,
  positive: 1,
};

describe('selectProblemMetric', () => {
  it('names the input each metric reads', () => {
    const inputs = (['accuracy', 'f1', 'roc-auc', 'pr-auc', 'log-loss', 'rmse'] as const).map((id) => selectProblemMetric(id, 2, 1)?.input);
    expect(inputs).toEqual(['predictions', 'predictions', 'positive-score', 'positive-score', 'probabilities', 'predictions']);
    expect(selectProblemMetric('roc-auc', 3, 1)?.input).toBe('probabilities');
    expect(selectProblemMetric('silhouette', 0, 1)).toBeNull();
  });
});

describe('computeProblemMetric', () => {
  it('computes each metric from the right output (checked by hand)', () => {
    expect(['accuracy', 'precision', 'roc-auc', 'pr-auc'].map((id) => computeProblemMetric(id as 'accuracy', OUTPUTS).value)).toEqual([0.75, 2 / 3, 1, 1]);
    expect(computeProblemMetric('log-loss', OUTPUTS).value).toBeCloseTo(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.65) + Math.log(0.8)) / 4, 12); // each row's probability of its true class
  });

  it('says why instead of a number when probabilities are missing or the metric is for clustering', () => {
    expect(computeProblemMetric('roc-auc', { ...OUTPUTS, proba: null })).toEqual({ value: null, reason: 'this model gives no probabilities' });
    expect(computeProblemMetric('silhouette', OUTPUTS)).toEqual({ value: null, reason: 'a clustering metric; supervised models are not scored with it' });
  });

  it('reads one class column of row-major probabilities', () => {
    expect(readProbabilityColumn(OUTPUTS.proba, 2, 0)).toEqual(Float64Array.of(0.9, 0.4, 0.35, 0.2));
  });
});
