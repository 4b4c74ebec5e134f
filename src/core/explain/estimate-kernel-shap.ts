// Kernel SHAP for any model (Lundberg & Lee 2017): SHAP values of one row as the Shapley-kernel weighted
// linear regression of coalition values, with the efficiency constraint (base + Σφ = prediction) built in.
// Every coalition is enumerated when there are ≤ 10 features (then the result is the exact Shapley value);
// otherwise paired coalitions are sampled with the kernel's size distribution.

import { DataError } from '../errors';
import type { FeatureMatrix } from '../models/types';
import { createCheckpoint } from '../time/create-checkpoint';
import { createRandom } from '../random/prng';
import { solveKernelRegression } from './solve-kernel-regression';

/** One number per row of X (a regression value, or one class's probability). */
export type PredictOne = (X: FeatureMatrix) => Float64Array;

/** Options: samples (default 2M + 2048 coalitions when sampling), seed, background weights (default equal). */
export interface KernelShapOptions {
  samples?: number;
  seed?: number;
  backgroundWeights?: Float64Array;
  signal?: AbortSignal;
}

/** One row's SHAP values: baseValue (mean output over the background) + Σ values = prediction. */
export interface KernelShapResult {
  baseValue: number;
  prediction: number;
  values: Float64Array;
  /** True when all coalitions were enumerated (exact Shapley values for this background). */
  exact: boolean;
  coalitions: number;
}

const EXACT_FEATURES = 10;

/** SHAP values of `row` (length background.cols) against the background rows (≤ 100 advised). */
export async function estimateKernelShap(predict: PredictOne, background: FeatureMatrix, row: ArrayLike<number>, options: KernelShapOptions = {}): Promise<KernelShapResult> {
  const M = background.cols, B = background.rows;
  if (row.length !== M) throw new DataError(`The row has ${row.length} values but the background has ${M} features; pass the same prepared columns.`);
  if (B === 0) throw new DataError('Kernel SHAP needs at least one background row; pass training rows (summariseBackground).');
  const weights = options.backgroundWeights ?? new Float64Array(B).fill(1 / B);
  const checkpoint = createCheckpoint(options.signal);
  const value = async (masks: Uint8Array[]): Promise<Float64Array> => evaluateCoalitions(predict, background, row, weights, masks, checkpoint);
  const [baseValue, prediction] = await value([new Uint8Array(M), new Uint8Array(M).fill(1)]);
  if (!Number.isFinite(baseValue) || !Number.isFinite(prediction)) throw new DataError('The model returned a non-finite prediction for this row or the background; SHAP values cannot be computed.');
  if (M === 1) return { baseValue, prediction, values: Float64Array.of(prediction - baseValue), exact: true, coalitions: 0 };
  const exact = M <= EXACT_FEATURES;
  const { masks, kernelWeights } = exact ? enumerateCoalitions(M) : sampleCoalitions(M, options.samples ?? 2 * M + 2048, createRandom(options.seed ?? 0));
  const values = solveKernelRegression(masks, kernelWeights, await value(masks), baseValue, prediction);
  return { baseValue, prediction, values, exact, coalitions: masks.length };
}

/** v(S) for each mask: the weighted mean over background rows of the model with features in S taken from `row`. */
async function evaluateCoalitions(
  predict: PredictOne, background: FeatureMatrix, row: ArrayLike<number>, weights: Float64Array, masks: Uint8Array[], checkpoint: () => Promise<void>,
): Promise<Float64Array> {
  const M = background.cols, B = background.rows;
  const perBatch = Math.max(1, Math.floor(50_000 / B));
  const out = new Float64Array(masks.length);
  for (let start = 0; start < masks.length; start += perBatch) {
    await checkpoint();
    const batch = masks.slice(start, start + perBatch);
    const values = new Float64Array(batch.length * B * M);
    batch.forEach((mask, c) => {
      values.set(background.values, c * B * M);
      for (let b = 0; b < B; b++) for (let j = 0; j < M; j++) if (mask[j]) values[(c * B + b) * M + j] = row[j];
    });
    const predictions = predict({ ...background, values, rows: batch.length * B });
    batch.forEach((_, c) => {
      let sum = 0;
      for (let b = 0; b < B; b++) sum += weights[b] * predictions[c * B + b];
      out[start + c] = sum;
    });
  }
  return out;
}

/** Every proper non-empty coalition with its Shapley kernel weight (M − 1) / (C(M, s) · s · (M − s)). */
function enumerateCoalitions(M: number): { masks: Uint8Array[]; kernelWeights: Float64Array } {
  const masks: Uint8Array[] = [];
  const kernelWeights: number[] = [];
  for (let bits = 1; bits < (1 << M) - 1; bits++) {
    const mask = Uint8Array.from({ length: M }, (_, j) => (bits >> j) & 1);
    const s = mask.reduce((a, b) => a + b, 0);
    masks.push(mask);
    kernelWeights.push((M - 1) / (choose(M, s) * s * (M - s)));
  }
  return { masks, kernelWeights: Float64Array.from(kernelWeights) };
}

/** `samples` coalitions (rounded up to pairs): a size drawn ∝ (M − 1) / (s (M − s)), a uniform subset, and its complement. */
function sampleCoalitions(M: number, samples: number, random: () => number): { masks: Uint8Array[]; kernelWeights: Float64Array } {
  const sizeWeights = Array.from({ length: M - 1 }, (_, i) => (M - 1) / ((i + 1) * (M - i - 1)));
  const total = sizeWeights.reduce((a, b) => a + b, 0);
  const masks: Uint8Array[] = [];
  const order = Uint32Array.from({ length: M }, (_, j) => j);
  for (let n = 0; n < Math.ceil(samples / 2); n++) {
    let u = random() * total, s = 1;
    while (s < M - 1 && u >= sizeWeights[s - 1]) u -= sizeWeights[s++ - 1];
    for (let i = 0; i < s; i++) {
      const k = i + Math.floor(random() * (M - i));
      const tmp = order[i]; order[i] = order[k]; order[k] = tmp;
    }
    const mask = new Uint8Array(M);
    for (let i = 0; i < s; i++) mask[order[i]] = 1;
    masks.push(mask, mask.map((b) => 1 - b));
  }
  return { masks, kernelWeights: new Float64Array(masks.length).fill(1) };
}

function choose(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}
