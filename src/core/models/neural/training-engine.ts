// What the training loop asks of whatever runs the optimiser steps: tfjs tensors on any backend
// (tfjs-engine.ts), or the WebAssembly SIMD kernel on the CPU (kernel-engine.ts). The loop owns the epochs,
// shuffles, early stopping and progress; an engine owns the parameters and one mini-batch step.

import type { NetworkWeights } from './network';

/** Rows ready for the network: features [rows × cols] and targets [rows × width] (0/1, one-hot or standardised). */
export interface TrainingRows {
  x: Float32Array;
  targets: Float32Array;
  rows: number;
  cols: number;
  width: number;
  /** Per-row loss weights (sample × class weights); absent = all equal. */
  weights?: Float32Array;
}

/** One optimiser step's batch: rows start … start + size − 1 of `rows`; dropout masks seeded by `dropoutSeed`. */
export interface BatchSlice {
  rows: TrainingRows;
  start: number;
  size: number;
  dropoutSeed: number;
}

/** Parameters plus one mini-batch step; losses are per row, weighted mean over the batch (cross-entropy in nats, or MSE). */
export interface TrainingEngine {
  /** One optimiser step on `batch`; its loss is kept until the next readLosses. */
  step(batch: BatchSlice): void;
  /** The kept step losses in order (then forgotten) and, when `validation`, the mean loss over the validation rows. */
  readLosses(validation: boolean): { steps: ArrayLike<number>; validation?: number };
  /** Forgets the kept step losses (an unfinished epoch). */
  discardLosses(): void;
  /** Remembers the current parameters as the best so far. */
  keepBest(): void;
  /** The best parameters when keepBest was called, else the current ones, as plain arrays. */
  readWeights(): NetworkWeights;
  dispose(): void;
}

/** Row weights scaled to sum to 1 (the batch's weighted mean). */
export function normaliseWeights(weights: Float32Array): Float32Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
}
