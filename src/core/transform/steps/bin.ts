// Bin step (sklearn KBinsDiscretizer, encode='ordinal'): edges learnt on training rows, equal width or
// quantile (bins narrower than 1e-8 merged, as sklearn does). Output: bin index 0..bins−1, missing stays
// NaN. Policy: values beyond the training range go to the first/last bin and are counted out of range.

import { decodeNumbers, encodeNumbers, type JsonNumber } from '../json-number';
import { linspace, sortPresent } from '../../stats/numpy-stats';
import { quantileSorted } from '../../stats/quantile-sorted';
import type { BinStep, ResolvedStep } from '../step-types';
import { createNumericColumn, createStepError, replaceColumns, requireNumeric, type StepDefinition } from '../step-context';

export interface BinState {
  readonly columns: { name: string; edges: JsonNumber[] }[];
}

/** Bin: state holds the edges (bins + 1 of them, fewer after merging). */
export const binStep: StepDefinition<ResolvedStep<BinStep>, BinState> = {
  fit(step, train) {
    if (!Number.isInteger(step.nBins) || step.nBins < 2) throw createStepError(step, `nBins ${step.nBins} must be a whole number ≥ 2.`);
    return {
      columns: step.columns.map((name) => {
        const sorted = sortPresent(requireNumeric(step, train, name));
        if (sorted.length === 0) throw createStepError(step, `column '${name}' has no values in the training rows to learn bin edges from.`);
        const low = sorted[0];
        const high = sorted[sorted.length - 1];
        if (low === high) return { name, edges: encodeNumbers([-Infinity, Infinity]) }; // sklearn: a constant feature is one bin
        let edges = step.method === 'uniform' ? linspace(low, high, step.nBins + 1) : linspace(0, 100, step.nBins + 1).map((p) => quantileSorted(sorted, p / 100));
        if (step.method === 'quantile') edges = edges.filter((e, i) => i === 0 || e - edges[i - 1] > 1e-8);
        return { name, edges: encodeNumbers(edges) };
      }),
    };
  },
  apply(step, state, table, report) {
    const replacements = new Map(
      state.columns.map(({ name, edges: stored }) => {
        const edges = decodeNumbers(stored);
        const last = edges.length - 2;
        const values = requireNumeric(step, table, name).map((x) => {
          if (Number.isNaN(x)) return NaN;
          if (x < edges[0] || x > edges[edges.length - 1]) report.outOfRange++;
          const shifted = x + (1e-8 + 1e-5 * Math.abs(x)); // sklearn's tolerance before np.digitize
          let bin = 0;
          for (let i = 1; i < edges.length; i++) if (edges[i] <= shifted) bin = i;
          return Math.min(Math.max(bin, 0), last);
        });
        return [name, [createNumericColumn(name, values)]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};
