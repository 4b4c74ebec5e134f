// A Prepare-cell run: fit the pipeline on the training rows only, then transform the validation rows with
// transformTable (the one transform path) and keep a small before/after sample for display.

import { keyColumn } from '../split/column-keys';
import type { RowIndices, Table } from '../table/types';
import type { FittedPipeline, TransformReport } from './fitted-types';
import { transformAndMark, type CellMark } from './mark-changed-cells';
import { fitPipelineWithTraining, transformTable } from './pipeline';
import type { PipelineStep } from './step-types';
import { takeRows } from './take-rows';

/** What the Prepare cell shows after a fit; `before`/`after` hold the same rows (≤ previewRowCount), aligned. */
export interface PipelinePreview {
  readonly fitted: FittedPipeline;
  readonly training: {
    readonly report: TransformReport;
    /** Rows per class of the last resample step's target after resampling; null without a resample step. */
    readonly classCounts: Record<string, number> | null;
    /** Weight per class from a class_weights step; null otherwise. */
    readonly classWeights: Record<string, number> | null;
  };
  /** Which rows the preview shows: validation rows, or training rows when the split has no validation part. */
  readonly previewPart: 'validation' | 'train';
  readonly previewReport: TransformReport;
  readonly before: Table;
  readonly after: Table;
  /** Cells of `after` a step filled, clipped or made missing (rows of `after`). */
  readonly marks: CellMark[];
}

/** The problem's target (never picked by a column rule) and how many rows to show (default 50). */
export interface PreviewOptions {
  readonly target?: string | null;
  readonly previewRowCount?: number;
}

/** Fits `steps` on `rows.train` of `table` and previews them on `rows.validation` (first `previewRowCount` output rows). */
export function previewPipeline(
  table: Table,
  steps: readonly PipelineStep[],
  rows: { readonly train: RowIndices; readonly validation: RowIndices },
  options: PreviewOptions = {},
): PipelinePreview {
  const { fitted, training } = fitPipelineWithTraining(steps, table, rows.train, { target: options.target ?? null });
  const previewPart = rows.validation.length > 0 ? 'validation' : 'train';
  const partRows = previewPart === 'validation' ? rows.validation : rows.train;
  const result = transformTable(fitted, takeRows(table, partRows));
  const shown = Math.min(options.previewRowCount ?? 50, result.table.rowCount);
  const outputRows = Array.from({ length: shown }, (_, i) => i);
  const inputRows = outputRows.map((i) => partRows[result.rows[i]]);
  // The shown rows again, step by step: every step is row-wise outside training, so they come out the same.
  const { marks } = transformAndMark(fitted, takeRows(table, inputRows));
  const resample = [...steps].reverse().find((s) => s.kind === 'resample');
  return {
    fitted,
    training: {
      report: training.report,
      classCounts: resample ? countClasses(training.table, resample.target) : null,
      classWeights: resample && training.sampleWeights ? weighClasses(training.table, resample.target, training.sampleWeights) : null,
    },
    previewPart,
    previewReport: result.report,
    before: takeRows(table, inputRows),
    after: takeRows(result.table, outputRows),
    marks,
  };
}

function countClasses(table: Table, target: string): Record<string, number> | null {
  const column = table.columns.find((c) => c.name === target);
  if (!column) return null;
  const { ids, labels } = keyColumn(column);
  const counts: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const id of ids) if (id >= 0) counts[labels[id]]++;
  return counts;
}

function weighClasses(table: Table, target: string, weights: Float64Array): Record<string, number> | null {
  const column = table.columns.find((c) => c.name === target);
  if (!column) return null;
  const { ids, labels } = keyColumn(column);
  // A Map first: a label may be "__proto__", which assigned to a plain {} would set its prototype instead.
  const out = new Map<string, number>();
  ids.forEach((id, row) => {
    if (id >= 0) out.set(labels[id], weights[row]);
  });
  return Object.fromEntries(out);
}
