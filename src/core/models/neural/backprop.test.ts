import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../random/prng';
import { computeLossAndGradient } from './backprop';
import { flattenWeights, planParameterLayout, unflattenWeights, viewParameters } from './flat-parameters';
import { computeLogits, initialiseWeights, type NetworkTopology } from './network';
import { ACTIVATIONS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The hand-written gradient against tfjs autodiff (tf.grad) of the same loss, for every activation and link.
const x = [0.5, -1, 2, 0.1, -0.3, 0.7, 1.5, -2, 0, 0.9, -0.4, 0.2];
const outputs = { sigmoid: { width: 1, y: [1, 0, 1, 0] }, softmax: { width: 3, y: [1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1] }, linear: { width: 1, y: [0.3, -1.2, 2, 0.5] } } as const;

function computeReferenceLoss(logits: tf.Tensor2D, y: tf.Tensor2D, output: NetworkTopology['output']): tf.Scalar {
  if (output === 'sigmoid') return tf.losses.sigmoidCrossEntropy(y, logits) as tf.Scalar;
  if (output === 'softmax') return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
  return tf.losses.meanSquaredError(y, logits) as tf.Scalar;
}

describe('computeLossAndGradient', () => {
  for (const activation of ACTIVATIONS) {
    for (const output of ['sigmoid', 'softmax', 'linear'] as const) {
      it(`equals autodiff for ${activation} hidden layers and a ${output} output`, () => {
        const topology: NetworkTopology = { inputs: 3, hidden: [5, 4], activation, outputs: outputs[output].width, output };
        const layout = planParameterLayout(topology);
        const flat = flattenWeights(layout, initialiseWeights(topology, createRandom(9)));
        const before = tf.memory().numTensors;
        const [ours, reference] = tf.tidy(() => {
          const theta = tf.tensor1d(flat);
          const batch = { x: tf.tensor2d(x, [4, 3]), y: tf.tensor2d([...outputs[output].y], [4, outputs[output].width]), rowWeights: tf.scalar(1 / 4) };
          const { loss, gradient } = computeLossAndGradient(viewParameters(layout, theta), topology, batch);
          const lossOf = (t: tf.Tensor1D): tf.Scalar => computeReferenceLoss(computeLogits(batch.x, viewParameters(layout, t), activation, { rate: 0, seed: 0 }), batch.y, output);
          const [refLoss, refGradient] = [lossOf(theta), tf.grad(lossOf as (t: tf.Tensor) => tf.Scalar)(theta)];
          return [[loss.dataSync()[0], ...gradient.dataSync()], [refLoss.dataSync()[0], ...refGradient.dataSync()]];
        });
        expect(tf.memory().numTensors).toBe(before);
        expect(ours.map((v) => Math.round(v * 1e5) / 1e5)).toEqual(reference.map((v) => Math.round(v * 1e5) / 1e5));
        expect(unflattenWeights(layout, flat).kernels.map((k) => k.length)).toEqual([15, 20, 4 * outputs[output].width]);
      });
    }
  }
});
