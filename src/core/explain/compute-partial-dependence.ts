// Partial dependence (sklearn's partial_dependence, method 'brute'): the model's mean output as one feature
// is set to each grid value for every row, plus ICE lines (one row's output along the grid) for a sample.

import { DataError } from '../errors';
import type { FeatureMatrix, FittedModel } from '../models/types';
import { createCheckpoint } from '../time/create-checkpoint';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import { buildFeatureGrid } from './build-feature-grid';

/** Options: defaults gridResolution 20, percentiles [0.05, 0.95], sampleRows 1000, iceRows 50, seed 0. */
export interface PartialDependenceOptions {
  gridResolution?: number;
  percentiles?: readonly [number, number];
  /** At most this many rows are averaged (a seeded sample when X has more). */
  sampleRows?: number;
  /** ICE lines for this many of the averaged rows (all when fewer; the first ones in row order). */
  iceRows?: number;
  seed?: number;
  /** Classifiers: the class whose probability is explained (default 1 for binary, 0 otherwise). */
  output?: number;
  signal?: AbortSignal;
}

/** The curve: average[g] is the mean output with the feature set to grid[g]; ice.values[r][g] per sampled row. */
export interface PartialDependence {
  feature: string;
  grid: number[];
  average: number[];
  /** Row indices of X averaged over (ascending). */
  rowsUsed: number;
  ice: { rows: number[]; values: number[][] };
}

/** Partial dependence of the model output on one feature (index or name) over rows X. */
export async function computePartialDependence(
  model: Pick<FittedModel, 'task' | 'predict' | 'predictProba'>, X: FeatureMatrix, feature: number | string,
  options: PartialDependenceOptions = {},
): Promise<PartialDependence> {
  const j = typeof feature === 'number' ? feature : X.featureNames.indexOf(feature);
  if (j < 0 || j >= X.cols) throw new DataError(`Feature ${JSON.stringify(feature)} is not among the model's features (${X.featureNames.join(', ')}).`);
  const column = Float64Array.from({ length: X.rows }, (_, i) => X.values[i * X.cols + j]);
  const grid = buildFeatureGrid(X.featureNames[j], column, options.gridResolution ?? 20, options.percentiles ?? [0.05, 0.95], X.categorical?.[j] ?? false);
  const rows = sampleRows(X.rows, options.sampleRows ?? 1000, createRandom(options.seed ?? 0));
  const work = new Float64Array(rows.length * X.cols);
  rows.forEach((row, r) => work.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), r * X.cols));
  const matrix: FeatureMatrix = { ...X, values: work, rows: rows.length };
  const outputOf = selectOutput(model, options.output);
  const iceCount = Math.min(rows.length, options.iceRows ?? 50);
  const ice = Array.from({ length: iceCount }, () => new Array<number>(grid.length));
  const average: number[] = [];
  const checkpoint = createCheckpoint(options.signal);
  for (let g = 0; g < grid.length; g++) {
    await checkpoint();
    for (let r = 0; r < rows.length; r++) work[r * X.cols + j] = grid[g];
    const out = outputOf(matrix);
    let sum = 0;
    for (let r = 0; r < rows.length; r++) sum += out[r];
    average.push(sum / rows.length);
    for (let r = 0; r < iceCount; r++) ice[r][g] = out[r];
  }
  return { feature: X.featureNames[j], grid, average, rowsUsed: rows.length, ice: { rows: Array.from(rows.subarray(0, iceCount)), values: ice } };
}

/** One number per row: predict for regression, the chosen class probability for classifiers. */
function selectOutput(model: Pick<FittedModel, 'task' | 'predict' | 'predictProba'>, output: number | undefined): (X: FeatureMatrix) => Float64Array {
  if (model.task === 'regression' || !model.predictProba) return (X) => model.predict(X);
  const k = output ?? (model.task === 'binary' ? 1 : 0);
  return (X) => {
    const proba = model.predictProba!(X);
    const K = proba.length / X.rows;
    if (!Number.isInteger(k) || k < 0 || k >= K) throw new DataError(`Class ${k} does not exist; this model has classes 0 to ${K - 1}.`);
    return Float64Array.from({ length: X.rows }, (_, i) => proba[i * K + k]);
  };
}
