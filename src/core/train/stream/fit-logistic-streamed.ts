// Logistic regression (L2) on every row: the in-memory family's objective — C·Σ loss + ½||W||², as the mean loss
// plus ||W||²/(2·C·n) — with loss and gradient summed over chunks (one pass per evaluation), minimised by the same
// L-BFGS. Full-batch rather than mini-batch: it converges to the in-memory model (to the optimiser's tolerance)
// with its stopping test and warnings, and the passes are cheap next to a neural epoch. L1 (FISTA) does not stream.

import { ModelSpecError, TrainingError } from '../../errors';
import { computeLogisticLoss } from '../../models/classic/logistic-loss';
import { logisticRegressionFamily } from '../../models/classic/logistic-regression';
import type { Hyperparameters, ModelWarning, TrainingProgress } from '../../models/types';
import type { ChunkSource } from '../../table/chunk-source';
import { resolveParams } from '../run-config';
import { minimiseLbfgsAsync } from './minimise-lbfgs-async';
import type { StreamedPreparation } from './prepare-streamed';
import { scanPreparedChunks } from './scan-chunks';
import type { StreamedModelFit, StreamFitOptions } from './stream-types';

/** Fits L2 logistic regression on every training row of `source`. */
export async function fitLogisticStreamed(source: ChunkSource, prep: StreamedPreparation, rawParams: Hyperparameters, options: StreamFitOptions = {}): Promise<StreamedModelFit> {
  const params = resolveParams(logisticRegressionFamily, rawParams);
  if (params.penalty !== 'l2') throw new ModelSpecError(`Logistic regression with penalty "${String(params.penalty)}" (proximal gradient) does not stream; choose penalty l2, or train on the sample.`);
  if (prep.classes === null) throw new ModelSpecError('Logistic regression needs a classification target; the Problem cell above is a regression.');
  const p = prep.featureNames.length;
  const outputs = prep.classes.length === 2 ? 1 : prep.classes.length;
  const size = outputs * (p + 1);
  let rows = { train: 0, validation: 0, dropped: 0 };
  let passes = 0;
  const chunkGradient = new Float64Array(size);
  const dataLoss = async (w: Float64Array, gradient: Float64Array): Promise<number> => {
    gradient.fill(0);
    const seen = { train: 0, validation: 0, dropped: 0 };
    let loss = 0;
    passes++;
    let done = 0;
    await scanPreparedChunks(source, prep, (chunk) => {
      seen.validation += chunk.validation?.X.rows ?? 0;
      seen.dropped += chunk.dropped;
      if (chunk.train !== null) {
        const n = chunk.train.X.rows;
        // computeLogisticLoss returns means over the chunk; weight them back to sums.
        loss += n * computeLogisticLoss(chunk.train.X, chunk.train.y.values, new Float64Array(n).fill(1), w, outputs, chunkGradient);
        for (let i = 0; i < size; i++) gradient[i] += n * chunkGradient[i];
        seen.train += n;
      }
      options.onProgress?.({ stage: 'fit', pass: passes, chunk: ++done, chunkCount: source.chunkCount });
    }, { signal: options.signal, cache: options.cache });
    if (seen.train === 0) throw new TrainingError('No training rows were read from the dataset; give the training part a share above 0.');
    rows = seen;
    for (let i = 0; i < size; i++) gradient[i] /= seen.train;
    return loss / seen.train;
  };
  const isIntercept = (i: number): boolean => i % (p + 1) === p;
  const objective = async (w: Float64Array, g: Float64Array): Promise<number> => {
    let loss = await dataLoss(w, g);
    const strength = 1 / ((params.C as number) * rows.train);
    for (let i = 0; i < size; i++) {
      if (isIntercept(i)) continue;
      loss += (strength / 2) * w[i] * w[i];
      g[i] += strength * w[i];
    }
    return loss;
  };
  const maxIter = params.max_iter as number;
  const curve: TrainingProgress[] = [];
  let stopped = false;
  const result = await minimiseLbfgsAsync(objective, new Float64Array(size), {
    maxIter, tol: params.tol as number, signal: options.signal,
    onIteration: (iteration, loss) => {
      curve.push({ iteration, total: maxIter, metrics: { trainLoss: loss } });
      options.onProgress?.({ stage: 'fit', pass: passes, chunk: source.chunkCount, chunkCount: source.chunkCount, metrics: { trainLoss: loss }, iteration, total: maxIter });
      return (stopped = options.shouldStop?.() === true);
    },
  });
  const state = { params: Array.from(result.w), outputs, iterations: result.iterations };
  const task = outputs === 1 ? 'binary' : 'multiclass';
  const model = logisticRegressionFamily.fromJSON({ formatVersion: 1, kind: 'logistic_regression', task, params, featureNames: [...prep.featureNames], classes: [...prep.classes], state });
  const warnings: ModelWarning[] = result.hitCap
    ? [{ code: 'not-converged', message: `Logistic regression (L-BFGS, streamed) stopped at Max iterations (${maxIter}) before converging (largest gradient ${Number(result.criterion.toPrecision(3))} > tolerance ${String(params.tol)}): raise Max iterations, or scale the features (a scale step in Prepare).` }]
    : [];
  return { model: { ...model, warnings }, params, curve, passes, stopped, rows };
}
