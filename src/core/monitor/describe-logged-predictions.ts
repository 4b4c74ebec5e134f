// The distribution of a version's logged predictions, as the comparison table shows it: each class's share of the
// scored rows, or for numbers their mean and 10th, 50th and 90th percentiles (numpy's linear quantiles).

import { quantileSorted } from '../stats/quantile-sorted';
import { sortFinite } from '../stats/sort-finite';
import type { ModelOutputs } from './measure-model-outputs';

export type PredictionDistribution =
  | { readonly kind: 'classes'; readonly labels: readonly string[]; readonly shares: readonly number[]; readonly scored: number }
  | { readonly kind: 'numbers'; readonly mean: number | null; readonly p10: number | null; readonly p50: number | null; readonly p90: number | null; readonly scored: number };

/** `outputs`' predictions summarized; `classes` (the champion's, null for numbers) names the class indices. */
export function describeLoggedPredictions(outputs: ModelOutputs, classes: readonly string[] | null): PredictionDistribution {
  const prediction = outputs.prediction ?? new Float64Array(0);
  const { sorted } = sortFinite(Float64Array.from(prediction));
  if (classes && classes.length > 0) {
    const counts = classes.map(() => 0);
    for (const value of sorted) counts[value] += 1;
    return { kind: 'classes', labels: [...classes], shares: counts.map((count) => (sorted.length > 0 ? count / sorted.length : 0)), scored: sorted.length };
  }
  if (sorted.length === 0) return { kind: 'numbers', mean: null, p10: null, p50: null, p90: null, scored: 0 };
  let sum = 0;
  for (const value of sorted) sum += value;
  return { kind: 'numbers', mean: sum / sorted.length, p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9), scored: sorted.length };
}
