// How much Kernel SHAP work fits in a few seconds: coalitions per row and rows to explain, from the timed cost of
// one prediction (a kNN predicts ~100× slower than a logistic regression, so a fixed count would be seconds for
// one and minutes for the other). The method text of the result states what was chosen.

import type { FeatureMatrix } from '../models/types';
import { nowMs } from '../time/now-ms';

/** Kernel SHAP's time target; samples per row (and, for slow models, rows) are chosen to meet it. */
export const KERNEL_TIME_BUDGET_MS = 6000;
const SAMPLE_LADDER = [64, 128, 256, 512, 1024, 2048];
const MIN_SHAP_ROWS = 10;

/**
 * Coalitions per row (a step of SAMPLE_LADDER, at least max(64, 4M + 4) so the regression stays solvable) and
 * rows to explain, so that Kernel SHAP takes about KERNEL_TIME_BUDGET_MS given the timed cost of the model: a kNN
 * predicts ~100× slower than a logistic regression, so a fixed count is seconds for one and minutes for the other.
 */
export function planKernelShap(predictMsPerRow: number, features: number, backgroundRows: number, rows: number): { samples: number; rows: number } {
  const M = features;
  // Besides predicting, each coalition row is copied and masked: measured ~0.04 µs per feature in V8.
  const coalitionMs = (predictMsPerRow + M * 4e-5) * backgroundRows;
  const minimum = Math.max(64, 4 * M + 4);
  const affordable = Math.min(2 * M + 2048, KERNEL_TIME_BUDGET_MS / (rows * coalitionMs));
  // ≤ 10 features: every coalition is enumerated (2^M − 2), whatever `samples` says.
  const samples = M <= 10 ? 2 ** M - 2 : Math.max(minimum, SAMPLE_LADDER.filter((n) => n <= affordable).at(-1) ?? 0);
  const rowsAffordable = Math.floor(KERNEL_TIME_BUDGET_MS / (samples * coalitionMs));
  return { samples, rows: Math.min(rows, Math.max(MIN_SHAP_ROWS, rowsAffordable)) };
}

/** Milliseconds per predicted row: the median of three timed predictions of the tiled background (after a warm-up). */
export function measurePredictMs(predictOne: (m: FeatureMatrix) => Float64Array, background: FeatureMatrix): number {
  const tile = (times: number): FeatureMatrix => {
    const values = new Float64Array(background.values.length * times);
    for (let t = 0; t < times; t++) values.set(background.values, t * background.values.length);
    return { ...background, values, rows: background.rows * times };
  };
  const time = (batch: FeatureMatrix): number => {
    const startMs = nowMs();
    predictOne(batch);
    return (nowMs() - startMs) / batch.rows;
  };
  let batch = tile(20);
  // A fast model is timed on a batch as large as Kernel SHAP's own (~10,000 rows), where per-call costs vanish.
  if (time(batch) * batch.rows < 20) batch = tile(200);
  const times = [time(batch), time(batch), time(batch)].sort((a, b) => a - b);
  return Math.max(1e-7, times[1]);
}

