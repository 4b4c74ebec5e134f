// The training engine on TensorFlow.js tensors (any backend, the GPU ones included): one flat parameter tensor,
// the hand-written backward pass, the flat optimiser, and the step losses left on the device until the loop reads
// them once per epoch together with the validation loss.

import * as tf from '@tensorflow/tfjs';
import { computeLossAndGradient } from './backprop';
import { createFlatOptimizer } from './flat-optimizer';
import { flattenWeights, planParameterLayout, unflattenWeights, viewParameters, type ParameterLayout } from './flat-parameters';
import { computeLogits, type NetworkTopology, type NetworkWeights } from './network';
import type { ScheduledParams } from './params';
import { normaliseWeights, type TrainingEngine, type TrainingRows } from './training-engine';

const PREDICT_BATCH = 4096;

function computeRowLosses(logits: tf.Tensor2D, targets: tf.Tensor2D, output: NetworkTopology['output']): tf.Tensor1D {
  if (output === 'softmax') return tf.losses.softmaxCrossEntropy(targets, logits, undefined, 0, tf.Reduction.NONE) as tf.Tensor1D;
  if (output === 'sigmoid') return tf.losses.sigmoidCrossEntropy(targets, logits, undefined, 0, tf.Reduction.NONE).reshape([-1]);
  return tf.squaredDifference(logits, targets).reshape([-1]);
}

/** Mean loss over all of `rows` (unweighted), in batches, as a scalar tensor. */
function computeDatasetLoss(theta: tf.Tensor1D, layout: ParameterLayout, topology: NetworkTopology, x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const net = viewParameters(layout, theta);
    const rows = x.shape[0];
    let total: tf.Scalar = tf.scalar(0);
    for (let start = 0; start < rows; start += PREDICT_BATCH) {
      const size = Math.min(PREDICT_BATCH, rows - start);
      const logits = computeLogits(tf.slice(x, [start, 0], [size, -1]), net, topology.activation);
      total = tf.add(total, tf.sum(computeRowLosses(logits, tf.slice(y, [start, 0], [size, -1]), topology.output)));
    }
    return tf.div(total, rows);
  });
}

/** An engine training `initial` with `params`' optimiser; `validation` rows are uploaded once. */
export function createTfjsEngine(topology: NetworkTopology, initial: NetworkWeights, validation: TrainingRows | undefined, params: ScheduledParams): TrainingEngine {
  const layout = planParameterLayout(topology);
  let theta = tf.tensor1d(flattenWeights(layout, initial));
  let best: tf.Tensor1D | undefined;
  const optimizer = createFlatOptimizer(params.optimizer, params.learningRate, layout.size);
  const validationTensors = validation ? [tf.tensor2d(validation.x, [validation.rows, validation.cols]), tf.tensor2d(validation.targets, [validation.rows, validation.width])] as const : undefined;
  let losses: tf.Scalar[] = [];
  return {
    step({ rows: source, start, size, dropoutSeed }) {
      const [next, loss] = tf.tidy(() => {
        const batch = {
          x: tf.tensor2d(source.x.subarray(start * source.cols, (start + size) * source.cols), [size, source.cols]),
          y: tf.tensor2d(source.targets.subarray(start * source.width, (start + size) * source.width), [size, source.width]),
          rowWeights: source.weights ? tf.tensor2d(normaliseWeights(source.weights.subarray(start, start + size)), [size, 1]) : tf.scalar(1 / size),
          ...(params.dropout > 0 ? { dropout: { rate: params.dropout, seed: dropoutSeed } } : {}),
        };
        const { loss, gradient } = computeLossAndGradient(viewParameters(layout, theta), topology, batch);
        return [optimizer.step(theta, gradient), loss] as const;
      });
      theta.dispose();
      theta = next;
      losses.push(loss);
    },
    readLosses(withValidation) {
      const validationLoss = withValidation && validationTensors ? computeDatasetLoss(theta, layout, topology, validationTensors[0], validationTensors[1]) : undefined;
      // One GPU→CPU read per epoch: the step losses and the validation loss together.
      const read = tf.tidy(() => tf.concat([tf.stack(losses), ...(validationLoss ? [tf.reshape(validationLoss, [1])] : [])]).dataSync());
      tf.dispose([...losses, ...(validationLoss ? [validationLoss] : [])]);
      const steps = read.subarray(0, losses.length);
      losses = [];
      return validationLoss ? { steps, validation: read[steps.length] } : { steps };
    },
    discardLosses() {
      tf.dispose(losses);
      losses = [];
    },
    keepBest() {
      best?.dispose();
      best = tf.clone(theta);
    },
    readWeights: () => unflattenWeights(layout, (best ?? theta).dataSync() as Float32Array),
    dispose() {
      tf.dispose([theta, ...losses, ...(best ? [best] : []), ...(validationTensors ?? [])]);
      optimizer.dispose();
    },
  };
}
