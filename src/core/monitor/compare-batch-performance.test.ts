import { describe, expect, it } from 'vitest';
import { compareBatchPerformance, type MetricDirection } from './compare-batch-performance';

const DIRECTION: Record<string, MetricDirection> = { accuracy: 'higher', 'log-loss': 'lower', rmse: 'lower' };
const directionOf = (metric: string) => DIRECTION[metric];

describe('compareBatchPerformance', () => {
  it('alerts when a metric gets worse than the reference by more than 5 % of it, either direction of better', () => {
    const result = compareBatchPerformance({ accuracy: 0.9, 'log-loss': 0.3 }, { accuracy: 0.8, 'log-loss': 0.31 }, directionOf, { labelOf: (m) => (m === 'accuracy' ? 'Accuracy' : m) });
    expect(result).toEqual({
      changes: [
        { metric: 'accuracy', reference: 0.9, batch: 0.8, worsening: 0.9 - 0.8, degraded: true },
        { metric: 'log-loss', reference: 0.3, batch: 0.31, worsening: 0.31 - 0.3, degraded: false }, // 3.3 % worse: within 5 %
      ],
      degraded: true,
      alerts: ['Accuracy fell from 0.9 to 0.8 on the batch (11.1111 % worse), more than the tolerance of 5 % of the reference.'],
      notes: [],
      tolerance: { value: 0.05, relative: true },
    });
  });

  it('takes an absolute tolerance in metric units; a worsening of exactly the tolerance is not an alert', () => {
    const result = compareBatchPerformance({ rmse: 2.5, accuracy: 0.83 }, { rmse: 3.1, accuracy: 0.82 }, directionOf, { tolerance: 0.01, relative: false });
    expect(result.changes.map((c) => [c.metric, c.degraded])).toEqual([['rmse', true], ['accuracy', false]]);
    expect(result.alerts).toEqual(['rmse rose from 2.5 to 3.1 on the batch (24 % worse), more than the tolerance of 0.01.']);
  });

  it('notes a reference metric the batch could not be scored on, and refuses a negative tolerance', () => {
    const result = compareBatchPerformance({ accuracy: 0.9, rmse: Number.NaN }, { 'log-loss': 0.2 }, directionOf);
    expect([result.changes, result.degraded, result.notes]).toEqual([[], false, ["accuracy could not be measured on the batch (the version's reference is 0.9)."]]);
    expect(() => compareBatchPerformance({}, {}, directionOf, { tolerance: -1 })).toThrow('The degradation tolerance must be a number ≥ 0 (got -1)');
  });
});
