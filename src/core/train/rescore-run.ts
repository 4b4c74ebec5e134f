// "Predict on validation" for a stored run: rebuild the model and the fitted pipeline from their JSON (no
// retraining), transform the validation rows, predict and score them again with the problem's metrics.

import { ModelSpecError } from '../errors';
import { buildFeatureMatrix } from '../models/feature-matrix';
import { loadModel } from '../models/registry';
import { isEnsembleModel } from '../models/ensemble/ensemble-model';
import { loadEnsemble } from '../models/ensemble/predict-ensemble';
import { predictEnsembleHeldOutNow } from '../models/ensemble/predict-ensemble-held-out';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import { prepareHeldOutRows } from './prepare-held-out';
import { readSupervisedProblem } from './prepare-training-data';
import { scoreModel, scoreOutputs } from './score-model';
import { dropIncompleteRows } from './prepare-unsupervised-data';
import { scoreClustering } from './train-unsupervised';
import type { MetricScores, TrainedRun } from './types';

/** Scores `run`'s stored model on `validation` rows of `table`, through its stored fitted pipeline. */
export function rescoreRun(table: Table, validation: RowIndices, run: TrainedRun, problem: ProblemSpec): MetricScores {
  if (problem.task === 'clustering') return rescoreClusteringRun(table, validation, run, problem);
  const { task, target } = readSupervisedProblem(problem);
  if (validation.length === 0) throw new ModelSpecError('The split has no validation rows to predict on; give the validation part a share above 0.');
  if (isEnsembleModel(run.model)) return rescoreEnsembleRun(table, validation, run, problem, task, target);
  const model = loadModel(run.model);
  const scored = prepareHeldOutRows(table, validation, run, task, target);
  if (!scored) throw new ModelSpecError(`No validation row has a value for "${target}" to compare predictions with.`);
  return scoreModel(model, scored.X, scored.y, problem);
}

/** A clustering run's stored model and pipeline scored again on `validation` rows (rows missing a value left out). */
function rescoreClusteringRun(table: Table, validation: RowIndices, run: TrainedRun, problem: ProblemSpec): MetricScores {
  if (validation.length === 0) throw new ModelSpecError('The split has no validation rows to predict on; give the validation part a share above 0.');
  const prepared = transformTable(run.pipeline, takeRows(table, validation)).table;
  const X = dropIncompleteRows(buildFeatureMatrix(prepared, run.featureNames).X);
  if (!X) throw new ModelSpecError('Every validation row misses a feature value; impute them in the Prepare cell.');
  return scoreClustering(loadModel(run.model), X, { problem, seed: run.seed });
}

/** An ensemble run's blend (predict-ensemble) scored again on `validation` rows with the problem's metrics. */
function rescoreEnsembleRun(table: Table, validation: RowIndices, run: TrainedRun, problem: ProblemSpec, task: SupervisedTask, target: string): MetricScores {
  const scored = predictEnsembleHeldOutNow(table, validation, loadEnsemble(run.model), task, target);
  if (!scored) throw new ModelSpecError(`No validation row has a value for "${target}" to compare predictions with.`);
  return scoreOutputs(scored.outputs, { values: scored.y.values, ...(run.classes ? { classes: run.classes } : {}) }, problem);
}
