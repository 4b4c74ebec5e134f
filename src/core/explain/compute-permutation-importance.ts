// Permutation importance (sklearn's permutation_importance): how much a score drops when one feature's
// column is shuffled, repeated and summarised as mean ± std, on held-out (validation) rows.

import { DataError } from '../errors';
import type { FeatureMatrix, FittedModel } from '../models/types';
import { createCheckpoint } from '../time/create-checkpoint';
import { createRandom, shuffleInPlace } from '../random/prng';
import { measureMeanStd } from '../stats/measure-mean-std';

/** Options; onProgress(done, total) fires after each feature. */
export interface PermutationImportanceOptions {
  repeats?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (featuresDone: number, features: number) => void;
  /** One permutation per repeat (row i takes row perm[i]'s value), used for every feature; overrides seed. */
  permutations?: readonly ArrayLike<number>[];
  /** What `score` receives: predict (default) or predictProba (row-major rows × classes). */
  output?: 'predict' | 'predictProba';
}

/** One feature's score drops (baseline − permuted score; higher = more important), mean and population std. */
export interface FeatureImportance {
  feature: string;
  mean: number;
  std: number;
  drops: number[];
}

/** The score on intact rows and every feature's drops, in feature order. */
export interface PermutationImportance {
  baselineScore: number;
  features: FeatureImportance[];
}

/** A higher-is-better score of the model output against yTrue (negate losses, as sklearn's neg_* scorers). */
export type ImportanceScore = (yTrue: Float64Array, output: Float64Array) => number;

/** Permutation importance of every feature of X for the model, on rows X with targets y. */
export async function computePermutationImportance(
  model: Pick<FittedModel, 'predict' | 'predictProba'>, X: FeatureMatrix, y: Float64Array, score: ImportanceScore,
  options: PermutationImportanceOptions = {},
): Promise<PermutationImportance> {
  if (y.length !== X.rows) throw new DataError(`X has ${X.rows} rows but y has ${y.length}; pass one target per row.`);
  if (X.rows < 2) throw new DataError(`Permutation importance needs at least 2 rows to shuffle; got ${X.rows}.`);
  const permutations = options.permutations ?? drawPermutations(X.rows, options.repeats ?? 5, options.seed ?? 0);
  const run = (matrix: FeatureMatrix): number => {
    if (options.output === 'predictProba') {
      if (!model.predictProba) throw new DataError('This model gives no probabilities; score permutation importance on its predictions instead.');
      return score(y, model.predictProba(matrix));
    }
    return score(y, model.predict(matrix));
  };
  const baselineScore = run(X);
  if (!Number.isFinite(baselineScore)) {
    throw new DataError(`The score is ${baselineScore} on these rows (for example one class only, or constant targets); pick another metric or more rows.`);
  }
  const work = X.values.slice();
  const matrix: FeatureMatrix = { ...X, values: work };
  const checkpoint = createCheckpoint(options.signal);
  const features: FeatureImportance[] = [];
  for (let j = 0; j < X.cols; j++) {
    const drops: number[] = [];
    for (const perm of permutations) {
      await checkpoint();
      for (let i = 0; i < X.rows; i++) work[i * X.cols + j] = X.values[perm[i] * X.cols + j];
      drops.push(baselineScore - run(matrix));
    }
    for (let i = 0; i < X.rows; i++) work[i * X.cols + j] = X.values[i * X.cols + j];
    features.push({ feature: X.featureNames[j], ...measureMeanStd(drops), drops });
    options.onProgress?.(j + 1, X.cols);
  }
  return { baselineScore, features };
}

/** `repeats` seeded permutations of 0 … rows − 1. */
function drawPermutations(rows: number, repeats: number, seed: number): Uint32Array[] {
  if (!Number.isInteger(repeats) || repeats < 1) throw new DataError(`repeats must be a whole number ≥ 1; got ${repeats}.`);
  const random = createRandom(seed);
  return Array.from({ length: repeats }, () => shuffleInPlace(Uint32Array.from({ length: rows }, (_, i) => i), random));
}
