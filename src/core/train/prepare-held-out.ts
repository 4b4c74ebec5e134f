// A stored run's held-out rows as its model sees them: the rows through the run's fitted pipeline, its feature
// matrix and target, rows without a target left out, and the dataset row of every kept row. Evaluate, Explain,
// Compare and "Predict on validation" all start here.

import { isAbortError, ModelSpecError } from '../errors';
import { buildFeatureMatrix } from '../models/feature-matrix';
import type { FeatureMatrix, Target } from '../models/types';
import type { SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import { dropMissingTargets } from './prepare-training-data';
import { readValidationTarget } from './read-target';
import type { TrainedRun } from './types';

/** Prepared held-out rows: X and y for the model, `rows` = dataset row of each, `table` = the transformed rows (all of them). */
export interface HeldOutRows {
  X: FeatureMatrix;
  y: Target;
  rows: Uint32Array;
  table: Table;
}

/** `rows` of `table` through `run`'s pipeline; null when no row has a target. A run whose features cannot be built is a ModelSpecError saying to retrain. */
export function prepareHeldOutRows(table: Table, rows: RowIndices, run: TrainedRun, task: SupervisedTask, target: string): HeldOutRows | null {
  let transformed: ReturnType<typeof transformTable>;
  let X: FeatureMatrix;
  try {
    transformed = transformTable(run.pipeline, takeRows(table, rows));
    X = buildFeatureMatrix(transformed.table, run.featureNames).X;
    if (X.cols !== run.featureNames.length) throw new Error(`only ${X.cols} of its ${run.featureNames.length} features can be built.`);
  } catch (error) {
    if (!(error instanceof Error) || isAbortError(error)) throw error;
    throw new ModelSpecError(`The run "${run.label}" no longer matches the data: ${error.message} Retrain it in the Train cell.`);
  }
  const y = readValidationTarget(transformed.table, target, task, { values: new Float64Array(0), ...(run.classes ? { classes: run.classes } : {}) });
  const scored = dropMissingTargets(X, y);
  if (!scored) return null;
  const kept = Uint32Array.from(transformed.rows, (r) => rows[r]).filter((_, i) => !Number.isNaN(y.values[i]));
  return { X: scored.X, y: scored.y, rows: kept, table: transformed.table };
}
