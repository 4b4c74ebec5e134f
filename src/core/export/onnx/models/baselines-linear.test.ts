// Parity of the constant baselines and the linear families: the ONNX graph (onnxruntime-node) against the studio's
// predict / predictProba on the penguins, breast cancer and cars fixtures (1e-5, relative above 1).

import { describe, it } from 'vitest';
import { readFixture } from '../../../models/trees/fixtures/read-fixture';
import { addBaselineModel } from './baselines';
import { addLinearRegressionModel, addLogisticRegressionModel } from './linear';
import { expectClassifierParity, expectRegressionParity } from '../fixtures/model-parity';

describe('baselines and linear models in ONNX', () => {
  it.each([['most_frequent'], ['class_prior']])('%s gives the studio labels and probabilities (penguins, missing values)', async (kind) => {
    await expectClassifierParity(addBaselineModel, kind, readFixture('penguins'), {}, false);
  });

  it.each([['mean'], ['median']])('%s gives the studio value (cars)', async (kind) => {
    await expectRegressionParity(addBaselineModel, kind, readFixture('cars'), {}, false);
  });

  it('linear_regression (OLS, ridge, lasso) predicts as the studio (cars)', async () => {
    await expectRegressionParity(addLinearRegressionModel, 'linear_regression', readFixture('cars'), {});
    await expectRegressionParity(addLinearRegressionModel, 'linear_regression', readFixture('cars'), { penalty: 'l2', alpha: 10 });
    await expectRegressionParity(addLinearRegressionModel, 'linear_regression', readFixture('cars'), { penalty: 'l1', alpha: 0.5 });
  });

  it('logistic_regression: multinomial softmax (penguins) and binary sigmoid (breast cancer)', async () => {
    await expectClassifierParity(addLogisticRegressionModel, 'logistic_regression', readFixture('penguins-complete'), {});
    await expectClassifierParity(addLogisticRegressionModel, 'logistic_regression', readFixture('breast-cancer'), { C: 0.5 });
  });
});
