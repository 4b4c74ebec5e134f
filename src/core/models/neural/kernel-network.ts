// The MLP laid out in one WebAssembly memory for the kernel engine: parameters (padded layout), gradient, Adam's
// slots, the staged batch and every layer's output, with the forward and backward passes over them. The matrix
// products run in the SIMD kernel (../../wasm/dense-kernel.ts), ReLU's backward too; the rest is JavaScript
// (kernel-math.ts). Only the kernel engine uses it.

import { createRandom } from '../../random/prng';
import { compileDenseKernel, type DenseKernels } from '../../wasm/dense-kernel';
import { instantiateWithMemory } from '../../wasm/load-module';
import { multiplyDense } from './dense-multiply';
import { activateInPlace, computeOutputGradient, dropInPlace, multiplyByDerivative, multiplyByDroppedDerivative } from './kernel-math';
import type { NetworkTopology, NetworkWeights } from './network';
import { padWeights, planPaddedLayout, type PaddedLayer } from './padded-layout';

type Region = 'theta' | 'gradient' | 'first' | 'second' | 'x' | 'dz' | 'dh' | 'transposed' | 'zeros' | 'ones';

/** A network in kernel memory; regions and outputs are float offsets into `floats` (a view of the whole memory). */
export interface KernelNetwork {
  topology: NetworkTopology;
  layers: PaddedLayer[];
  kernels: DenseKernels;
  floats: Float32Array;
  regions: Record<Region, number>;
  /** Per layer: its output [rows × paddedOutputs] (the last: logits). */
  outputs: number[];
  /** Per hidden layer, the dropout factors of the last training pass (none without dropout). */
  masks: Float32Array[];
  dropout: number;
  /** The most rows one pass takes. */
  batchRows: number;
  /** Views of the parameters and their gradient (padded layout, `size` floats). */
  theta: Float32Array;
  gradient: Float32Array;
  size: number;
}

/** Float offsets of each region (each on a 16-byte boundary) and of each layer's output. */
function planMemory(layers: PaddedLayer[], parameters: number, batchRows: number): { regions: Record<Region, number>; outputs: number[]; floats: number } {
  let next = 0;
  const take = (floats: number): number => {
    const at = next;
    next += Math.ceil(floats / 4) * 4;
    return at;
  };
  const widest = Math.max(layers[0].inputs, ...layers.map((layer) => layer.paddedOutputs));
  const transposed = Math.max(0, ...layers.slice(1).map((layer, l) => layer.outputs * layers[l].paddedOutputs)); // Wᵀ of layers 1 …
  const regions = {
    theta: take(parameters), gradient: take(parameters), first: take(parameters), second: take(parameters), x: take(batchRows * layers[0].inputs),
    dz: take(batchRows * widest), dh: take(batchRows * widest), transposed: take(transposed), zeros: take(widest), ones: take(batchRows),
  };
  const outputs = layers.map((layer) => take(batchRows * layer.paddedOutputs));
  return { regions, outputs, floats: next };
}

/** `initial` in a new kernel memory for passes of up to `batchRows` rows; null without WebAssembly SIMD or the memory. */
export function createKernelNetwork(topology: NetworkTopology, initial: NetworkWeights, batchRows: number, dropout: number): KernelNetwork | null {
  const module = compileDenseKernel();
  if (module === null) return null;
  const { layers, size } = planPaddedLayout(topology);
  const { regions, outputs, floats: count } = planMemory(layers, size, batchRows);
  const instance = instantiateWithMemory<DenseKernels>(module, 4 * count);
  if (instance === null) return null;
  const floats = new Float32Array(instance.memory.buffer);
  const theta = floats.subarray(regions.theta, regions.theta + size);
  padWeights(layers, initial, theta);
  floats.fill(1, regions.ones, regions.ones + batchRows);
  const masks = dropout > 0 ? layers.slice(0, -1).map((layer) => new Float32Array(batchRows * layer.paddedOutputs)) : [];
  return { topology, layers, kernels: instance.exports, floats, regions, outputs, masks, dropout, batchRows, theta, gradient: floats.subarray(regions.gradient, regions.gradient + size), size };
}

/** Floats between rows of layer l's input. */
const inputStride = (net: KernelNetwork, l: number): number => (l === 0 ? net.layers[0].inputs : net.layers[l - 1].paddedOutputs);

/** Copies `rows` rows of `x` (row-major, `cols` = the network's inputs) into the batch region. */
export function stageRows(net: KernelNetwork, x: Float32Array, start: number, rows: number): void {
  const cols = net.layers[0].inputs;
  net.floats.set(x.subarray(start * cols, (start + rows) * cols), net.regions.x);
}

