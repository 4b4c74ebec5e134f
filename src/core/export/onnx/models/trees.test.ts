// Parity of the tree families (decision tree, random forest, gradient boosting) as TreeEnsemble nodes against the
// studio on the penguins (missing values, Island as codes), breast cancer and cars fixtures (1e-5, relative above 1).

import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../models/registry';
import type { SerializedModel } from '../../../models/types';
import { readFixture } from '../../../models/trees/fixtures/read-fixture';
import { addCartEnsembleModel, addGradientBoostingModel } from './trees';
import { runModelOnMatrix } from '../fixtures/onnx-runtime';
import { expectClassifierParity, expectRegressionParity } from '../fixtures/model-parity';

describe('tree families in ONNX', () => {
  it('decision_tree: multiclass, binary and regression', async () => {
    await expectClassifierParity(addCartEnsembleModel, 'decision_tree', readFixture('penguins-complete'), {});
    await expectClassifierParity(addCartEnsembleModel, 'decision_tree', readFixture('breast-cancer'), { maxDepth: 4 });
    await expectRegressionParity(addCartEnsembleModel, 'decision_tree', readFixture('cars'), {});
  });

  it('random_forest: multiclass, binary and regression', async () => {
    await expectClassifierParity(addCartEnsembleModel, 'random_forest', readFixture('penguins-complete'), { nEstimators: 25 });
    await expectClassifierParity(addCartEnsembleModel, 'random_forest', readFixture('breast-cancer'), { nEstimators: 20 });
    await expectRegressionParity(addCartEnsembleModel, 'random_forest', readFixture('cars'), { nEstimators: 20 });
  });

  it('gradient_boosting with missing values and native categorical splits: multiclass, binary, regression', async () => {
    await expectClassifierParity(addGradientBoostingModel, 'gradient_boosting', readFixture('penguins'), { maxIter: 30, minSamplesLeaf: 5 }, false);
    await expectClassifierParity(addGradientBoostingModel, 'gradient_boosting', readFixture('breast-cancer'), { maxIter: 30 }, false);
    await expectRegressionParity(addGradientBoostingModel, 'gradient_boosting', readFixture('cars'), { maxIter: 40 }, false);
  });
});

describe('TreeEnsemble routing against the studio on a hand-made boosting model', () => {
  // Four trees, one output: categorical sets with NaN going left or right, a set that holds only the missing bin,
  // a one-leaf tree, and a numeric split whose threshold equals a query (x ≤ t goes left).
  const leaf = { feature: -1, threshold: 0, missingLeft: 0 };
  const tree = (nodes: { feature: number; threshold: number; missingLeft: number }[], values: number[], categories: number[][]) => ({
    feature: nodes.map((n) => n.feature), threshold: nodes.map((n) => n.threshold), binThreshold: nodes.map(() => 0), missingLeft: nodes.map((n) => n.missingLeft),
    left: nodes.map((n, i) => (n.feature < 0 ? -1 : 2 * i + 1)), right: nodes.map((n, i) => (n.feature < 0 ? -1 : 2 * i + 2)), value: values, categories,
  });
  const json: SerializedModel = {
    formatVersion: 1, kind: 'gradient_boosting', task: 'regression', params: {}, featureNames: ['x', 'code'],
    state: {
      baseline: [0.25], roundsRun: 4, trainLoss: [], validationLoss: [],
      trees: [
        [tree([{ feature: 1, threshold: 0, missingLeft: 1 }, leaf, leaf], [0, 1, 2], [[0, 1, 3, 255]])],
        [tree([{ feature: 1, threshold: 0, missingLeft: 0 }, leaf, leaf], [0, 10, 20], [[0, 255]])],
        [tree([leaf], [100], [])],
        [tree([{ feature: 0, threshold: 0.1 + 0.2, missingLeft: 1 }, leaf, leaf], [0, 1000, 2000], [])],
      ],
    },
  };

  it('sends every row where the studio does (sets, NaN both ways, unseen codes, exact double thresholds)', async () => {
    // (A code ≥ 255 cannot reach a boosting model: training refuses more than 255 categories; the studio would send it
    // the missing way, ONNX to the right.)
    const rows = [[0.30000000000000004, 1], [0.3000000000000001, 3], [NaN, 2], [0.1, NaN], [0.7, 0]];
    const X = { values: Float64Array.from(rows.flat()), rows: rows.length, cols: 2, featureNames: ['x', 'code'], categorical: [false, true] };
    const onnx = await runModelOnMatrix(addGradientBoostingModel, json, X, { task: 'regression', classes: null });
    expect(onnx.prediction.data).toEqual(Array.from(loadModel(json).predict(X)));
    expect(onnx.prediction.data).toEqual([1121.25, 2121.25, 1122.25, 1121.25, 2122.25]);
  });
});
