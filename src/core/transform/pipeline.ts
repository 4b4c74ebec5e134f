// fitPipeline / transformTable: learn every step's state from TRAINING ROWS ONLY, then apply the fitted
// pipeline to any table with one code path (validation, test, CV folds, batch scoring, export).

import type { ColumnKind, RowIndices, Table } from '../table/types';
import { StudioError } from '../errors';
import { FITTED_PIPELINE_FORMAT_VERSION, type FittedPipeline, type FittedStep, type StepReport, type TransformReport } from './fitted-types';
import type { StepOutput } from './step-context';
import { getStepDefinition } from './step-registry';
import { resolveStep } from './resolve-columns';
import { isColumnRule, type PipelineStep, type ResampleStep } from './step-types';
import { resampleTraining, type ResampledTraining } from './steps/resample';
import { takeRows } from './take-rows';

/** The fitted pipeline plus the training set it produced (cross-fitted encodings, dedupe, resampling applied). */
export interface FitResult {
  readonly fitted: FittedPipeline;
  readonly training: {
    readonly table: Table;
    /** Per training-output row, the row of the input table it came from (−1: synthetic SMOTE row). */
    readonly sourceRows: Int32Array;
    /** Per-row weights from a class_weights step; null otherwise. */
    readonly sampleWeights: Float64Array | null;
    readonly report: TransformReport;
  };
}

/** The result of transformTable: the new table, what happened, and each output row's input row. */
export interface TransformResult {
  readonly table: Table;
  readonly report: TransformReport;
  readonly rows: RowIndices;
}

/** What a fit knows besides the steps: the problem's target (null: none), which column rules never pick. */
export interface FitOptions {
  readonly target?: string | null;
}

/**
 * Learns `steps` from the rows `trainRows` of `table` only; returns plain-JSON state (formatVersion 1). A column
 * rule is resolved against the table as it is at its step (training rows), and the fitted step keeps the names.
 */
export function fitPipeline(steps: readonly PipelineStep[], table: Table, trainRows: RowIndices, options: FitOptions = {}): FittedPipeline {
  return fitPipelineWithTraining(steps, table, trainRows, options).fitted;
}

/** fitPipeline, also returning the prepared training set that models should be trained on. */
export function fitPipelineWithTraining(steps: readonly PipelineStep[], table: Table, trainRows: RowIndices, options: FitOptions = {}): FitResult {
  assertUniqueIds(steps);
  let train = takeRows(table, trainRows);
  let sourceRows = Int32Array.from(trainRows);
  const fittedSteps: FittedStep[] = [];
  const reports: StepReport[] = [];
  for (const spec of steps) {
    if (spec.kind === 'resample') {
      fittedSteps.push({ spec, state: null });
      continue;
    }
    const resolved = resolveStep(spec, train, options.target ?? null);
    const definition = getStepDefinition(spec.kind);
    const state = definition.fit(resolved as never, train);
    const report = createStepReport(spec);
    const out = definition.apply(resolved as never, state, train, report, 'fit');
    if (out.keptRows) sourceRows = Int32Array.from(out.keptRows, (r) => sourceRows[r]);
    train = out.table;
    reports.push(report);
    fittedSteps.push('columns' in spec && isColumnRule(spec.columns) ? { spec: resolved, state, selection: spec.columns } : { spec: resolved, state });
  }
  if (train.columns.length === 0) throw new StudioError('PipelineError', 'The pipeline leaves no columns: remove a drop step or keep at least one column.');
  let sampleWeights: Float64Array | null = null;
  for (const spec of steps.filter((s): s is ResampleStep => s.kind === 'resample')) {
    const resampled: ResampledTraining = resampleTraining(spec, train);
    const previous = sourceRows;
    sourceRows = Int32Array.from(resampled.sourceRows, (r) => (r < 0 ? -1 : previous[r]));
    if (resampled.sampleWeights) sampleWeights = resampled.sampleWeights;
    else if (sampleWeights) sampleWeights = Float64Array.from(resampled.sourceRows, (r) => (r < 0 ? 1 : (sampleWeights as Float64Array)[r]));
    train = resampled.table;
  }
  const fitted: FittedPipeline = {
    formatVersion: FITTED_PIPELINE_FORMAT_VERSION,
    steps: fittedSteps,
    inputColumns: describeColumns(table),
    outputColumns: describeColumns(train),
    trainRowCount: trainRows.length,
  };
  return { fitted, training: { table: train, sourceRows, sampleWeights, report: { rowsIn: trainRows.length, rowsOut: train.rowCount, steps: reports } } };
}

/** Sees each applied step's input and output (the preview marks imputed and clipped cells with it). */
export type StepObserver = (step: FittedStep, input: Table, output: StepOutput) => void;

/** Applies a fitted pipeline to `table` (any rows); resample steps are skipped, dedupe keeps every row. */
export function transformTable(fitted: FittedPipeline, table: Table, observe?: StepObserver): TransformResult {
  if (fitted.formatVersion !== FITTED_PIPELINE_FORMAT_VERSION) {
    throw new StudioError('PipelineError', `Fitted pipeline format ${String(fitted.formatVersion)} is not supported (expected ${FITTED_PIPELINE_FORMAT_VERSION}); refit the pipeline.`);
  }
  let current = table;
  let rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const reports: StepReport[] = [];
  for (const step of fitted.steps) {
    const { spec, state } = step;
    if (spec.kind === 'resample') continue;
    const report = createStepReport(spec);
    const out = getStepDefinition(spec.kind).apply(spec as never, state, current, report, 'transform');
    observe?.(step, current, out);
    if (out.keptRows) rows = Uint32Array.from(out.keptRows, (r) => rows[r]);
    current = out.table;
    reports.push(report);
  }
  return { table: current, report: { rowsIn: table.rowCount, rowsOut: current.rowCount, steps: reports }, rows };
}

function createStepReport(spec: Pick<PipelineStep, 'id' | 'kind'>): StepReport {
  return { id: spec.id, kind: spec.kind, unseen: 0, outOfRange: 0, rowsRemoved: 0 };
}

function describeColumns(table: Table): { name: string; kind: ColumnKind }[] {
  return table.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

function assertUniqueIds(steps: readonly PipelineStep[]): void {
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.id)) throw new StudioError('PipelineError', `Two steps share the id '${step.id}'; give each step its own id.`);
    seen.add(step.id);
  }
}
