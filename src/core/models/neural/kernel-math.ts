// The element-wise parts of the kernel engine's step, in plain JavaScript over Float32Arrays: hidden activations
// and their derivatives, the output link's loss and gradient, and the optimisers (the same rules and constants as
// backprop.ts and flat-optimizer.ts, so both engines train the same network up to float rounding).

import type { NetworkTopology } from './network';
import type { Activation, ScheduledParams } from './params';

/** Applies `activation` in place to values[0 … count − 1] (ReLU is fused into the product instead). */
export function activateInPlace(values: Float32Array, count: number, activation: Activation): void {
  if (activation === 'tanh') for (let i = 0; i < count; i++) values[i] = Math.tanh(values[i]);
  else if (activation === 'sigmoid') for (let i = 0; i < count; i++) values[i] = 1 / (1 + Math.exp(-values[i]));
  else if (activation === 'elu') for (let i = 0; i < count; i++) values[i] = values[i] > 0 ? values[i] : Math.expm1(values[i]);
}

/** dz = dh · f′, with f′ written in terms of the activation's output h (as backprop.ts), over `count` values. */
export function multiplyByDerivative(dz: Float32Array, dh: Float32Array, h: Float32Array, count: number, activation: Activation): void {
  if (activation === 'relu') for (let i = 0; i < count; i++) dz[i] = h[i] > 0 ? dh[i] : 0;
  else if (activation === 'tanh') for (let i = 0; i < count; i++) dz[i] = dh[i] * (1 - h[i] * h[i]);
  else if (activation === 'sigmoid') for (let i = 0; i < count; i++) dz[i] = dh[i] * h[i] * (1 - h[i]);
  else for (let i = 0; i < count; i++) dz[i] = dh[i] * (Math.min(h[i], 0) + 1);
}

/**
 * Inverted dropout on `values` (count floats) in place: each kept with probability 1 − rate and scaled by
 * 1 / (1 − rate), as tfjs' mask floor(u + 1 − rate) / (1 − rate); `mask` receives the factors (0 or 1 / (1 − rate)).
 */
export function dropInPlace(values: Float32Array, mask: Float32Array, count: number, rate: number, random: () => number): void {
  const scale = 1 / (1 - rate);
  for (let i = 0; i < count; i++) {
    mask[i] = random() >= rate ? scale : 0;
    values[i] *= mask[i];
  }
}

/** As multiplyByDerivative for a layer whose output `kept` went through dropout `mask`: dz = dh · mask · f′(kept / mask), 0 where dropped. */
export function multiplyByDroppedDerivative(dz: Float32Array, dh: Float32Array, kept: Float32Array, mask: Float32Array, count: number, activation: Activation): void {
  for (let i = 0; i < count; i++) {
    const m = mask[i];
    if (m === 0) {
      dz[i] = 0;
      continue;
    }
    const h = kept[i] / m;
    const slope = activation === 'relu' ? (h > 0 ? 1 : 0) : activation === 'tanh' ? 1 - h * h : activation === 'sigmoid' ? h * (1 - h) : Math.min(h, 0) + 1;
    dz[i] = dh[i] * m * slope;
  }
}

/** log(1 + eᶻ) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * The loss Σ rowWeight(r) · loss(r) over `rows` rows of logits z [rows × width, `stride` floats apart] against
 * targets y [rows × width], and its gradient dz = rowWeight(r) · ∂loss(r)/∂z written into `dz` (same stride, zeros
 * past `width`). rowWeight(r) is weights[r] when given, else `uniform`.
 */
export function computeOutputGradient(z: Float32Array, y: Float32Array, dz: Float32Array, shape: { rows: number; width: number; stride: number }, output: NetworkTopology['output'], weights: Float32Array | undefined, uniform: number): number {
  const { rows, width, stride } = shape;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const w = weights ? weights[r] : uniform;
    const o = r * stride;
    const t = r * width;
    dz.fill(0, o + width, o + stride);
    if (output === 'sigmoid') {
      loss += w * (softplus(z[o]) - z[o] * y[t]);
      dz[o] = w * (1 / (1 + Math.exp(-z[o])) - y[t]);
    } else if (output === 'linear') {
      const residual = z[o] - y[t];
      loss += w * residual * residual;
      dz[o] = 2 * w * residual;
    } else {
      let top = -Infinity;
      for (let j = 0; j < width; j++) top = Math.max(top, z[o + j]);
      let total = 0;
      for (let j = 0; j < width; j++) total += Math.exp(z[o + j] - top);
      const logTotal = top + Math.log(total);
      for (let j = 0; j < width; j++) {
        const logProba = z[o + j] - logTotal;
        loss -= w * logProba * y[t + j];
        dz[o + j] = w * (Math.exp(logProba) - y[t + j]);
      }
    }
  }
  return loss;
}

const EPSILON = 1e-7;

/** SGD or RMSprop updating `theta` in place from `gradient` (both `size` floats); Adam runs in the kernel (adamKernel). */
export function createArrayOptimizer(params: Pick<ScheduledParams, 'optimizer' | 'learningRate'>, size: number): (theta: Float32Array, gradient: Float32Array) => void {
  const { optimizer: name, learningRate } = params;
  const second = new Float32Array(size);
  return (theta, g) => {
    if (name === 'rmsprop') {
      for (let i = 0; i < size; i++) {
        second[i] = 0.9 * second[i] + 0.1 * g[i] * g[i];
        theta[i] -= (learningRate * g[i]) / Math.sqrt(second[i] + EPSILON);
      }
    } else {
      for (let i = 0; i < size; i++) theta[i] -= learningRate * g[i];
    }
  };
}
