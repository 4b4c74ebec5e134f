// Parity with scikit-learn 1.2 KNeighborsClassifier / KNeighborsRegressor (brute) on breast-cancer, wine, cars
// and diabetes: fixtures from scripts/reference/classic_reference.py.

import { describe, expect, it } from 'vitest';
import { computeAccuracy, computeR2 } from '../../evaluate';
import breastCancer from './fixtures/breast-cancer.json';
import cars from './fixtures/cars.json';
import diabetes from './fixtures/diabetes.json';
import knnClassification from './fixtures/knn-classification.json';
import { splitFixture, type FixtureData } from './fixtures/split-fixture';
import wine from './fixtures/wine.json';
import { knnFamily } from './knn';

type ClassReference = { params: Record<string, string | number>; accuracy: number; predictions: number[] };
type RegressionReference = { params: Record<string, string | number>; r2: number; predictions: number[] };

describe('knn matches scikit-learn', () => {
  it.each([
    ['breast-cancer', breastCancer.data, 'uniform'],
    ['breast-cancer', breastCancer.data, 'distance-manhattan'],
    ['wine', wine.data, 'uniform'],
    ['wine', wine.data, 'distance'],
  ] as const)('classification on %s, %s', async (name, data, key) => {
    const reference = (knnClassification as Record<string, Record<string, ClassReference>>)[name][key];
    const { train, test } = splitFixture(data as FixtureData);
    const model = await knnFamily.fit(train.X, train.y, reference.params, { seed: 1 });
    const predictions = model.predict(test.X);
    expect({ predictions: Array.from(predictions), accuracy: computeAccuracy(test.y.values, predictions).value }).toEqual({
      predictions: reference.predictions,
      accuracy: reference.accuracy,
    });
  });

  it.each([
    [cars, 'uniform'],
    [cars, 'distance-manhattan'],
    [diabetes, 'distance'],
  ] as const)('regression %#', async (fixture, key) => {
    const reference = (fixture.knn as Record<string, RegressionReference>)[key];
    const { train, test } = splitFixture(fixture.data as FixtureData);
    const model = await knnFamily.fit(train.X, train.y, reference.params, { seed: 1 });
    const predictions = model.predict(test.X);
    const maxError = Math.max(...Array.from(predictions, (p, i) => Math.abs(p - reference.predictions[i])));
    expect({ maxError: maxError < 1e-9, r2: Math.abs((computeR2(test.y.values, predictions).value ?? NaN) - reference.r2) < 1e-9 }).toEqual({ maxError: true, r2: true });
  });
});

describe('knn details', () => {
  const X = { values: Float64Array.from([0, 1, 2, 10, 11]), rows: 5, cols: 1, featureNames: ['x'] };
  const y = { values: Float64Array.from([0, 0, 1, 1, 1]), classes: ['a', 'b'] };

  it('gives a zero-distance neighbour all the weight, and breaks distance ties by the earlier row', async () => {
    const model = await knnFamily.fit(X, y, { k: 3, weights: 'distance' }, { seed: 1 });
    const queries = { values: Float64Array.from([2, 1.5]), rows: 2, cols: 1, featureNames: ['x'] };
    // Query 1.5: rows 1 and 2 at 0.5 each, then row 0 at 1.5 (weights 2, 2, 2/3).
    expect(model.predictProba!(queries)).toEqual(Float64Array.from([0, 1, (2 + 2 / 3) / (4 + 2 / 3), 2 / (4 + 2 / 3)]));
  });

  it('round-trips through JSON and throws when k exceeds the rows', async () => {
    const model = await knnFamily.fit(X, y, { k: 2 }, { seed: 1 });
    const restored = knnFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predictProba!(X)).toEqual(model.predictProba!(X));
    await expect(knnFamily.fit(X, y, { k: 6 }, { seed: 1 })).rejects.toThrow('knn: k = 6 is larger than the 5 training rows; choose k ≤ 5.');
  });
});
