// Parity of the classic families (kNN, naive Bayes, k-means, PCA): the ONNX graph in onnxruntime-node against the
// studio's predictions on the penguins, breast cancer and cars fixtures (1e-5, relative above 1).

import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../models/registry';
import { kmeansFamily } from '../../../models/classic/kmeans';
import { pcaFamily, projectWithPca } from '../../../models/classic/pca';
import { readFixture } from '../../../models/trees/fixtures/read-fixture';
import { measureLargestError, runModelOnMatrix } from '../fixtures/onnx-runtime';
import { addKmeansModel, addPcaModel } from './clustering';
import { addKnnModel } from './knn';
import { addNaiveBayesModel } from './naive-bayes';
import { expectClassifierParity, expectRegressionParity, fitStoredModel, selectRows } from '../fixtures/model-parity';

describe('classic families in ONNX', () => {
  it.each([
    ['uniform, euclidean', { k: 5 }],
    ['distance, manhattan', { k: 7, weights: 'distance', metric: 'manhattan' }],
  ])('knn classifies as the studio (penguins, breast cancer): %s', async (_, params) => {
    await expectClassifierParity(addKnnModel, 'knn', readFixture('penguins-complete'), params);
    await expectClassifierParity(addKnnModel, 'knn', readFixture('breast-cancer'), params);
  });

  it('knn regression averages as the studio (cars), inverse-distance weights', async () => {
    await expectRegressionParity(addKnnModel, 'knn', readFixture('cars'), { k: 4, weights: 'distance' });
    await expectRegressionParity(addKnnModel, 'knn', readFixture('cars'), { k: 3 });
  });

  it('knn gives a query on a training row all the weight of that row (zero distance), ties to the lower row', async () => {
    const fx = readFixture('penguins-complete');
    const json = await fitStoredModel('knn', fx, { k: 5, weights: 'distance' }, true);
    const { X } = selectRows(fx, 'train', true);
    const studio = loadModel(json).predictProba!(X);
    const onnx = await runModelOnMatrix(addKnnModel, json, X, { task: json.task, classes: json.classes! });
    expect(measureLargestError(onnx.probabilities.data, studio)).toBe(0);
  });

  it('naive_bayes: Gaussian features and a categorical one (penguins Island codes), and binary (breast cancer)', async () => {
    await expectClassifierParity(addNaiveBayesModel, 'naive_bayes', readFixture('penguins-complete'), {});
    await expectClassifierParity(addNaiveBayesModel, 'naive_bayes', readFixture('breast-cancer'), {});
  });

  it('naive_bayes sends an unseen or missing code to the unseen row', async () => {
    const fx = readFixture('penguins-complete');
    const json = await fitStoredModel('naive_bayes', fx, {}, true);
    const { X } = selectRows(fx, 'test', true);
    const island = X.featureNames.indexOf('Island');
    X.values.forEach((_, i) => i % X.cols === island && (X.values[i] = [7, -1, 2][(i / X.cols) % 3]));
    const studio = loadModel(json).predictProba!(X);
    const onnx = await runModelOnMatrix(addNaiveBayesModel, json, X, { task: json.task, classes: json.classes! });
    expect(measureLargestError(onnx.probabilities.data, studio)).toBeLessThanOrEqual(1e-5);
  });

  it('kmeans labels every row with the studio cluster and gives distances to every centre', async () => {
    const fx = readFixture('penguins-complete');
    const { X: train } = selectRows(fx, 'train', true);
    const { X } = selectRows(fx, 'test', true);
    const json = (await kmeansFamily.fit(train, { values: new Float64Array(0) }, { k: 4 }, { seed: 3 })).toJSON();
    const onnx = await runModelOnMatrix(addKmeansModel, json, X, { task: 'clustering', classes: null });
    expect(onnx.label.data.map(Number)).toEqual(Array.from(loadModel(json).predict(X)));
    expect(onnx.distances.dims).toEqual([X.rows, 4]);
    const centers = (json.state as { centers: number[] }).centers;
    const nearest = Array.from({ length: X.rows }, (_, r) => Math.sqrt(centers.slice(0, X.cols).reduce((s, c, j) => s + (X.values[r * X.cols + j] - c) ** 2, 0)));
    expect(measureLargestError(onnx.distances.data.filter((_, i) => i % 4 === 0) as number[], nearest)).toBeLessThanOrEqual(1e-9);
  });

  it('pca projects onto every kept component as the studio', async () => {
    const fx = readFixture('breast-cancer');
    const { X: train } = selectRows(fx, 'train', true);
    const { X } = selectRows(fx, 'test', true);
    const json = (await pcaFamily.fit(train, { values: new Float64Array(0) }, { n_components: 3 }, { seed: 1 })).toJSON();
    const onnx = await runModelOnMatrix(addPcaModel, json, X, { task: 'clustering', classes: null });
    expect(onnx.projection.dims).toEqual([X.rows, 3]);
    expect(measureLargestError(onnx.projection.data, projectWithPca(loadModel(json), X, 3))).toBeLessThanOrEqual(1e-5);
  });
});
