// Parity with scikit-learn 1.2 KNeighborsClassifier / KNeighborsRegressor (brute) on breast-cancer, wine, cars
// and diabetes: fixtures from scripts/reference/classic_reference.py.

import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../errors';
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

  it('loads a model stored before the search index existed (rows only) and predicts as before', () => {
    // The JSON a kNN run stored before this version: state is the training rows and targets, nothing else.
    const stored = { formatVersion: 1 as const, kind: 'knn', task: 'binary' as const, params: { k: 3, weights: 'distance', metric: 'manhattan' }, featureNames: ['x'], classes: ['a', 'b'], state: { X: [0, 1, 2, 10, 11], y: [0, 0, 1, 1, 1] } };
    const model = knnFamily.fromJSON(stored);
    // Query 1.5: rows 1 and 2 at 0.5 each, then row 0 at 1.5 (weights 2, 2, 2/3).
    expect({ proba: model.predictProba!({ values: Float64Array.of(1.5), rows: 1, cols: 1, featureNames: ['x'] }), json: model.toJSON() })
      .toEqual({ proba: Float64Array.of((2 + 2 / 3) / (4 + 2 / 3), 2 / (4 + 2 / 3)), json: stored });
  });

  it('throws on a missing value at predict time, naming the feature', async () => {
    const model = await knnFamily.fit(X, y, { k: 2 }, { seed: 1 });
    expect(() => model.predict({ values: Float64Array.of(1, NaN), rows: 2, cols: 1, featureNames: ['x'] }))
      .toThrow('knn cannot take missing values, but feature "x" has one (row 2)');
  });
});

describe('knn predictInBlocks', () => {
  // 200 rows of 20 features (brute force: 64 queries per block) and of 4 (k-d tree: 16 queries per block).
  const makeData = (cols: number) => {
    const values = Float64Array.from({ length: 200 * cols }, (_, i) => Math.sin(i * 12.9898) * 43.758 % 3);
    return { X: { values, rows: 200, cols, featureNames: Array.from({ length: cols }, (_, j) => `x${j}`) }, y: Float64Array.from({ length: 200 }, (_, i) => (values[i * cols] > 0 ? 1 : 0) + (i % 7 === 0 ? 1 : 0)) };
  };

  it.each([20, 4])('gives predict and predictProba in one pass (%i features)', async (cols) => {
    const { X, y: values } = makeData(cols);
    const classifier = await knnFamily.fit(X, { values, classes: ['a', 'b', 'c'] }, { k: 6, weights: 'distance' }, { seed: 1 });
    const regressor = await knnFamily.fit(X, { values }, { k: 6 }, { seed: 1 });
    expect({ classifier: await classifier.predictInBlocks!(X), regressor: await regressor.predictInBlocks!(X) })
      .toEqual({ classifier: { predictions: classifier.predict(X), proba: classifier.predictProba!(X) }, regressor: { predictions: regressor.predict(X), proba: null } });
  });

  it('rejects with an AbortError at the block after a stop, without finishing the rest', async () => {
    const { X, y: values } = makeData(20);
    const model = await knnFamily.fit(X, { values, classes: ['a', 'b', 'c'] }, { k: 6 }, { seed: 1 });
    let asked = 0;
    const error = await model.predictInBlocks!(X, { shouldStop: () => ++asked === 2 }).catch((e: unknown) => e);
    const controller = new AbortController();
    controller.abort();
    const aborted = await model.predictInBlocks!(X, { signal: controller.signal }).catch((e: unknown) => e);
    // 200 queries are 4 blocks of 64: the stop at the second question leaves blocks 2–4 undone.
    expect({ stopped: isAbortError(error), asked, aborted: isAbortError(aborted) }).toEqual({ stopped: true, asked: 2, aborted: true });
  });
});

