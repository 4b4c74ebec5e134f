// Validation metrics of a fitted model over every validation row of a ChunkSource, one chunk at a time: a confusion
// matrix and the summed log loss (classification), or sums of errors and the target's moments (regression).

import { countConfusionClasses, scorePrecisionRecallF1 } from '../../evaluate/classification-metrics';
import { metricOf, undefinedMetric, type MetricValue } from '../../evaluate/metric-value';
import type { FittedModel } from '../../models/types';
import type { MetricId } from '../../problem/metrics';
import type { ChunkSource } from '../../table/chunk-source';
import type { StreamedPreparation } from './prepare-streamed';
import { scanPreparedChunks } from './scan-chunks';
import type { StreamFitOptions } from './stream-types';

const LOG_LOSS_EPS = 1e-15;

/** Streamed validation metrics (ids as the in-memory evaluation names them), and the rows scored. */
export interface StreamedScores {
  metrics: Partial<Record<MetricId, MetricValue>>;
  rows: number;
}

/** Scores `model` on the validation rows of `source` (one pass); no rows: every metric undefined with the reason. */
export async function scoreStreamed(source: ChunkSource, prep: StreamedPreparation, model: FittedModel, options: StreamFitOptions = {}, positiveClass = 1): Promise<StreamedScores> {
  const k = prep.classes?.length ?? 0;
  const confusion = new Float64Array(k * k);
  const sums = { n: 0, logLoss: 0, squared: 0, absolute: 0, mean: 0, m2: 0 };
  let done = 0;
  await scanPreparedChunks(source, prep, (chunk) => {
    const part = chunk.validation;
    options.onProgress?.({ stage: 'score', pass: 1, chunk: ++done, chunkCount: source.chunkCount });
    if (part === null) return;
    const y = part.y.values;
    if (k > 0) {
      const proba = model.predictProba?.(part.X) ?? null;
      const predicted = model.predict(part.X);
      for (let r = 0; r < part.X.rows; r++) {
        confusion[y[r] * k + predicted[r]]++;
        if (proba) sums.logLoss -= Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, proba[r * k + y[r]])));
      }
      sums.n += part.X.rows;
      return;
    }
    const predicted = model.predict(part.X);
    for (let r = 0; r < part.X.rows; r++) {
      const error = y[r] - predicted[r];
      sums.squared += error * error;
      sums.absolute += Math.abs(error);
      // Welford's update of the target's mean and centred sum of squares (for R²).
      sums.n++;
      const delta = y[r] - sums.mean;
      sums.mean += delta / sums.n;
      sums.m2 += delta * (y[r] - sums.mean);
    }
  }, { signal: options.signal, cache: options.cache });
  if (sums.n === 0) {
    const none = undefinedMetric('no validation rows were read');
    return { metrics: k > 0 ? { accuracy: none, 'balanced-accuracy': none, 'log-loss': none } : { rmse: none, mae: none, r2: none, mse: none }, rows: 0 };
  }
  if (k > 0) return { metrics: summariseConfusion(confusion, k, sums.n, model.predictProba ? sums.logLoss / sums.n : null, positiveClass), rows: sums.n };
  const mse = sums.squared / sums.n;
  return {
    metrics: {
      mse: metricOf(mse), rmse: metricOf(Math.sqrt(mse)), mae: metricOf(sums.absolute / sums.n),
      r2: sums.m2 > 0 ? metricOf(1 - sums.squared / sums.m2) : undefinedMetric('the validation target is constant'),
    },
    rows: sums.n,
  };
}

function summariseConfusion(confusion: Float64Array, k: number, n: number, logLoss: number | null, positiveClass: number): StreamedScores['metrics'] {
  let correct = 0;
  let recallSum = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    correct += confusion[c * k + c];
    let row = 0;
    for (let j = 0; j < k; j++) row += confusion[c * k + j];
    if (row > 0) { recallSum += confusion[c * k + c] / row; present++; }
  }
  const counts = countConfusionClasses(confusion, k);
  const macro = scorePrecisionRecallF1(counts, 'macro');
  const weighted = scorePrecisionRecallF1(counts, 'weighted');
  const binary = k === 2 ? scorePrecisionRecallF1(counts, 'binary', positiveClass) : null;
  return {
    accuracy: metricOf(correct / n),
    'balanced-accuracy': metricOf(recallSum / present),
    'log-loss': logLoss === null ? undefinedMetric('the model gives no probabilities') : metricOf(logLoss),
    'macro-f1': macro.f1, 'precision-macro': macro.precision, 'recall-macro': macro.recall,
    'f1-weighted': weighted.f1, 'precision-weighted': weighted.precision, 'recall-weighted': weighted.recall,
    ...(binary ? { f1: binary.f1, precision: binary.precision, recall: binary.recall } : {}),
  };
}
