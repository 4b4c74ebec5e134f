import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../random/prng';
import type { FeatureMatrix, FitContext, Hyperparameters, ModelFamily, Target } from '../../types';
import { readFixture, selectFixture } from '../fixtures/read-fixture';
import { randomForestFamily } from '../forest/random-forest';
import { decisionTreeFamily } from './decision-tree';

// Pins the CART builder's models to the ones the previous builder made (per-node quicksort of the values
// gathered from the row-major matrix, before ranked columns, radix sorts and node-ordered rows): SHA-256 of each
// fitted model's JSON, recorded with that builder on 2026-12-07. Same seed → the same splits, thresholds, leaf
// values, covers, importances and OOB score to the bit; if a digest moves, the model did.

/** Rounded normals (many ties, as the trees benchmark's data) and a binary or continuous target. */
function makeTiedData(rows: number, cols: number, seed: number, regression: boolean): { X: FeatureMatrix; y: Target } {
  const random = createRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const values = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < cols; f++) values[i * cols + f] = Math.round(gauss() * 50) / 50;
    const signal = values[i * cols] - 0.7 * values[i * cols + 1] + values[i * cols + 2] * values[i * cols + 3] + 0.5 * gauss();
    y[i] = regression ? signal : signal > 0 ? 1 : 0;
  }
  const X = { values, rows, cols, featureNames: Array.from({ length: cols }, (_, f) => `x${f}`) };
  return { X, y: regression ? { values: y } : { values: y, classes: ['no', 'yes'] } };
}

async function digestFit(family: ModelFamily, X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<string> {
  const model = await family.fit(X, y, params, ctx);
  return createHash('sha256').update(JSON.stringify(model.toJSON())).digest('hex').slice(0, 16);
}

describe('CART models pinned to the previous builder', () => {
  const cancer = readFixture('breast-cancer');
  const cancerTrain = selectFixture(cancer, cancer.train);
  const penguins = readFixture('penguins-complete');
  const penguinTrain = selectFixture(penguins, penguins.train, 4);
  const cars = readFixture('cars');
  const carTrain = selectFixture(cars, cars.train.filter((row) => cars.X.slice(row * cars.cols, (row + 1) * cars.cols).every((v) => v !== null)));
  const tied = makeTiedData(3000, 8, 3, false);
  const tiedRegression = makeTiedData(1500, 6, 4, true);
  const weights = Float64Array.from({ length: cancerTrain.X.rows }, (_, i) => 0.25 + ((i * 37) % 11) / 4);

  it('decision trees: gini, entropy with limits, regression, fractional sample weights', async () => {
    const digests = [
      await digestFit(decisionTreeFamily, cancerTrain.X, cancerTrain.y, {}, { seed: 0 }),
      await digestFit(decisionTreeFamily, cancerTrain.X, cancerTrain.y, { criterion: 'entropy', maxDepth: 4, minSamplesLeaf: 5, maxFeatures: 'sqrt' }, { seed: 3 }),
      await digestFit(decisionTreeFamily, carTrain.X, carTrain.y, { minSamplesSplit: 4 }, { seed: 1 }),
      await digestFit(decisionTreeFamily, cancerTrain.X, cancerTrain.y, { maxFeatures: 'log2' }, { seed: 5, sampleWeights: weights }),
      await digestFit(decisionTreeFamily, tied.X, tied.y, {}, { seed: 2 }),
    ];
    expect(digests).toEqual(PINNED.trees);
  });

  it('random forests: multiclass, tied binary data, regression, weights, no bootstrap', async () => {
    const digests = [
      await digestFit(randomForestFamily, penguinTrain.X, penguinTrain.y, { nEstimators: 10 }, { seed: 2 }),
      await digestFit(randomForestFamily, tied.X, tied.y, { nEstimators: 6, criterion: 'entropy' }, { seed: 9 }),
      await digestFit(randomForestFamily, tiedRegression.X, tiedRegression.y, { nEstimators: 4, minSamplesLeaf: 3 }, { seed: 1 }),
      await digestFit(randomForestFamily, carTrain.X, carTrain.y, { nEstimators: 5 }, { seed: 4 }),
      await digestFit(randomForestFamily, cancerTrain.X, cancerTrain.y, { nEstimators: 5, bootstrap: false, maxFeatures: 'fraction', maxFeaturesFraction: 0.3 }, { seed: 6, sampleWeights: weights }),
    ];
    expect(digests).toEqual(PINNED.forests);
  });
});

const PINNED = {
  trees: ['4f36c9331ab3944a', 'db833c84f868d0cb', 'c90b1965f1e8a6ca', 'a8414f93299d382f', '93b05756d83f5662'],
  forests: ['e4819cf4854ba501', '2509c2df0ef3c202', 'df56eff73bdcdfb1', 'fc414a76525ded7f', '7b0240e7ba534e39'],
};
