// The network with every hyperparameter at its default (batch size and epochs 'auto', early stopping on the
// validation loss) on data nobody prepared: iris (classic/fixtures/iris.json, raw centimetres, from
// scripts/reference/classic_reference.py) and house prices with raw features and a target in the 10,000s
// (fixtures/house-prices.json, scripts/reference/neural_defaults_reference.py). Before the defaults scaled
// with the data (50 epochs at batch 256 = 50 steps) iris reached 0.82 and the houses R² −53.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAccuracy, computeR2 } from '../../evaluate';
import iris from '../classic/fixtures/iris.json';
import { splitFixture, type FixtureData } from '../classic/fixtures/split-fixture';
import houses from './fixtures/house-prices.json';
import { neuralNetworkFamily } from './neural-network';

beforeAll(async () => {
  await tf.setBackend('wasm'); // ~4× the cpu backend in Node; same maths
});

describe('neural network defaults on unprepared data', () => {
  it('iris: ≥ 0.93 validation accuracy, ended by early stopping without a warning', async () => {
    const { train, test } = splitFixture(iris.data as FixtureData);
    const model = await neuralNetworkFamily.fit(train.X, train.y, {}, { seed: 0, validation: test });
    const accuracy = computeAccuracy(test.y.values, model.predict(test.X)).value ?? 0;
    expect({ good: accuracy >= 0.93, batchSize: model.info.batchSize, epochs: model.info.epochs, stoppedEarly: (model.info.epochsRun as number) < 429, warnings: model.warnings })
      .toEqual({ good: true, batchSize: 16, epochs: 429, stoppedEarly: true, warnings: [] });
  }, 60_000);

  it(`house prices (target ${Math.min(...houses.data.y)}–${Math.max(...houses.data.y)}, raw features): R² above 0 and near linear regression's`, async () => {
    const { train, test } = splitFixture(houses.data as FixtureData);
    const model = await neuralNetworkFamily.fit(train.X, train.y, {}, { seed: 0, validation: test });
    const r2 = computeR2(test.y.values, model.predict(test.X)).value ?? -Infinity;
    // sklearn's MLPRegressor with its defaults on these raw features: R² ≈ −2 (fixture); LinearRegression 0.913.
    expect({ positive: r2 > 0, nearLinear: r2 > houses.reference.linearRegressionR2 - 0.05, warnings: model.warnings }).toEqual({ positive: true, nearLinear: true, warnings: [] });
  }, 60_000);
});
