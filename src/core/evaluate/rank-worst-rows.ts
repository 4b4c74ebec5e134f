// The Worst predictions table: every evaluated row ranked once by how wrong it is (log loss of the true class for
// classifiers with probabilities, absolute error for regression, wrong class for classifiers without
// probabilities), then the top k that pass the filters, joined to their raw dataset values.

import type { SupervisedTask } from '../problem/types';
import { formatCell, formatNumber } from '../table/format-cell';
import type { Column, Table } from '../table/types';
import { findWorstPredictions, type WorstPrediction } from './find-worst-predictions';
import type { RunPredictions } from './run-predictions';

/** Rows shown by default. */
export const WORST_COUNT = 20;
/** Dataset columns shown beside each row (the table scrolls sideways). */
export const WORST_COLUMN_COUNT = 8;

/** How rows are ranked, for the table's heading. */
export type WorstRankKind = 'log-loss' | 'absolute-error' | 'misclassified';

/** Every evaluated row that is wrong at all, worst first (O(n log n), computed once per evaluation). */
export interface WorstRanking {
  kind: WorstRankKind;
  order: WorstPrediction[];
}

/** One row of the table; `rowNumber` is 1-based as in the data grid. */
export interface WorstRow {
  rowNumber: number;
  actual: string;
  predicted: string;
  /** Probability the model gave the true class; null for regression or without probabilities. */
  probability: number | null;
  /** −ln p of the true class (p clipped to [ε, 1 − ε] like log loss), |actual − predicted|, or 1 for a wrong class. */
  error: number;
  values: string[];
}

/** What the table is narrowed to: a true class index (classification) and text any shown value must contain. */
export interface WorstFilter {
  trueClass: number | null;
  text: string;
}

/** Ranks all evaluated rows by error, worst first (ties by position); rows predicted exactly right are left out. */
export function rankWorstPredictions(predictions: RunPredictions, task: SupervisedTask): WorstRanking {
  const { yTrue, yPred, proba, classes } = predictions;
  const n = yTrue.length;
  if (task === 'regression') return { kind: 'absolute-error', order: findWorstPredictions(yTrue, yPred, n).filter((w) => w.error > 0) };
  const classCount = classes?.length ?? 2;
  if (proba) return { kind: 'log-loss', order: findWorstPredictions(yTrue, proba, n, classCount) };
  // Without probabilities the predicted class counts as certain: one-hot rows give error 1 when wrong, 0 when right.
  const oneHot = new Float64Array(n * classCount);
  yPred.forEach((c, i) => (oneHot[i * classCount + c] = 1));
  const order = findWorstPredictions(yTrue, oneHot, n, classCount).filter((w) => w.error > 0);
  return { kind: 'misclassified', order: order.map((w) => ({ ...w, trueClassProbability: null })) };
}

/** The first `columnCount` dataset columns that are not the target. */
export function chooseWorstColumns(table: Table, target: string | null, columnCount = WORST_COLUMN_COUNT): Column[] {
  return table.columns.filter((c) => c.name !== target).slice(0, columnCount);
}

function describeValue(value: number, classes: string[] | null): string {
  return classes ? (classes[value] ?? String(value)) : formatNumber(value);
}

/** The k worst rows passing `filter` (text: case-insensitive, in the row number, true, predicted or a shown value). */
export function pickWorstRows(ranking: WorstRanking, predictions: RunPredictions, columns: readonly Column[], filter: WorstFilter, k = WORST_COUNT): WorstRow[] {
  const needle = filter.text.trim().toLowerCase();
  const rows: WorstRow[] = [];
  for (const w of ranking.order) {
    if (rows.length >= k) break;
    if (filter.trueClass !== null && w.actual !== filter.trueClass) continue;
    const datasetRow = predictions.rows[w.row];
    const p = w.trueClassProbability;
    const row: WorstRow = {
      rowNumber: datasetRow + 1,
      actual: describeValue(w.actual, predictions.classes),
      predicted: describeValue(ranking.kind === 'log-loss' ? predictions.yPred[w.row] : w.predicted, predictions.classes),
      probability: p,
      error: ranking.kind === 'log-loss' && p !== null ? -Math.log(Math.min(Math.max(p, Number.EPSILON), 1 - Number.EPSILON)) : w.error,
      values: columns.map((c) => formatCell(c, datasetRow)),
    };
    if (needle && ![String(row.rowNumber), row.actual, row.predicted, ...row.values].some((v) => v.toLowerCase().includes(needle))) continue;
    rows.push(row);
  }
  return rows;
}
