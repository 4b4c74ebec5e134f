import { describe, expect, it } from 'vitest';
import { clampRow, describeAdditivity, describeOutputSpace, describeProgress } from './explain-report';

describe('explain report', () => {
  it('describes the output space, progress and additivity (✓ within 1e-6, else the gap)', () => {
    expect([describeOutputSpace('margin', { index: 1, label: 'yes' }), describeOutputSpace('probability', { index: 0, label: 'no' }), describeOutputSpace('value', null)])
      .toEqual(['log-odds margin of “yes”', 'probability of “no”', 'predicted value']);
    expect([describeProgress(null), describeProgress({ stage: 'importance', done: 3, total: 30 }), describeProgress({ stage: 'shap', done: 10, total: 200 })])
      .toEqual(['Starting…', 'Permutation importance: 3 of 30 features', 'SHAP values: 10 of 200 rows']);
    expect(describeAdditivity(0.25, 0.5, 0.75 + 1e-9)).toBe('base 0.2500 + contributions 0.5000 = 0.7500 = prediction 0.7500 ✓');
    expect(describeAdditivity(0.25, 0.5, 0.76)).toBe('base 0.2500 + contributions 0.5000 = 0.7500, but the prediction is 0.7600 (off by 1.0e-2) ✗');
    expect(describeAdditivity(0.25, NaN, 0.76)).toBe('The model returned a non-finite output for this row; its SHAP values cannot be checked.');
  });

  it('keeps the picked row within the explained rows', () => {
    expect([clampRow(5, 2), clampRow(-1, 2), clampRow(1, 2), clampRow(3, 0)]).toEqual([1, 0, 1, 0]);
  });
});
