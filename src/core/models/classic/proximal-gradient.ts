// FISTA (accelerated proximal gradient with backtracking and adaptive restart) for a smooth loss plus a
// weighted L1 penalty Σ λᵢ|wᵢ| — the L1 logistic regression solver (λᵢ = 0 leaves the intercepts free).

import { createAbortError } from '../../errors';
import type { MinimiseOptions, MinimiseResult, Objective } from './lbfgs';

const softThreshold = (x: number, t: number): number => (x > t ? x - t : x < -t ? x + t : 0);

/** Minimises smooth(w) + Σ penalty[i]·|w[i]| from `start`; stops when max |Δw| ≤ tol·max(1, max |w|). */
export function minimiseProximal(smooth: Objective, penalty: Float64Array, start: Float64Array, options: MinimiseOptions): MinimiseResult {
  const n = start.length;
  const l1 = (w: Float64Array): number => w.reduce((s, v, i) => s + penalty[i] * Math.abs(v), 0);
  let w = Float64Array.from(start);
  let momentumPoint = Float64Array.from(start);
  const gradient = new Float64Array(n);
  const scratch = new Float64Array(n);
  let lipschitz = 1;
  let t = 1;
  let loss = smooth(w, scratch) + l1(w);
  let iteration = 0;
  let lastStep = Infinity;
  while (iteration < options.maxIter) {
    if (options.signal?.aborted === true) throw createAbortError();
    const base = smooth(momentumPoint, gradient);
    let candidate = new Float64Array(n);
    let smoothAtCandidate = 0;
    for (let tries = 0; tries < 60; tries++) {
      candidate = momentumPoint.map((v, i) => softThreshold(v - gradient[i] / lipschitz, penalty[i] / lipschitz));
      smoothAtCandidate = smooth(candidate, scratch);
      let bound = base;
      for (let i = 0; i < n; i++) {
        const d = candidate[i] - momentumPoint[i];
        bound += gradient[i] * d + (lipschitz / 2) * d * d;
      }
      if (smoothAtCandidate <= bound + 1e-12 * Math.abs(bound)) break;
      lipschitz *= 2;
    }
    const candidateLoss = smoothAtCandidate + l1(candidate);
    let maxChange = 0;
    let maxWeight = 0;
    for (let i = 0; i < n; i++) {
      maxChange = Math.max(maxChange, Math.abs(candidate[i] - w[i]));
      maxWeight = Math.max(maxWeight, Math.abs(candidate[i]));
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    if (candidateLoss > loss) {
      // A plain proximal step from w itself made no progress: w is optimal to rounding.
      if (t === 1) return { w, loss, iterations: iteration, hitCap: false, criterion: 0 };
      // Adaptive restart: drop the momentum when the objective went up.
      t = 1;
      momentumPoint = Float64Array.from(w);
    } else {
      momentumPoint = candidate.map((v, i) => v + ((t - 1) / tNext) * (v - w[i]));
      w = candidate;
      loss = candidateLoss;
      t = tNext;
    }
    lipschitz /= 1.1; // let the step grow again where the curvature allows
    iteration++;
    lastStep = maxChange / Math.max(1, maxWeight);
    if (options.onIteration?.(iteration, loss, w) === true) return { w, loss, iterations: iteration, hitCap: false, criterion: lastStep };
    if (maxChange <= options.tol * Math.max(1, maxWeight)) return { w, loss, iterations: iteration, hitCap: false, criterion: lastStep };
  }
  return { w, loss, iterations: iteration, hitCap: true, criterion: lastStep };
}
