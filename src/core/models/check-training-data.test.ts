import { describe, expect, it } from 'vitest';
import { assertNoMissing, assertTarget } from './check-training-data';

const X = { values: Float64Array.of(1, 2, 3, NaN), rows: 2, cols: 2, featureNames: ['a', 'b'] };

describe('assertTarget', () => {
  it('accepts two classes present and a finite regression target', () => {
    expect(() => assertTarget('m', X, { values: Float64Array.of(0, 1), classes: ['no', 'yes'] })).not.toThrow();
    expect(() => assertTarget('m', X, { values: Float64Array.of(0.5, 7) })).not.toThrow();
  });

  it('names each problem and what to do', () => {
    const messages = [
      () => assertTarget('m', { ...X, rows: 0, values: new Float64Array(0) }, { values: new Float64Array(0) }),
      () => assertTarget('m', X, { values: Float64Array.of(1) }),
      () => assertTarget('m', X, { values: Float64Array.of(0, NaN) }),
      () => assertTarget('m', X, { values: Float64Array.of(0, 2), classes: ['no', 'yes'] }),
      () => assertTarget('m', X, { values: Float64Array.of(1, 1), classes: ['no', 'yes'] }),
    ].map((fit) => { try { fit(); return null; } catch (error) { return (error as Error).message; } });
    expect(messages).toEqual([
      'm: the training set has no rows; check the split and filters.',
      'm: 1 target values for 2 feature rows; they must match.',
      'm: target value NaN at row 2 is missing or not a class index; filter out or impute rows with a missing target.',
      'm: target value 2 at row 2 is missing or not a class index; filter out or impute rows with a missing target.',
      'm: the target has one class ("yes") in the training rows; a classifier needs at least two. Check the filter or the split.',
    ]);
  });
});

describe('assertNoMissing', () => {
  it('names the first feature with a missing value and its row (from 1)', () => {
    expect(() => assertNoMissing('m', X)).toThrow('m cannot take missing values, but feature "b" has one (row 2); add an impute step in Prepare, or use gradient boosting, which takes missing values as they are.');
    expect(() => assertNoMissing('m', { ...X, values: Float64Array.of(1, 2, 3, 4) })).not.toThrow();
  });
});
