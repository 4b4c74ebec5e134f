import { describe, expect, it } from 'vitest';
import { METRICS, isMetricId, listMetricsForTask } from './metrics';

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

  it('recognises ids and rejects other strings, including inherited keys', () => {
    expect(['log-loss', 'auc', 'toString'].map(isMetricId)).toEqual([true, false, false]);
  });
});