/** Forward pass over the staged rows; with a `dropoutSeed` (training), hidden outputs go through dropout seeded by seed + layer. */
export function runForward(net: KernelNetwork, rows: number, dropoutSeed?: number): void {
  const { layers, floats, regions, outputs, topology } = net;
  const relu = topology.activation === 'relu';
  layers.forEach((layer, l) => {
    const hidden = l < layers.length - 1;
    multiplyDense(net.kernels, floats, {
      a: l === 0 ? regions.x : outputs[l - 1], aRow: inputStride(net, l), aCol: 1, b: regions.theta + layer.kernelOffset,
      c: outputs[l], bias: regions.theta + layer.biasOffset, rows, k: layer.inputs, m: layer.paddedOutputs, relu: hidden && relu,
    });
    const values = floats.subarray(outputs[l], outputs[l] + rows * layer.paddedOutputs);
    if (hidden && !relu) activateInPlace(values, values.length, topology.activation);
    if (hidden && dropoutSeed !== undefined && net.masks.length > 0) dropInPlace(values, net.masks[l], values.length, net.dropout, createRandom((dropoutSeed + l) >>> 0));
  });
}

/** The loss Σ rowWeight · loss(row) of the last forward pass against `targets`, leaving dL/dz in the dz region. */
export function computeLoss(net: KernelNetwork, targets: Float32Array, rows: number, weights: Float32Array | undefined, uniform: number): number {
  const output = net.layers[net.layers.length - 1];
  const shape = { rows, width: output.outputs, stride: output.paddedOutputs };
  const [z, dz] = [net.outputs[net.layers.length - 1], net.regions.dz];
  return computeOutputGradient(net.floats.subarray(z, z + rows * shape.stride), targets, net.floats.subarray(dz, dz + rows * shape.stride), shape, net.topology.output, weights, uniform);
}

/** Wᵀ of layer l [outputs × stride] into the transposed region (the kernel wants B's rows contiguous), zero past the inputs. */
function transposeKernel(net: KernelNetwork, l: number, stride: number): void {
  const layer = net.layers[l];
  const transposed = net.floats.subarray(net.regions.transposed, net.regions.transposed + layer.outputs * stride);
  for (let o = 0; o < layer.outputs; o++) {
    for (let i = 0; i < layer.inputs; i++) transposed[o * stride + i] = net.theta[layer.kernelOffset + i * layer.paddedOutputs + o];
    transposed.fill(0, o * stride + layer.inputs, (o + 1) * stride);
  }
}

/** dz of hidden layer l = dh · f′ (through its dropout mask when there is one), over `count` floats (a multiple of 8). */
function multiplyBySlope(net: KernelNetwork, l: number, count: number): void {
  const { floats, regions, topology } = net;
  const [dz, dh, h] = [regions.dz, regions.dh, net.outputs[l]].map((at) => floats.subarray(at, at + count));
  if (net.masks.length > 0) multiplyByDroppedDerivative(dz, dh, h, net.masks[l], count, topology.activation);
  else if (topology.activation === 'relu') net.kernels.reluBackward(4 * regions.dz, 4 * regions.dh, 4 * net.outputs[l], count);
  else multiplyByDerivative(dz, dh, h, count, topology.activation);
}

/** Backward pass from the dL/dz that computeLoss left: the whole gradient into the gradient region. */
export function runBackward(net: KernelNetwork, rows: number): void {
  const { layers, floats, regions, outputs, kernels } = net;
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l];
    const [input, stride, width] = [l === 0 ? regions.x : outputs[l - 1], inputStride(net, l), layer.paddedOutputs];
    // dW = inputᵀ · dz (the input read transposed through its strides); db = 1ᵀ · dz.
    multiplyDense(kernels, floats, { a: input, aRow: 1, aCol: stride, b: regions.dz, c: regions.gradient + layer.kernelOffset, bias: regions.zeros, rows: layer.inputs, k: rows, m: width, relu: false });
    multiplyDense(kernels, floats, { a: regions.ones, aRow: 0, aCol: 1, b: regions.dz, c: regions.gradient + layer.biasOffset, bias: regions.zeros, rows: 1, k: rows, m: width, relu: false });
    if (l === 0) break;
    // dh = dz · Wᵀ, then through the activation's slope into dz for the layer below.
    transposeKernel(net, l, stride);
    multiplyDense(kernels, floats, { a: regions.dz, aRow: width, aCol: 1, b: regions.transposed, c: regions.dh, bias: regions.zeros, rows, k: layer.outputs, m: stride, relu: false });
    multiplyBySlope(net, l - 1, rows * stride);
  }
}
