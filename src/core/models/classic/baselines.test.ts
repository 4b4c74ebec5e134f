// Baselines against hand-computed values (scikit-learn DummyClassifier / DummyRegressor semantics).

import { describe, expect, it } from 'vitest';
import { classPriorFamily, meanFamily, medianFamily, mostFrequentFamily } from './baselines';

const X = { values: Float64Array.from([1, 2, 3, 4, 5]), rows: 5, cols: 1, featureNames: ['x'] };
const X2 = { values: Float64Array.from([9, 9]), rows: 2, cols: 1, featureNames: ['x'] };
const classes = { values: Float64Array.from([0, 1, 1, 2, 1]), classes: ['a', 'b', 'c'] };
const numbers = { values: Float64Array.from([3, 1, 10, 2, 4]) };
const ctx = { seed: 1 };

describe('baselines', () => {
  it('most_frequent predicts the majority class with a one-hot probability', async () => {
    const model = await mostFrequentFamily.fit(X, classes, {}, ctx);
    expect([model.predict(X2), model.predictProba!(X2), model.info]).toEqual([
      Float64Array.from([1, 1]),
      Float64Array.from([0, 1, 0, 0, 1, 0]),
      { classPriors: [0.2, 0.6, 0.2] },
    ]);
  });

  it('class_prior predicts the class shares, weighted by sample weights', async () => {
    const model = await classPriorFamily.fit(X, classes, {}, { seed: 1, sampleWeights: Float64Array.from([3, 1, 1, 0, 1]) });
    expect(model.predictProba!(X2)).toEqual(Float64Array.from([0.5, 0.5, 0, 0.5, 0.5, 0]));
    expect(model.predict(X2)).toEqual(Float64Array.from([0, 0]));
  });

  it('mean and median predict the training constant', async () => {
    const mean = await meanFamily.fit(X, numbers, {}, ctx);
    const median = await medianFamily.fit(X, numbers, {}, ctx);
    const evenMedian = await medianFamily.fit(X2, { values: Float64Array.from([1, 4]) }, {}, ctx);
    expect([mean.predict(X2), median.predict(X2), evenMedian.predict(X2)]).toEqual([Float64Array.from([4, 4]), Float64Array.from([3, 3]), Float64Array.from([2.5, 2.5])]);
  });

  it('round-trips through JSON and rejects the wrong task or a single class', async () => {
    const model = await classPriorFamily.fit(X, classes, {}, ctx);
    const restored = classPriorFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predictProba!(X2)).toEqual(model.predictProba!(X2));
    await expect(meanFamily.fit(X, classes, {}, ctx)).rejects.toThrow('mean does not support multiclass targets; it supports regression. Pick another model or target.');
    await expect(mostFrequentFamily.fit(X, { values: new Float64Array(5), classes: ['a', 'b'] }, {}, ctx)).rejects.toThrow(/the target has one class \("a"\)/);
    await expect(meanFamily.fit(X, { values: Float64Array.from([1, 2, NaN, 4, 5]) }, {}, ctx)).rejects.toThrow(
      'mean: target value NaN at row 3 is missing or not a class index; filter out or impute rows with a missing target.',
    );
  });
});
