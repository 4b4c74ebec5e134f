// Parity with scikit-learn's MLPClassifier / MLPRegressor (fixtures/mlp-reference.json, made by
// scripts/reference/neural_reference.py) on the classic fixtures' datasets. Networks differ by initialisation,
// so ours is compared with the mean over sklearn's seeds: accuracy ± 0.03, R² ± 0.05.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import breastCancer from '../classic/fixtures/breast-cancer.json';
import cars from '../classic/fixtures/cars.json';
import diabetes from '../classic/fixtures/diabetes.json';
import { splitFixture, type FixtureData } from '../classic/fixtures/split-fixture';
import reference from './fixtures/mlp-reference.json';
import { neuralNetworkFamily } from './neural-network';

const DATA: Record<string, FixtureData> = { 'breast-cancer': breastCancer.data, cars: cars.data, diabetes: diabetes.data };

function computeAccuracy(predicted: Float64Array, actual: Float64Array): number {
  return predicted.reduce((s, v, i) => s + (v === actual[i] ? 1 : 0), 0) / actual.length;
}

function computeR2(predicted: Float64Array, actual: Float64Array): number {
  const mean = actual.reduce((s, v) => s + v, 0) / actual.length;
  const residual = predicted.reduce((s, v, i) => s + (v - actual[i]) ** 2, 0);
  return 1 - residual / actual.reduce((s, v) => s + (v - mean) ** 2, 0);
}

beforeAll(async () => {
  await tf.setBackend('wasm'); // ~4× the cpu backend in Node; same maths
});

describe('neural network parity with scikit-learn', () => {
  for (const c of reference.cases) {
    it(`${c.dataset}: ${c.metric} within ${c.metric === 'r2' ? 0.05 : 0.03} of sklearn's seed mean ${c.mean}`, async () => {
      const { train, test } = splitFixture(DATA[c.dataset]);
      const params = { layers: c.hidden.length, units: c.hidden[0], activation: c.activation, learning_rate: c.learningRate, batch_size: c.batchSize, epochs: c.epochs, patience: 0 };
      const model = await neuralNetworkFamily.fit(train.X, train.y, params, { seed: 0 });
      const ours = c.metric === 'r2' ? computeR2(model.predict(test.X), test.y.values) : computeAccuracy(model.predict(test.X), test.y.values);
      const tolerance = c.metric === 'r2' ? 0.05 : 0.03;
      expect({ dataset: c.dataset, close: Math.abs(ours - c.mean) <= tolerance, ours: Math.round(ours * 1000) / 1000 }).toEqual({ dataset: c.dataset, close: true, ours: expect.any(Number) });
    }, 60_000);
  }
});
