// The kernel engine's parameter layout: as flat-parameters.ts ([W₁, b₁, W₂, b₂, …], kernels row-major), but each
// layer's output width rounded up to a multiple of 8 (the SIMD kernel's column block) with zero columns, so every
// product runs in the kernel; the padding columns get zero gradients, so every optimiser keeps them at zero.

import { listLayerSizes, type NetworkTopology, type NetworkWeights } from './network';

/** Per layer: real widths, the padded output width, and where its kernel [inputs × paddedOutputs] and bias sit. */
export interface PaddedLayer {
  inputs: number;
  outputs: number;
  paddedOutputs: number;
  kernelOffset: number;
  biasOffset: number;
}

/** The padded layout of `topology`'s parameters and its size in floats. */
export function planPaddedLayout(topology: NetworkTopology): { layers: PaddedLayer[]; size: number } {
  const sizes = listLayerSizes(topology);
  const layers: PaddedLayer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const paddedOutputs = Math.ceil(sizes[l + 1] / 8) * 8;
    layers.push({ inputs: sizes[l], outputs: sizes[l + 1], paddedOutputs, kernelOffset: offset, biasOffset: offset + sizes[l] * paddedOutputs });
    offset += (sizes[l] + 1) * paddedOutputs;
  }
  return { layers, size: offset };
}

/** Writes `weights` into `into` (the padded layout, padding left at zero). */
export function padWeights(layers: PaddedLayer[], weights: NetworkWeights, into: Float32Array): void {
  into.fill(0);
  layers.forEach((layer, l) => {
    for (let i = 0; i < layer.inputs; i++) into.set(weights.kernels[l].subarray(i * layer.outputs, (i + 1) * layer.outputs), layer.kernelOffset + i * layer.paddedOutputs);
    into.set(weights.biases[l], layer.biasOffset);
  });
}

/** Per-layer copies of the real (unpadded) weights in `padded`. */
export function unpadWeights(layers: PaddedLayer[], padded: Float32Array): NetworkWeights {
  return {
    kernels: layers.map((layer) => {
      const kernel = new Float32Array(layer.inputs * layer.outputs);
      for (let i = 0; i < layer.inputs; i++) kernel.set(padded.subarray(layer.kernelOffset + i * layer.paddedOutputs, layer.kernelOffset + i * layer.paddedOutputs + layer.outputs), i * layer.outputs);
      return kernel;
    }),
    biases: layers.map((layer) => padded.slice(layer.biasOffset, layer.biasOffset + layer.outputs)),
  };
}
