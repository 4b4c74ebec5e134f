// Linear regression (OLS or ridge) on every row in one pass: the centred normal equations (XcᵀXc + αI) w = Xcᵀyc
// accumulated chunk by chunk, solved by eigen-decomposition — the same minimiser as the in-memory family's QR.
// Where XcᵀXc is rank-deficient (eigenvalues ≤ 1e-12 · the largest, i.e. κ(X) > 10⁶, which the normal equations
// cannot resolve), the minimum-norm solution, as the in-memory family gives. Lasso / elastic net do not stream.

import { ModelSpecError, TrainingError } from '../../errors';
import { decomposeSymmetric } from '../../models/classic/symmetric-eigen';
import { linearRegressionFamily } from '../../models/classic/linear-regression';
import type { Hyperparameters, ModelWarning } from '../../models/types';
import { resolveParams } from '../run-config';
import type { ChunkSource } from '../../table/chunk-source';
import { createMoments, measureMoments, mergeMoments, type Moments } from './accumulate-moments';
import type { StreamedPreparation } from './prepare-streamed';
import { scanPreparedChunks } from './scan-chunks';
import type { StreamedModelFit, StreamFitOptions } from './stream-types';

const RANK_TOLERANCE = 1e-12;

/** Fits linear regression (penalty none or l2) on every training row of `source`. */
export async function fitLinearStreamed(source: ChunkSource, prep: StreamedPreparation, rawParams: Hyperparameters, options: StreamFitOptions = {}): Promise<StreamedModelFit> {
  const params = resolveParams(linearRegressionFamily, rawParams);
  if (params.penalty !== 'none' && params.penalty !== 'l2') {
    throw new ModelSpecError(`Linear regression with penalty "${String(params.penalty)}" (coordinate descent) does not stream; choose penalty none or l2, or train on the sample.`);
  }
  const p = prep.featureNames.length;
  const total = createMoments(p);
  let validation = 0;
  let dropped = 0;
  let stopped = false;
  let done = 0;
  await scanPreparedChunks(source, prep, (chunk) => {
    if (stopped || (stopped = options.shouldStop?.() === true)) return;
    if (chunk.train) mergeMoments(total, measureMoments(chunk.train.X, chunk.train.y.values));
    validation += chunk.validation?.X.rows ?? 0;
    dropped += chunk.dropped;
    options.onProgress?.({ stage: 'fit', pass: 1, chunk: ++done, chunkCount: source.chunkCount });
  }, { signal: options.signal, cache: options.cache });
  if (total.n === 0) throw new TrainingError('No training rows were read from the dataset; give the training part a share above 0.');
  const alpha = params.penalty === 'l2' ? (params.alpha as number) : 0;
  const { coefficients, collinear } = solveNormalEquations(total, alpha);
  const intercept = total.meanY - coefficients.reduce((s, w, j) => s + w * total.meanX[j], 0);
  const state = { coefficients: Array.from(coefficients), intercept, iterations: 1 };
  const model = linearRegressionFamily.fromJSON({ formatVersion: 1, kind: 'linear_regression', task: 'regression', params, featureNames: [...prep.featureNames], state });
  const warnings: ModelWarning[] = collinear.length === 0 ? [] : [describeCollinear(collinear, prep.featureNames)];
  const trainMse = computeResidualSquares(total, coefficients) / total.n;
  options.onProgress?.({ stage: 'fit', pass: 1, chunk: source.chunkCount, chunkCount: source.chunkCount, metrics: { trainLoss: trainMse }, iteration: 1, total: 1 });
  return {
    model: { ...model, warnings },
    params,
    curve: [{ iteration: 1, total: 1, metrics: { trainLoss: trainMse } }],
    passes: 1,
    stopped,
    rows: { train: total.n, validation, dropped },
  };
}

/** w minimising ||Xc w − yc||² + α||w||² from the moments; columns with weight in the null space are `collinear`. */
export function solveNormalEquations(m: Moments, alpha: number): { coefficients: Float64Array; collinear: number[] } {
  const p = m.meanX.length;
  const { values, vectors } = decomposeSymmetric(m.cxx, p);
  const largest = Math.max(0, values[0] ?? 0);
  const kept = Array.from(values, (v) => alpha > 0 || v > RANK_TOLERANCE * largest);
  const w = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    if (!kept[k]) continue;
    let dot = 0;
    for (let i = 0; i < p; i++) dot += vectors[k * p + i] * m.cxy[i];
    const factor = dot / (values[k] + alpha);
    for (let i = 0; i < p; i++) w[i] += vectors[k * p + i] * factor;
  }
  const collinear: number[] = [];
  for (let i = 0; i < p; i++) {
    let share = 0;
    for (let k = 0; k < p; k++) if (!kept[k]) share += vectors[k * p + i] ** 2;
    if (share > 1e-12) collinear.push(i);
  }
  return { coefficients: w, collinear };
}

/** Σ (yc − Xc w)² from the moments: syy − 2 wᵀcxy + wᵀ cxx w. */
function computeResidualSquares(m: Moments, w: Float64Array): number {
  const p = w.length;
  let quadratic = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) quadratic += w[i] * m.cxx[i * p + j] * w[j];
  return Math.max(0, m.syy - 2 * w.reduce((s, v, i) => s + v * m.cxy[i], 0) + quadratic);
}

function describeCollinear(columns: readonly number[], featureNames: readonly string[]): ModelWarning {
  const names = columns.slice(0, 8).map((j) => `"${featureNames[j]}"`).join(', ');
  const more = columns.length > 8 ? ` and ${columns.length - 8} more` : '';
  return {
    code: 'collinear',
    message: `Features ${names}${more} are collinear, so their separate coefficients are not identifiable; the minimum-norm solution was used. `
      + 'Drop one dummy per category (one-hot "Drop" = first), drop duplicated or constant columns, or use the l2 penalty (ridge).',
  };
}
