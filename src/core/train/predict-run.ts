// "Predict held-out rows" for a trained run: rebuild its model and fitted pipeline from their JSON (no retraining),
// transform the rows, and predict them in one pass. Evaluate and Compare read these predictions.

import { ModelSpecError } from '../errors';
import type { RunPredictions } from '../evaluate/run-predictions';
import { predictOutputs } from '../models/predict-outputs';
import { loadModel } from '../models/registry';
import type { ProblemSpec } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { prepareHeldOutRows } from './prepare-held-out';
import { readSupervisedProblem } from './prepare-training-data';
import type { TrainedRun } from './types';

/** `run`'s predictions on `rows` of `table` (rows without a target are left out); each array on its own buffer. */
export async function predictRun(table: Table, rows: RowIndices, run: TrainedRun, problem: ProblemSpec): Promise<RunPredictions> {
  const { task, target } = readSupervisedProblem(problem);
  if (rows.length === 0) throw new ModelSpecError('The split part to evaluate has no rows; give it a share above 0 in the Split cell.');
  const model = loadModel(run.model);
  const scored = prepareHeldOutRows(table, rows, run, task, target);
  if (!scored) throw new ModelSpecError(`No row has a value for "${target}" to compare predictions with.`);
  const classes = run.classes ?? null;
  const { predictions, proba } = await predictOutputs(model, scored.X, classes !== null);
  return {
    rows: scored.rows,
    yTrue: Float64Array.from(scored.y.values),
    yPred: Float64Array.from(predictions),
    proba: proba ? Float64Array.from(proba) : null,
    classes,
  };
}
