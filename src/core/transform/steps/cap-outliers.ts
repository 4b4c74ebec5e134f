// Cap-outliers step: clip numeric values to bounds learnt on training rows — percentiles (default 1 and 99,
// numpy linear) or Tukey fences Q1 − k·IQR, Q3 + k·IQR (k default 1.5) kept inside the training rows' [min, max].
// Policy: every clipped value is counted out of range (in training too). Missing stays missing.

import { decodeNumber, encodeNumber, type JsonNumber } from '../json-number';
import { sortPresent } from '../../stats/numpy-stats';
import { quantileSorted } from '../../stats/quantile-sorted';
import type { CapOutliersStep, ResolvedStep } from '../step-types';
import { createNumericColumn, createStepError, replaceColumns, requireNumeric, type StepDefinition } from '../step-context';

export interface CapOutliersState {
  readonly columns: { name: string; lower: JsonNumber; upper: JsonNumber }[];
}

/** Cap outliers: output = min(max(x, lower), upper). */
export const capOutliersStep: StepDefinition<ResolvedStep<CapOutliersStep>, CapOutliersState> = {
  fit(step, train) {
    const lowerPct = step.lower ?? 1;
    const upperPct = step.upper ?? 99;
    if (!(lowerPct >= 0 && lowerPct < upperPct && upperPct <= 100)) throw createStepError(step, `percentiles ${lowerPct} and ${upperPct} must satisfy 0 ≤ lower < upper ≤ 100.`);
    return {
      columns: step.columns.map((name) => {
        const sorted = sortPresent(requireNumeric(step, train, name));
        if (sorted.length === 0) throw createStepError(step, `column '${name}' has no values in the training rows to learn bounds from.`);
        if (step.method === 'percentile') {
          return { name, lower: encodeNumber(quantileSorted(sorted, lowerPct / 100)), upper: encodeNumber(quantileSorted(sorted, upperPct / 100)) };
        }
        const q1 = quantileSorted(sorted, 0.25);
        const q3 = quantileSorted(sorted, 0.75);
        const k = step.iqrMultiplier ?? 1.5;
        // A fence beyond the training range would cap nothing seen and let unseen values through (below 0 for a non-negative column): keep it inside.
        const lower = Math.max(q1 - k * (q3 - q1), sorted[0]);
        const upper = Math.min(q3 + k * (q3 - q1), sorted[sorted.length - 1]);
        return { name, lower: encodeNumber(lower), upper: encodeNumber(upper) };
      }),
    };
  },
  apply(step, state, table, report) {
    const replacements = new Map(
      state.columns.map(({ name, lower, upper }) => {
        const lo = decodeNumber(lower);
        const hi = decodeNumber(upper);
        const values = requireNumeric(step, table, name).map((x) => {
          if (x < lo || x > hi) report.outOfRange++;
          return x < lo ? lo : x > hi ? hi : x;
        });
        return [name, [createNumericColumn(name, values)]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};
