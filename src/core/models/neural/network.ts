// The multilayer perceptron itself: its topology, seeded Glorot-uniform weights kept as plain Float32Arrays,
// and the forward pass on tfjs tensors (fused matMul + bias; the activation fused too when not differentiating).

import * as tf from '@tensorflow/tfjs';
import type { Activation } from './params';

/** What the network looks like; `output` is the last layer's link (sigmoid: 1 unit, softmax: classes, linear: 1). */
export interface NetworkTopology {
  inputs: number;
  hidden: number[];
  activation: Activation;
  outputs: number;
  output: 'sigmoid' | 'softmax' | 'linear';
}

/** Per dense layer (hidden layers then the output): kernel [in × out] row-major and bias [out]. */
export interface NetworkWeights {
  kernels: Float32Array[];
  biases: Float32Array[];
}

/** Tensors (or variables) holding one network's weights, in the order of NetworkWeights. */
export interface NetworkTensors {
  kernels: tf.Tensor2D[];
  biases: tf.Tensor1D[];
}

/** Layer widths from input to output: [inputs, ...hidden, outputs]. */
export function listLayerSizes(topology: NetworkTopology): number[] {
  return [topology.inputs, ...topology.hidden, topology.outputs];
}

/** Glorot-uniform kernels (limit √(6 / (fan in + fan out))) drawn from `random`, zero biases — as Keras' Dense. */
export function initialiseWeights(topology: NetworkTopology, random: () => number): NetworkWeights {
  const sizes = listLayerSizes(topology);
  const kernels: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    kernels.push(Float32Array.from({ length: sizes[l] * sizes[l + 1] }, () => (2 * random() - 1) * limit));
    biases.push(new Float32Array(sizes[l + 1]));
  }
  return { kernels, biases };
}

/** Trainable variables initialised from `weights` (the caller disposes them). */
export function createVariables(topology: NetworkTopology, weights: NetworkWeights): NetworkTensors {
  const sizes = listLayerSizes(topology);
  // tf.variable keeps its initial tensor alive; tidy disposes that copy and keeps the variable.
  return {
    kernels: weights.kernels.map((k, l) => tf.tidy(() => tf.variable(tf.tensor2d(k, [sizes[l], sizes[l + 1]])) as tf.Variable<tf.Rank.R2>)),
    biases: weights.biases.map((b) => tf.tidy(() => tf.variable(tf.tensor1d(b)) as tf.Variable<tf.Rank.R1>)),
  };
}

/** Constant tensors for inference (call inside tf.tidy). */
export function createConstants(topology: NetworkTopology, weights: NetworkWeights): NetworkTensors {
  const sizes = listLayerSizes(topology);
  return {
    kernels: weights.kernels.map((k, l) => tf.tensor2d(k, [sizes[l], sizes[l + 1]])),
    biases: weights.biases.map((b) => tf.tensor1d(b)),
  };
}

/** Copies tensors' values back to the CPU (one read per tensor; used at the end of a fit). */
export function readWeights(tensors: NetworkTensors): NetworkWeights {
  return { kernels: tensors.kernels.map((k) => k.dataSync() as Float32Array), biases: tensors.biases.map((b) => b.dataSync() as Float32Array) };
}

function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  if (activation === 'relu') return tf.relu(x);
  if (activation === 'tanh') return tf.tanh(x);
  if (activation === 'sigmoid') return tf.sigmoid(x);
  return tf.elu(x);
}

/**
 * The pre-link outputs (logits, or values for regression) for rows `x` [n × inputs]; `dropout` (training only)
 * drops hidden units with probability `rate`, seeded per call. Call inside tf.tidy or a gradient function.
 */
export function computeLogits(x: tf.Tensor2D, net: NetworkTensors, activation: Activation, dropout?: { rate: number; seed: number }): tf.Tensor2D {
  let h = x;
  const last = net.kernels.length - 1;
  for (let l = 0; l < last; l++) {
    // tfjs fuses a non-linear activation only outside gradient tapes; tanh has no fused kernel.
    if (dropout === undefined && activation !== 'tanh') {
      h = tf.fused.matMul({ a: h, b: net.kernels[l], bias: net.biases[l], activation }) as tf.Tensor2D;
    } else {
      h = activate(tf.fused.matMul({ a: h, b: net.kernels[l], bias: net.biases[l] }) as tf.Tensor2D, activation);
    }
    if (dropout !== undefined && dropout.rate > 0) h = tf.dropout(h, dropout.rate, undefined, dropout.seed + l) as tf.Tensor2D;
  }
  return tf.fused.matMul({ a: h, b: net.kernels[last], bias: net.biases[last] }) as tf.Tensor2D;
}
