// A fitted pipeline (plain JSON, versioned) and the report a transform returns.

import type { ColumnKind } from '../table/types';
import type { ColumnRule, PipelineStep, ResolvedStep } from './step-types';

export const FITTED_PIPELINE_FORMAT_VERSION = 1;

/**
 * One step with the state it learnt from training rows (plain JSON; numbers via json-number). `spec` holds the
 * columns as names, as applied; `selection` keeps the rule they were resolved from (absent for a list).
 * Pipelines fitted before rules existed have no `selection` and read the same, so the format stays 1.
 */
export interface FittedStep {
  readonly spec: ResolvedStep;
  readonly state: unknown;
  readonly selection?: ColumnRule;
}

/** The step as configured: the rule it was fitted from, or its spec when it named its columns. */
export function readConfiguredStep(step: FittedStep): PipelineStep {
  return step.selection ? ({ ...step.spec, columns: step.selection } as PipelineStep) : step.spec;
}

/** Everything transformTable needs; JSON.parse(JSON.stringify(x)) deep-equals x. */
export interface FittedPipeline {
  readonly formatVersion: 1;
  readonly steps: FittedStep[];
  /** Columns the pipeline reads, as they were at fit time. */
  readonly inputColumns: { name: string; kind: ColumnKind }[];
  /** Columns the pipeline writes, in order. */
  readonly outputColumns: { name: string; kind: ColumnKind }[];
  readonly trainRowCount: number;
}

/** What one step did to a table; the policy for each count is stated on the step. */
export interface StepReport {
  readonly id: string;
  readonly kind: PipelineStep['kind'];
  /** Category values not seen in training. */
  unseen: number;
  /** Values outside the training range that the step clipped, nulled or could not map. */
  outOfRange: number;
  rowsRemoved: number;
}

export interface TransformReport {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly steps: StepReport[];
}
