// The 2-D PCA projection of held-out rows for the scatter plot, coloured by a k-means run's clusters when one
// is given: each stored model predicts through its own stored pipeline, and rows either cannot place are left out.

import { buildFeatureMatrix } from '../models/feature-matrix';
import { projectWithPca } from '../models/classic/pca';
import { loadModel } from '../models/registry';
import type { FeatureMatrix, FittedModel } from '../models/types';
import type { RowIndices, Table } from '../table/types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import type { TrainedRun } from './types';

/** Most points the scatter draws (a seeded sample of the rows above it). */
export const PROJECTION_MAX_POINTS = 2000;

/** Component scores of the shown rows (y is 0 when PCA kept one component), their clusters, and counts. */
export interface RunProjection {
  x: Float64Array;
  y: Float64Array;
  /** k-means cluster id per shown row; null without a k-means run. */
  clusters: Float64Array | null;
  shown: number;
  /** Rows both models could place (no missing feature, kept by the pipelines' filters). */
  placed: number;
}

/** Projects `rows` of `table` with `pcaRun`'s model and labels them with `kmeansRun`'s, at most PROJECTION_MAX_POINTS of them. */
export function projectRuns(table: Table, rows: RowIndices, pcaRun: TrainedRun, kmeansRun: TrainedRun | null, seed: number): RunProjection {
  const part = takeRows(table, rows);
  const scores = predictPerRow(part, pcaRun, (model, X) => projectWithPca(model, X, 2), 2);
  const clusters = kmeansRun ? predictPerRow(part, kmeansRun, (model, X) => model.predict(X), 1) : null;
  const placed: number[] = [];
  for (let r = 0; r < part.rowCount; r++) if (!Number.isNaN(scores[r * 2]) && (!clusters || !Number.isNaN(clusters[r]))) placed.push(r);
  const shown = placed.length > PROJECTION_MAX_POINTS ? Array.from(sampleRows(placed.length, PROJECTION_MAX_POINTS, createRandom(seed)), (i) => placed[i]) : placed;
  return {
    x: Float64Array.from(shown, (r) => scores[r * 2]),
    y: Float64Array.from(shown, (r) => scores[r * 2 + 1]),
    clusters: clusters ? Float64Array.from(shown, (r) => clusters[r]) : null,
    shown: shown.length,
    placed: placed.length,
  };
}

/** `width` outputs per row of `part` (NaN for rows the run's pipeline drops or that miss a feature); a one-component projection pads with 0. */
function predictPerRow(part: Table, run: TrainedRun, predict: (model: FittedModel, X: FeatureMatrix) => Float64Array, width: number): Float64Array {
  const transformed = transformTable(run.pipeline, part);
  const X = buildFeatureMatrix(transformed.table, run.featureNames).X;
  const out = new Float64Array(part.rowCount * width).fill(NaN);
  const complete: number[] = [];
  for (let r = 0; r < X.rows; r++) if (!X.values.subarray(r * X.cols, (r + 1) * X.cols).some(Number.isNaN)) complete.push(r);
  const values = new Float64Array(complete.length * X.cols);
  complete.forEach((r, i) => values.set(X.values.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols));
  const predicted = predict(loadModel(run.model), { ...X, values, rows: complete.length });
  const given = complete.length === 0 ? width : predicted.length / complete.length;
  complete.forEach((r, i) => {
    for (let c = 0; c < width; c++) out[transformed.rows[r] * width + c] = c < given ? predicted[i * given + c] : 0;
  });
  return out;
}
