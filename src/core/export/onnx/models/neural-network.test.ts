// Parity of the neural network family (float32 MLP, TensorFlow.js cpu backend in the studio) with its ONNX graph:
// labels equal, probabilities and values within 1e-5 (relative above 1) on the fixtures' test rows.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, it } from 'vitest';
import { readFixture } from '../../../models/trees/fixtures/read-fixture';
import { addNeuralNetworkModel } from './neural-network';
import { expectClassifierParity, expectRegressionParity } from '../fixtures/model-parity';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('neural_network in ONNX', () => {
  it.each([['relu'], ['tanh'], ['elu'], ['sigmoid']])('multiclass softmax (penguins), %s', async (activation) => {
    await expectClassifierParity(addNeuralNetworkModel, 'neural_network', readFixture('penguins-complete'), { layers: 2, units: 16, epochs: 20, activation });
  });

  it('binary sigmoid (breast cancer) and regression with the target standardisation (cars)', async () => {
    await expectClassifierParity(addNeuralNetworkModel, 'neural_network', readFixture('breast-cancer'), { layers: 1, units: 16, epochs: 15 });
    await expectRegressionParity(addNeuralNetworkModel, 'neural_network', readFixture('cars'), { layers: 2, units: 16, epochs: 20 });
  });
});
