// Checks shared by the classic families before and during a fit: hyperparameters against their schema,
// the task a target implies, NaN features, class counts, cancellation, and feature agreement at predict time.

import { createAbortError, ModelSpecError } from '../../errors';
import { assertNoMissing, assertTarget } from '../check-training-data';
import { inferTask, readParams } from '../read-params';
import type { FeatureMatrix, FitContext, HyperparameterSpec, Hyperparameters, Target, Task } from '../types';

/** Throws unless `task` is one the family supports. */
export function assertTaskSupported(kind: string, tasks: readonly Task[], task: Task): void {
  if (!tasks.includes(task)) throw new ModelSpecError(`${kind} does not support ${task} targets; it supports ${tasks.join(', ')}. Pick another model or target.`);
}

/** The checks every family runs (kept here too: the classic and neural families import them from this module). */
export { assertNoMissing, assertTarget };

/** Throws an AbortError when the fit was cancelled. */
export function throwIfAborted(ctx: FitContext): void {
  if (ctx.signal?.aborted === true) throw createAbortError();
}

/** Throws when X at predict time has a different number of features than the model was trained on. */
export function assertFeatureCount(kind: string, X: FeatureMatrix, featureNames: readonly string[]): void {
  if (X.cols !== featureNames.length) {
    throw new ModelSpecError(`${kind} was trained on ${featureNames.length} features (${featureNames.join(', ')}) but got ${X.cols}; apply the same Prepare steps.`);
  }
}

/** Per-row weights from the context, or all ones. */
export function readSampleWeights(ctx: FitContext, rows: number): Float64Array {
  return ctx.sampleWeights ?? new Float64Array(rows).fill(1);
}

/** Per row, the index of the largest of its `k` values in a row-major `rows × k` matrix (first one on ties). */
export function argmaxRows(matrix: Float64Array | Float32Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (matrix[r * k + c] > matrix[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}

/**
 * The checks every supervised fit starts with: params resolved against the schema, the task read from `y` and
 * supported by the family, a usable target, and no NaN features.
 */
export function checkFitInput(kind: string, specs: readonly HyperparameterSpec[], tasks: readonly Task[], X: FeatureMatrix, y: Target, rawParams: Hyperparameters): { params: Hyperparameters; task: Task } {
  const params = readParams(kind, specs, rawParams);
  const task = inferTask(y);
  assertTaskSupported(kind, tasks, task);
  assertTarget(kind, X, y);
  assertNoMissing(kind, X);
  return { params, task };
}
