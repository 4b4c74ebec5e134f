// Target-encoding step (sklearn TargetEncoder, 1.3+): category → mean target shrunk toward the global
// mean ('auto' = empirical-Bayes shrinkage, or a fixed smoothing m). Training rows get cross-fitted
// values from inner folds (so a row never sees its own target); other tables use the full-training fit.
// Policy: missing or unseen category → the training target mean (unseen counted). Binary and numeric
// targets give one column; a target with more classes gives one column per class, `<name>_te_<class>`.

import type { Column, Table } from '../../table/types';
import { makeFolds } from '../../split/make-folds';
import { countLabels, readCategoryLabels } from '../category-labels';
import { decodeNumber, decodeNumbers, encodeNumber, encodeNumbers, type JsonNumber } from '../json-number';
import type { TargetEncodeStep, ResolvedStep } from '../step-types';
import { createNumericColumn, createStepError, replaceColumns, requireColumn, type StepDefinition } from '../step-context';

export interface TargetEncodeState {
  /** null for a numeric or binary target (one output), else the classes (one output each). */
  readonly classes: string[] | null;
  readonly targetMeans: JsonNumber[];
  readonly columns: { name: string; categories: string[]; encodings: JsonNumber[][] }[];
}

/** Target encoding; see the module comment for policies. */
export const targetEncodeStep: StepDefinition<ResolvedStep<TargetEncodeStep>, TargetEncodeState> = {
  fit(step, train) {
    const { targets, classes } = readTargets(step, train);
    const all = presentRows(targets[0]);
    return {
      classes,
      targetMeans: targets.map((y) => encodeNumber(meanOf(y, all))),
      columns: step.columns.map((name) => {
        const labels = readCategoryLabels(step, train, name);
        const { categories } = countLabels(labels);
        return { name, categories, encodings: targets.map((y) => encodeNumbers(fitEncodings(labels, y, all, categories, step.smoothing ?? 'auto'))) };
      }),
    };
  },
  apply(step, state, table, report, mode) {
    const replacements = new Map<string, Column[]>();
    const cross = mode === 'fit' ? prepareCrossFit(step, table) : null;
    for (const { name, categories, encodings } of state.columns) {
      const labels = readCategoryLabels(step, table, name);
      const index = new Map(categories.map((c, i) => [c, i]));
      const outputs = encodings.map((enc, k) => {
        if (cross) return crossFitTargetEncoding(labels, cross.targets[k], cross.folds, categories, step.smoothing ?? 'auto');
        const mean = decodeNumber(state.targetMeans[k]);
        const values = decodeNumbers(enc);
        return Float64Array.from(labels, (label) => {
          const i = label === null ? undefined : index.get(label);
          if (label !== null && i === undefined && k === 0) report.unseen++;
          return i === undefined ? mean : values[i];
        });
      });
      const names = state.classes ? state.classes.map((c) => `${name}_te_${c}`) : [name];
      replacements.set(name, outputs.map((values, k) => createNumericColumn(names[k], values)));
    }
    return { table: replaceColumns(table, replacements) };
  },
};

/** Cross-fitted encodings: each validation row of a fold is encoded from that fold's training rows only. */
export function crossFitTargetEncoding(
  labels: readonly (string | null)[],
  y: Float64Array,
  folds: readonly { train: Uint32Array; validation: Uint32Array }[],
  categories: string[],
  smoothing: 'auto' | number,
): Float64Array {
  const out = new Float64Array(labels.length).fill(NaN);
  const index = new Map(categories.map((c, i) => [c, i]));
  for (const fold of folds) {
    const rows = Array.from(fold.train).filter((r) => !Number.isNaN(y[r]));
    const encodings = fitEncodings(labels, y, rows, categories, smoothing);
    const mean = meanOf(y, rows);
    for (const r of fold.validation) {
      const i = labels[r] === null ? undefined : index.get(labels[r] as string);
      out[r] = i === undefined ? mean : encodings[i];
    }
  }
  return out;
}

/** sklearn _fit_encoding_fast(_auto_smooth): per-category shrunk means over `rows`; unseen in rows → mean. */
export function fitEncodings(labels: readonly (string | null)[], y: Float64Array, rows: readonly number[], categories: string[], smoothing: 'auto' | number): number[] {
  const index = new Map(categories.map((c, i) => [c, i]));
  const sums = new Float64Array(categories.length);
  const counts = new Float64Array(categories.length);
  for (const r of rows) {
    const i = labels[r] === null ? undefined : index.get(labels[r] as string);
    if (i === undefined) continue;
    sums[i] += y[r];
    counts[i]++;
  }
  const mean = meanOf(y, rows);
  if (smoothing !== 'auto') return categories.map((_, i) => (sums[i] + smoothing * mean) / (counts[i] + smoothing));
  const means = Array.from(sums, (s, i) => (counts[i] > 0 ? s / counts[i] : 0));
  const squaredDiffs = new Float64Array(categories.length);
  for (const r of rows) {
    const i = labels[r] === null ? undefined : index.get(labels[r] as string);
    if (i !== undefined) squaredDiffs[i] += (y[r] - means[i]) ** 2;
  }
  let variance = 0;
  for (const r of rows) variance += (y[r] - mean) ** 2;
  variance /= rows.length;
  return categories.map((_, i) => {
    if (counts[i] === 0) return mean;
    const lambda = (variance * counts[i]) / (variance * counts[i] + squaredDiffs[i] / counts[i]);
    return Number.isNaN(lambda) ? mean : lambda * means[i] + (1 - lambda) * mean;
  });
}

function readTargets(step: TargetEncodeStep, table: Table): { targets: Float64Array[]; classes: string[] | null } {
  const column = requireColumn(step, table, step.target);
  if (column.kind === 'numeric') return { targets: [column.values], classes: null };
  if (column.kind === 'datetime') throw createStepError(step, `target '${step.target}' is a datetime; choose a numeric or categorical target.`);
  const labels = readCategoryLabels(step, table, step.target);
  const { categories } = countLabels(labels);
  if (categories.length < 2) throw createStepError(step, `target '${step.target}' has ${categories.length} class in the training rows; target encoding needs at least 2.`);
  const classes = categories.length === 2 ? [categories[1]] : categories;
  const targets = classes.map((c) => Float64Array.from(labels, (l) => (l === null ? NaN : l === c ? 1 : 0)));
  return { targets, classes: categories.length === 2 ? null : classes };
}

function prepareCrossFit(step: TargetEncodeStep, table: Table): { targets: Float64Array[]; folds: { train: Uint32Array; validation: Uint32Array }[] } {
  const { targets } = readTargets(step, table);
  const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const k = Math.min(step.folds ?? 5, table.rowCount);
  const folds = makeFolds(table, rows, { kind: 'kfold', k, seed: step.seed ?? 0 });
  return { targets, folds };
}

function presentRows(y: Float64Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < y.length; r++) if (!Number.isNaN(y[r])) rows.push(r);
  return rows;
}

function meanOf(y: Float64Array, rows: readonly number[]): number {
  let sum = 0;
  for (const r of rows) sum += y[r];
  return sum / rows.length;
}
