// Checks shared by the classic families before and during a fit: hyperparameters against their schema,
// the task a target implies, NaN features, class counts, cancellation, and feature agreement at predict time.

import { createAbortError, ModelSpecError } from '../../errors';
import { inferTask, readParams } from '../read-params';
import type { FeatureMatrix, FitContext, HyperparameterSpec, Hyperparameters, Target, Task } from '../types';

/** Throws unless `task` is one the family supports. */
export function assertTaskSupported(kind: string, tasks: readonly Task[], task: Task): void {
  if (!tasks.includes(task)) throw new ModelSpecError(`${kind} does not support ${task} targets; it supports ${tasks.join(', ')}. Pick another model or target.`);
}

/** Throws naming the first feature column that holds NaN (families that cannot take missing values). */
export function assertNoMissing(kind: string, X: FeatureMatrix): void {
  const at = X.values.findIndex((v) => Number.isNaN(v));
  if (at < 0) return;
  const name = X.featureNames[at % X.cols];
  throw new ModelSpecError(`${kind} cannot take missing values, but feature "${name}" has one (row ${Math.floor(at / X.cols) + 1}); add an impute step in Prepare.`);
}

/** Throws when the target and matrix disagree in rows, there are no rows, or fewer than two classes are present. */
export function assertTarget(kind: string, X: FeatureMatrix, y: Target): void {
  if (X.rows === 0) throw new ModelSpecError(`${kind}: the training set has no rows; check the split and filters.`);
  if (y.values.length !== X.rows) throw new ModelSpecError(`${kind}: ${y.values.length} target values for ${X.rows} feature rows; they must match.`);
  const bad = y.values.findIndex((v) => !Number.isFinite(v) || (y.classes !== undefined && (!Number.isInteger(v) || v < 0 || v >= y.classes.length)));
  if (bad >= 0) throw new ModelSpecError(`${kind}: target value ${y.values[bad]} at row ${bad + 1} is missing or not a class index; filter out or impute rows with a missing target.`);
  if (y.classes === undefined) return;
  const present = new Set(y.values).size;
  if (present < 2) {
    const only = y.classes[y.values[0]] ?? String(y.values[0]);
    throw new ModelSpecError(`${kind}: the target has one class ("${only}") in the training rows; a classifier needs at least two. Check the filter or the split.`);
  }
}

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
