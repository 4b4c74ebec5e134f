// One mini-batch's loss and gradient for the MLP, written out by hand (no autodiff tape): the forward pass uses
// fused matMul + bias + activation kernels, the backward pass explicit transposes (tfjs-wasm's transposed
// matMul flags are ~7× slower than transposing first), and the result is one flat gradient vector.

import * as tf from '@tensorflow/tfjs';
import type { NetworkTensors, NetworkTopology } from './network';
import type { Activation } from './params';

/** A batch on the device: rows x [n × inputs], targets y [n × width], row weights wn [n × 1] summing to 1 (or a scalar 1/n). */
export interface DeviceBatch {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  rowWeights: tf.Tensor;
  /** Drop probability and per-layer masks' seed (training with dropout only). */
  dropout?: { rate: number; seed: number };
}

function applyActivation(z: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  if (activation === 'tanh') return tf.tanh(z);
  return z; // the others are fused into the matMul
}

/** dL/dz from dL/dh, with the derivative written in terms of the activation's output h. */
function multiplyByDerivative(dh: tf.Tensor2D, h: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  if (activation === 'relu') return tf.mul(dh, tf.step(h));
  if (activation === 'tanh') return tf.mul(dh, tf.sub(1, tf.square(h)));
  if (activation === 'sigmoid') return tf.mul(dh, tf.mul(h, tf.sub(1, h)));
  return tf.mul(dh, tf.add(tf.minimum(h, 0), 1)); // elu (α = 1): 1 above 0, h + 1 = eᶻ below
}

/** The batch's weighted mean loss and its gradient dL/dz at the output, per link. */
function computeOutputGradient(z: tf.Tensor2D, batch: DeviceBatch, output: NetworkTopology['output']): { loss: tf.Scalar; dz: tf.Tensor2D } {
  const { y, rowWeights } = batch;
  if (output === 'sigmoid') {
    const dz = tf.mul(tf.sub(tf.sigmoid(z), y), rowWeights) as tf.Tensor2D;
    return { loss: tf.sum(tf.mul(tf.sub(tf.softplus(z), tf.mul(z, y)), rowWeights)), dz };
  }
  if (output === 'softmax') {
    const logProba = tf.logSoftmax(z);
    const dz = tf.mul(tf.sub(tf.exp(logProba), y), rowWeights) as tf.Tensor2D;
    return { loss: tf.neg(tf.sum(tf.mul(tf.mul(logProba, y), rowWeights))), dz };
  }
  const residual = tf.sub(z, y);
  return { loss: tf.sum(tf.mul(tf.square(residual), rowWeights)), dz: tf.mul(residual, tf.mul(rowWeights, 2)) as tf.Tensor2D };
}

/** The batch's mean loss (scalar) and the flat gradient over all parameters, in the layout's order. Call inside tf.tidy. */
export function computeLossAndGradient(net: NetworkTensors, topology: NetworkTopology, batch: DeviceBatch): { loss: tf.Scalar; gradient: tf.Tensor1D } {
  const last = net.kernels.length - 1;
  const inputs: tf.Tensor2D[] = [batch.x]; // what each layer received (after dropout)
  const hidden: tf.Tensor2D[] = []; // each hidden layer's activation before dropout
  const masks: (tf.Tensor2D | undefined)[] = [];
  for (let l = 0; l < last; l++) {
    const fused = topology.activation === 'tanh' ? 'linear' : topology.activation;
    const h = applyActivation(tf.fused.matMul({ a: inputs[l], b: net.kernels[l], bias: net.biases[l], activation: fused }) as tf.Tensor2D, topology.activation);
    hidden.push(h);
    const rate = batch.dropout?.rate ?? 0;
    // Inverted dropout: keep with probability 1 − rate, scale kept units by 1 / (1 − rate).
    const mask = rate > 0 ? (tf.div(tf.floor(tf.add(tf.randomUniform(h.shape, 0, 1, 'float32', batch.dropout!.seed + l), 1 - rate)), 1 - rate) as tf.Tensor2D) : undefined;
    masks.push(mask);
    inputs.push(mask ? tf.mul(h, mask) : h);
  }
  const z = tf.fused.matMul({ a: inputs[last], b: net.kernels[last], bias: net.biases[last] }) as tf.Tensor2D;
  const { loss, dz: outputDz } = computeOutputGradient(z, batch, topology.output);
  const parts: tf.Tensor[] = new Array(2 * (last + 1));
  let dz = outputDz;
  for (let l = last; l >= 0; l--) {
    parts[2 * l] = tf.reshape(tf.matMul(tf.transpose(inputs[l]), dz), [-1]);
    parts[2 * l + 1] = tf.sum(dz, 0);
    if (l === 0) break;
    let dh: tf.Tensor2D = tf.matMul(dz, tf.transpose(net.kernels[l]));
    if (masks[l - 1]) dh = tf.mul(dh, masks[l - 1]!) as tf.Tensor2D;
    dz = multiplyByDerivative(dh, hidden[l - 1], topology.activation);
  }
  return { loss, gradient: tf.concat(parts) as tf.Tensor1D };
}
