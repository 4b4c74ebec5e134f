// Regression diagnostics for the residual plots: residuals (actual − predicted) and their histogram on
// numpy's bins='auto' edges (the profile's histogram helpers), plus the range both scatter plots share.
import { chooseHistogramEdges, countHistogram } from '../stats/bin-histogram';
import { sortFinite } from '../stats/sort-finite';
import { assertSameLength } from './metric-value';

/** Residuals and their histogram; `histogram` is null (with `reason`) when no residual is finite. */
export interface RegressionDiagnostics {
  /** yTrue − yPred per row, in the target's units; NaN where either side is missing. */
  residuals: Float64Array;
  histogram: { edges: number[]; counts: number[] } | null;
  /** Smallest and largest finite value over yTrue and yPred (the predicted-vs-actual diagonal). */
  range: { min: number; max: number } | null;
  reason?: string;
}

/** Residuals, residual histogram and the shared axis range of actual and predicted values. */
export function diagnoseRegression(yTrue: Float64Array, yPred: Float64Array): RegressionDiagnostics {
  assertSameLength(yTrue, yPred, 'yPred');
  const residuals = yTrue.map((t, i) => t - yPred[i]);
  const { sorted } = sortFinite(residuals);
  if (sorted.length === 0) return { residuals, histogram: null, range: null, reason: 'no row has both a finite actual and predicted value' };
  const edges = chooseHistogramEdges(sorted);
  let min = Infinity;
  let max = -Infinity;
  for (const values of [yTrue, yPred]) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(residuals[i])) continue;
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
  }
  return { residuals, histogram: { edges, counts: countHistogram(sorted, edges) }, range: { min, max } };
}
