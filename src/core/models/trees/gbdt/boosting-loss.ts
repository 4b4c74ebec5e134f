// The three boosting losses (as sklearn's HalfSquaredError, HalfBinomialLoss, HalfMultinomialLoss): baseline
// raw prediction, per-row gradients and hessians, and the mean loss used for curves and early stopping.

import type { Task } from '../../types';

/** A loss over K raw outputs (K = 1 for regression and binary, the class count for multiclass). */
export interface BoostingLoss {
  readonly outputs: number;
  /** The constant raw prediction per output that minimises the loss. */
  baseline(y: Float64Array, w: Float64Array | undefined): Float64Array;
  /** Fills grad[k][i], hess[k][i] from raw[k][i] (sample weights multiply both). */
  gradients(y: Float64Array, raw: Float64Array[], w: Float64Array | undefined, grad: Float64Array[], hess: Float64Array[]): void;
  /** Weighted mean loss over rows 0, step, 2·step…; half squared error for regression, log loss otherwise. */
  loss(y: Float64Array, raw: Float64Array[], w: Float64Array | undefined, step?: number): number;
}

const EPS = 1e-15;

/** The loss for a task; classes is the class count for classification. */
export function createLoss(task: Task, classes: number): BoostingLoss {
  if (task === 'regression') return squaredError;
  if (task === 'binary') return binomial;
  return createMultinomial(classes);
}

function weightedMean(values: (i: number) => number, n: number, w: Float64Array | undefined, step = 1): number {
  let sum = 0, total = 0;
  for (let i = 0; i < n; i += step) {
    const wi = w ? w[i] : 1;
    sum += wi * values(i);
    total += wi;
  }
  return sum / total;
}

const squaredError: BoostingLoss = {
  outputs: 1,
  baseline: (y, w) => Float64Array.of(weightedMean((i) => y[i], y.length, w)),
  gradients(y, raw, w, grad, hess) {
    const r = raw[0], g = grad[0], h = hess[0];
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      g[i] = wi * (r[i] - y[i]);
      h[i] = wi;
    }
  },
  loss: (y, raw, w, step) => weightedMean((i) => 0.5 * (raw[0][i] - y[i]) ** 2, y.length, w, step),
};

const binomial: BoostingLoss = {
  outputs: 1,
  baseline(y, w) {
    const p = Math.min(1 - EPS, Math.max(EPS, weightedMean((i) => y[i], y.length, w)));
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(y, raw, w, grad, hess) {
    const r = raw[0], g = grad[0], h = hess[0];
    for (let i = 0; i < y.length; i++) {
      const wi = w ? w[i] : 1;
      const p = 1 / (1 + Math.exp(-r[i]));
      g[i] = wi * (p - y[i]);
      h[i] = wi * p * (1 - p);
    }
  },
  // log(1 + e^r) − y·r, computed without overflow.
  loss: (y, raw, w, step) => weightedMean((i) => {
    const r = raw[0][i];
    return (r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r))) - y[i] * r;
  }, y.length, w, step),
};

function createMultinomial(K: number): BoostingLoss {
  const probs = new Float64Array(K);
  const softmax = (raw: Float64Array[], i: number): void => {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, raw[k][i]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += probs[k] = Math.exp(raw[k][i] - max);
    for (let k = 0; k < K; k++) probs[k] /= sum;
  };
  return {
    outputs: K,
    baseline(y, w) {
      const out = new Float64Array(K);
      for (let k = 0; k < K; k++) out[k] = Math.log(Math.min(1 - EPS, Math.max(EPS, weightedMean((i) => (y[i] === k ? 1 : 0), y.length, w))));
      const mean = out.reduce((a, b) => a + b, 0) / K;
      return out.map((v) => v - mean);
    },
    gradients(y, raw, w, grad, hess) {
      for (let i = 0; i < y.length; i++) {
        const wi = w ? w[i] : 1;
        softmax(raw, i);
        for (let k = 0; k < K; k++) {
          const p = probs[k];
          grad[k][i] = wi * (p - (y[i] === k ? 1 : 0));
          hess[k][i] = wi * p * (1 - p);
        }
      }
    },
    loss: (y, raw, w, step) => weightedMean((i) => {
      softmax(raw, i);
      return -Math.log(Math.max(EPS, probs[y[i]]));
    }, y.length, w, step),
  };
}
