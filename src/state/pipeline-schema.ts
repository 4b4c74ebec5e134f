// The columns each Prepare step sees: the pipeline prefix before it, fitted on a small sample of training
// rows on the main thread, so column pickers offer what exists at that point (and what a rule picks there)
// and a broken step is named before anything runs in the worker.

import type { RowIndices, ColumnKind, Table } from '../core/table/types';
import { fitPipelineWithTraining } from '../core/transform/pipeline';
import type { PipelineStep } from '../core/transform/step-types';

/** Rows of the sample the schema is computed on (the first training rows, in order). */
export const SCHEMA_SAMPLE_ROWS = 500;

export interface ColumnInfo {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** Per step: the columns before it, the names its column rule resolves to there (null: a list, or it failed) and its error. */
export interface StepSchema {
  readonly id: string;
  readonly input: ColumnInfo[];
  readonly resolved: string[] | null;
  readonly error: string | null;
}

/** The schema before each step and after the last; errors are PipelineError messages naming the step. */
export interface PipelineSchema {
  readonly steps: StepSchema[];
  readonly output: ColumnInfo[];
}

/** The first `SCHEMA_SAMPLE_ROWS` rows of `trainRows` (all rows of `table` when there is no split yet). */
export function sampleSchemaRows(table: Table, trainRows: RowIndices | null): RowIndices {
  if (trainRows) return trainRows.slice(0, SCHEMA_SAMPLE_ROWS);
  return Uint32Array.from({ length: Math.min(SCHEMA_SAMPLE_ROWS, table.rowCount) }, (_, i) => i);
}

/**
 * Fits each prefix of `steps` on `rows` of `table` to learn the columns before every step (column rules never pick
 * `target`). A step that throws keeps its error and is skipped for the steps after it; a step that leaves no
 * columns is an error.
 */
export function describePipelineSchema(table: Table, steps: readonly PipelineStep[], rows: RowIndices, target: string | null = null): PipelineSchema {
  const kept: PipelineStep[] = [];
  let current = describe(table);
  const out: StepSchema[] = [];
  for (const step of steps) {
    const input = current;
    try {
      const { fitted } = fitPipelineWithTraining([...kept, step], table, rows, { target });
      const last = fitted.steps[fitted.steps.length - 1];
      kept.push(step);
      current = fitted.outputColumns;
      out.push({ id: step.id, input, resolved: last.selection && 'columns' in last.spec ? last.spec.columns : null, error: null });
    } catch (error) {
      out.push({ id: step.id, input, resolved: null, error: describeStepFailure(step, error) });
    }
  }
  return { steps: out, output: current };
}

function describe(table: Table): ColumnInfo[] {
  return table.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

function describeStepFailure(step: PipelineStep, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('The pipeline leaves no columns')) return `Step '${step.id}' (${step.kind}): it leaves no columns; keep at least one column.`;
  return message;
}
