// All of a network's weights as ONE flat float32 vector ([W₁, b₁, W₂, b₂, …], kernels row-major): the optimiser
// then updates one tensor per step instead of one per layer, which on WASM/WebGL is most of a step's kernels.

import * as tf from '@tensorflow/tfjs';
import { listLayerSizes, type NetworkTensors, type NetworkTopology, type NetworkWeights } from './network';

/** Where each layer's kernel [in × out] and bias [out] sit in the flat vector. */
export interface ParameterLayout {
  layers: { inputs: number; outputs: number; kernelOffset: number; biasOffset: number }[];
  size: number;
}

/** The layout of `topology`'s parameters. */
export function planParameterLayout(topology: NetworkTopology): ParameterLayout {
  const sizes = listLayerSizes(topology);
  const layers: ParameterLayout['layers'] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    layers.push({ inputs: sizes[l], outputs: sizes[l + 1], kernelOffset: offset, biasOffset: offset + sizes[l] * sizes[l + 1] });
    offset += (sizes[l] + 1) * sizes[l + 1];
  }
  return { layers, size: offset };
}

/** Packs per-layer weights into the flat vector. */
export function flattenWeights(layout: ParameterLayout, weights: NetworkWeights): Float32Array {
  const flat = new Float32Array(layout.size);
  layout.layers.forEach((layer, l) => {
    flat.set(weights.kernels[l], layer.kernelOffset);
    flat.set(weights.biases[l], layer.biasOffset);
  });
  return flat;
}

/** Unpacks the flat vector into per-layer copies. */
export function unflattenWeights(layout: ParameterLayout, flat: Float32Array): NetworkWeights {
  return {
    kernels: layout.layers.map((layer) => flat.slice(layer.kernelOffset, layer.biasOffset)),
    biases: layout.layers.map((layer) => flat.slice(layer.biasOffset, layer.biasOffset + layer.outputs)),
  };
}

/** Per-layer tensors sliced from the flat parameter tensor (call inside tf.tidy). */
export function viewParameters(layout: ParameterLayout, theta: tf.Tensor1D): NetworkTensors {
  return {
    kernels: layout.layers.map((layer) => tf.reshape(tf.slice(theta, layer.kernelOffset, layer.inputs * layer.outputs), [layer.inputs, layer.outputs]) as tf.Tensor2D),
    biases: layout.layers.map((layer) => tf.slice(theta, layer.biasOffset, layer.outputs)),
  };
}
