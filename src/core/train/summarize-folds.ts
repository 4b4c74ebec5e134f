// Cross-validation scores → mean ± std per metric. Its own module so the main thread can summarise fold
// results without importing the fitting code (which pulls TensorFlow.js).

import type { MetricId } from '../problem/metrics';
import { measureMeanStd } from '../stats/measure-mean-std';
import type { CvMetric, CvSummary, MetricScores } from './types';

/** Mean and population std (ddof 0) per metric over the folds' defined values; `total` is the planned fold count. */
export function summarizeFolds(scores: readonly MetricScores[], total: number, metrics: readonly MetricId[]): CvSummary {
  const summary: Partial<Record<MetricId, CvMetric>> = {};
  for (const id of metrics) {
    const values = scores.map((s) => s[id]?.value ?? null);
    const defined = values.filter((v): v is number => v !== null);
    if (defined.length === 0) {
      summary[id] = { mean: null, std: null, values };
      continue;
    }
    summary[id] = { ...measureMeanStd(defined), values };
  }
  return { folds: total, completed: scores.length, metrics: summary };
}
