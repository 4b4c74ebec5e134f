// "Predict held-out rows" for a trained run: rebuild its model and fitted pipeline from their JSON (no retraining),
// transform the rows, and predict them in one pass (an ensemble: every member from the raw rows, blended). Evaluate
// and Compare read these predictions.

import { ModelSpecError } from '../errors';
import type { RunPredictions } from '../evaluate/run-predictions';
import { predictOutputs } from '../models/predict-outputs';
import { loadModel } from '../models/registry';
import { isEnsembleModel } from '../models/ensemble/ensemble-model';
import { loadEnsemble } from '../models/ensemble/predict-ensemble';
import { predictEnsembleHeldOut } from '../models/ensemble/predict-ensemble-held-out';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { prepareHeldOutRows } from './prepare-held-out';
import { readSupervisedProblem } from './prepare-training-data';
import type { TrainedRun } from './types';

/** `run`'s predictions on `rows` of `table` (rows without a target are left out); each array on its own buffer. */
export async function predictRun(table: Table, rows: RowIndices, run: TrainedRun, problem: ProblemSpec): Promise<RunPredictions> {
  const { task, target } = readSupervisedProblem(problem);
  if (rows.length === 0) throw new ModelSpecError('The split part to evaluate has no rows; give it a share above 0 in the Split cell.');
  if (isEnsembleModel(run.model)) return predictEnsembleRun(table, rows, run, task, target);
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

/** predictRun of an ensemble run: its members predict the raw rows, blended (predict-ensemble). */
async function predictEnsembleRun(table: Table, rows: RowIndices, run: TrainedRun, task: SupervisedTask, target: string): Promise<RunPredictions> {
  const scored = await predictEnsembleHeldOut(table, rows, loadEnsemble(run.model), task, target);
  if (!scored) throw new ModelSpecError(`No row has a value for "${target}" to compare predictions with.`);
  return {
    rows: scored.rows,
    yTrue: scored.y.values,
    yPred: scored.outputs.predictions,
    proba: scored.outputs.proba,
    classes: run.classes ?? null,
  };
}
