import { describe, expect, it } from 'vitest';
import { METRICS, isMetricId, listMetricsForTask, listReportMetrics } from './metrics';

describe('METRICS', () => {
  it('keys every entry by its own id', () => {
    expect(Object.entries(METRICS).filter(([key, info]) => key !== info.id)).toEqual([]);
  });

  it('lists the regression metrics with their directions', () => {
    expect(listMetricsForTask('regression').map((m) => [m.id, m.direction])).toEqual([
      ['rmse', 'lower'],
      ['mae', 'lower'],
      ['r2', 'higher'],
      ['mape', 'lower'],
    ]);
  });

  it('offers a Problem the metrics that are not report-only, and reports every metric of the task', () => {
    expect(listMetricsForTask('binary').map((m) => m.id)).toEqual(['roc-auc', 'pr-auc', 'accuracy', 'balanced-accuracy', 'f1', 'precision', 'recall', 'macro-f1', 'log-loss']);
    expect(listReportMetrics('regression').map((m) => [m.label, m.reportOnly])).toEqual([
      ['RMSE', false], ['MAE', false], ['R²', false], ['MAPE', false], ['MSE', true], ['Median absolute error', true], ['Explained variance', true],
    ]);
    expect(listReportMetrics('multiclass').map((m) => m.id)).toEqual([
      'roc-auc', 'accuracy', 'balanced-accuracy', 'macro-f1', 'log-loss', 'precision-macro', 'recall-macro', 'precision-weighted', 'recall-weighted', 'f1-weighted', 'mcc', 'kappa',
    ]);
  });

  it('computes every supervised metric through its input; clustering metrics are scored elsewhere', () => {
    const computable = Object.values(METRICS).filter((m) => m.compute !== null && m.input !== null).map((m) => m.id);
    expect(Object.values(METRICS).filter((m) => !computable.includes(m.id)).map((m) => m.id)).toEqual(['silhouette', 'davies-bouldin']);
    const yTrue = Float64Array.of(0, 1, 1, 0);
    expect(METRICS['roc-auc'].input!(2)).toBe('positive-score');
    expect(METRICS['roc-auc'].input!(3)).toBe('probabilities');
    expect(METRICS.brier.compute!(yTrue, Float64Array.of(0.2, 0.9, 0.6, 0.1), { classCount: 2, positive: 1 })).toEqual({ value: (0.04 + 0.01 + 0.16 + 0.01) / 4 });
  });

  it('recognises ids and rejects other strings, including inherited keys', () => {
    expect(['log-loss', 'auc', 'toString'].map(isMetricId)).toEqual([true, false, false]);
  });
});
