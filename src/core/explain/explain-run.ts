// The Explain cell's job: rebuilds a trained run and, on its validation rows, measures permutation importance,
// SHAP values of a seeded sample of rows (exact TreeSHAP for tree ensembles, Kernel SHAP otherwise) and partial
// dependence + ICE for the most important features. The result is plain data, saved as the cell's output. An
// ensemble is explained on its raw columns (every method model-agnostic: Kernel SHAP, not TreeSHAP).

import { DataError, ModelSpecError } from '../errors';
import { readProbabilityColumn, selectProblemMetric, type ProblemMetric } from '../evaluate/select-problem-metric';
import { loadModel } from '../models/registry';
import { isEnsembleModel } from '../models/ensemble/ensemble-model';
import { loadEnsemble } from '../models/ensemble/predict-ensemble';
import { predictEnsembleHeldOut } from '../models/ensemble/predict-ensemble-held-out';
import { createRawEnsembleModel, encodeRawColumns } from '../models/ensemble/raw-ensemble-model';
import type { FeatureMatrix, FittedModel } from '../models/types';
import { METRICS, type MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { prepareHeldOutRows } from '../train/prepare-held-out';
import { readSupervisedProblem } from '../train/prepare-training-data';
import { findPositiveClass } from '../train/score-model';
import type { TrainedRun } from '../train/types';
import { traceFeatureSources } from '../transform/trace-feature-sources';
import { computePartialDependence, type PartialDependence } from './compute-partial-dependence';
import { computePermutationImportance, type ImportanceScore } from './compute-permutation-importance';
import type { ExplainOptions, ExplainProgress, ExplainResult, ImportanceSection } from './explain-result';
import { explainShap } from './explain-shap';

const ICE_LINES = 30;
const PROGRESS_INTERVAL_MS = 50;

/** Explains `run` on table rows `rows` (the validation part); `onProgress` fires ≤ 20 times a second, always at a stage's end. */
export async function explainRun(
  table: Table, rows: RowIndices, run: TrainedRun, problem: ProblemSpec, options: ExplainOptions, onProgress?: (progress: ExplainProgress) => void,
): Promise<ExplainResult> {
  const { task, target } = readSupervisedProblem(problem);
  checkOptions(options);
  const { data, model } = isEnsembleModel(run.model) ? await prepareEnsembleRows(table, rows, run, task, target) : { data: prepareValidationRows(table, rows, run, task, target), model: loadModel(run.model) };
  const explainedClass = chooseExplainedClass(task, run.classes, problem, options.classIndex);
  const report = createReporter(onProgress);
  const importance = await measureImportance(model, data, problem, task, run.classes, options, report);
  const shap = await explainShap(model, run, data, explainedClass, task, options, report);
  const ranking = [...importance.features].sort((a, b) => b.mean - a.mean).map((f) => f.feature);
  const pd = await explainPartialDependence(model, data.X, ranking.slice(0, options.pdFeatures), explainedClass, task, options.seed, report);
  const result: ExplainResult = {
    featureNames: [...data.X.featureNames], featureLevels: data.levels, featureSources: [...traceFeatureSources(run.pipeline)], rowsUsed: data.X.rows, constantFeatures: findConstantFeatures(data.X),
    explainedClass, importance, shap: typeof shap === 'string' ? null : shap, shapSkipped: typeof shap === 'string' ? shap : null,
    partialDependence: pd.curves, partialDependenceSkipped: pd.skipped,
  };
  return result;
}

function checkOptions({ repeats, shapRows, pdFeatures }: ExplainOptions): void {
  const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!whole(repeats, 1, 100)) throw new DataError(`Shuffles per feature must be a whole number from 1 to 100; got ${repeats}.`);
  if (!whole(shapRows, 1, 5000)) throw new DataError(`Rows to explain with SHAP must be a whole number from 1 to 5000; got ${shapRows}.`);
  if (!whole(pdFeatures, 0, 20)) throw new DataError(`Partial dependence features must be a whole number from 0 to 20; got ${pdFeatures}.`);
}

export interface ValidationData {
  X: FeatureMatrix;
  y: Float64Array;
  /** Dataset row of each row of X. */
  rows: Uint32Array;
  levels: (string[] | null)[];
}

/** The validation rows through the run's fitted pipeline, rows without a target left out. */
function prepareValidationRows(table: Table, rows: RowIndices, run: TrainedRun, task: SupervisedTask, target: string): ValidationData {
  if (rows.length === 0) throw new ModelSpecError('The split has no validation rows to explain the model on; give the validation part a share above 0 in the Split cell.');
  const heldOut = prepareHeldOutRows(table, rows, run, task, target);
  if (!heldOut) throw new ModelSpecError(`No validation row has a value for "${target}"; explanations are measured against the target.`);
  if (heldOut.X.rows < 2) {
    throw new ModelSpecError(`Only ${heldOut.X.rows} validation row has a target; permutation importance shuffles rows and needs at least 2 — give the validation part a larger share in the Split cell.`);
  }
  const levels = heldOut.X.featureNames.map((name) => {
    const column = heldOut.table.columns.find((c) => c.name === name);
    return column?.kind === 'categorical' ? [...column.levels] : column?.kind === 'boolean' ? ['false', 'true'] : null;
  });
  return { X: heldOut.X, y: heldOut.y.values, rows: heldOut.rows, levels };
}

/**
 * An ensemble explained on its raw columns: the validation rows it scores as a matrix of raw values (text left out)
 * and the ensemble as one model over that matrix (raw-ensemble-model), so importance, Kernel SHAP and partial
 * dependence read the columns a user gave rather than any member's features.
 */
async function prepareEnsembleRows(table: Table, rows: RowIndices, run: TrainedRun, task: SupervisedTask, target: string): Promise<{ data: ValidationData; model: FittedModel }> {
  if (rows.length === 0) throw new ModelSpecError('The split has no validation rows to explain the model on; give the validation part a share above 0 in the Split cell.');
  const ensemble = loadEnsemble(run.model);
  const inputs = new Set(run.featureNames);
  const raw = { rowCount: table.rowCount, columns: table.columns.filter((c) => inputs.has(c.name) || c.name === target) };
  const heldOut = await predictEnsembleHeldOut(raw, rows, ensemble, task, target);
  if (!heldOut || heldOut.rows.length < 2) {
    throw new ModelSpecError(`Only ${heldOut?.rows.length ?? 0} validation row the ensemble scores has a target; permutation importance shuffles rows and needs at least 2 — give the validation part a larger share in the Split cell.`);
  }
  const features = { rowCount: heldOut.table.rowCount, columns: heldOut.table.columns.filter((c) => c.name !== target) };
  const encoded = encodeRawColumns(features, run.featureNames);
  return {
    data: { X: encoded.X, y: heldOut.y.values, rows: heldOut.rows, levels: encoded.levels },
    model: createRawEnsembleModel(ensemble, run.model, features, encoded),
  };
}

/** Binary: the problem's positive class; multiclass: class `classIndex` (default the first); regression: none. */
function chooseExplainedClass(task: SupervisedTask, classes: string[] | undefined, problem: ProblemSpec, classIndex: number | null): ExplainResult['explainedClass'] {
  if (task === 'regression' || !classes) return null;
  const index = task === 'binary' ? findPositiveClass(problem, classes) : (classIndex ?? 0);
  if (!Number.isInteger(index) || index < 0 || index >= classes.length) throw new DataError(`Class ${index} does not exist; pick one of ${classes.join(', ')}.`);
  return { index, label: classes[index] };
}

export type Report = (stage: ExplainProgress['stage'], done: number, total: number) => void;

function createReporter(onProgress: ((progress: ExplainProgress) => void) | undefined): Report {
  let lastMs = Number.NEGATIVE_INFINITY;
  return (stage, done, total) => {
    const now = Date.now();
    if (!onProgress || (done > 0 && done < total && now - lastMs < PROGRESS_INTERVAL_MS)) return;
    lastMs = now;
    onProgress({ stage, done, total });
  };
}

async function measureImportance(
  model: FittedModel, data: ValidationData, problem: ProblemSpec, task: SupervisedTask, classes: string[] | undefined, options: ExplainOptions, report: Report,
): Promise<ImportanceSection> {
  const scoring = selectImportanceScore(problem, task, classes?.length ?? 0, findPositiveClass(problem, classes), model.predictProba !== undefined);
  report('importance', 0, data.X.cols);
  const result = await computePermutationImportance(model, data.X, data.y, scoring.score, {
    repeats: options.repeats, seed: options.seed, output: scoring.output, onProgress: (done, total) => report('importance', done, total),
  });
  const lowerIsBetter = METRICS[scoring.metric].direction === 'lower';
  return {
    metric: scoring.metric, lowerIsBetter, baselineScore: lowerIsBetter ? -result.baselineScore : result.baselineScore, repeats: options.repeats,
    note: scoring.note, features: result.features.map(({ feature, mean, std }) => ({ feature, mean, std })),
  };
}

interface ImportanceScoring {
  metric: MetricId;
  output: 'predict' | 'predictProba';
  score: ImportanceScore;
  note: string | null;
}

/** The problem's primary metric as a higher-is-better score (losses negated, as sklearn's neg_* scorers). */
function selectImportanceScore(problem: ProblemSpec, task: SupervisedTask, K: number, positive: number, hasProba: boolean): ImportanceScoring {
  const id = problem.primaryMetric;
  const fallbackId: MetricId = task === 'regression' ? 'r2' : 'accuracy';
  const selected = selectProblemMetric(id, K, positive);
  const usable = selected && (selected.input === 'predictions' || hasProba);
  const metric = usable ? id : fallbackId;
  const chosen = usable ? selected : (selectProblemMetric(fallbackId, K, positive) as ProblemMetric);
  const sign = METRICS[metric].direction === 'lower' ? -1 : 1;
  const score: ImportanceScore = chosen.input === 'positive-score'
    ? (t, p) => sign * (chosen.compute(t, readProbabilityColumn(p, K, positive)).value ?? NaN)
    : (t, p) => sign * (chosen.compute(t, p).value ?? NaN);
  const fallbackName = task === 'regression' ? 'R²' : 'accuracy';
  const note = usable ? null : selected
    ? `${METRICS[id].label} needs probabilities, which this model does not give; importance is measured with ${fallbackName}.`
    : `${METRICS[id].label} does not score a ${task} model; importance is measured with ${fallbackName}.`;
  return { metric, output: chosen.input === 'predictions' ? 'predict' : 'predictProba', score, note };
}

async function explainPartialDependence(
  model: FittedModel, X: FeatureMatrix, features: string[], explained: ExplainResult['explainedClass'], task: SupervisedTask, seed: number, report: Report,
): Promise<{ curves: PartialDependence[]; skipped: string[] }> {
  if (features.length === 0) return { curves: [], skipped: [] };
  if (task !== 'regression' && !model.predictProba) return { curves: [], skipped: ['Partial dependence needs class probabilities, which this model does not give.'] };
  const curves: PartialDependence[] = [];
  const skipped: string[] = [];
  report('partial-dependence', 0, features.length);
  for (const [n, feature] of features.entries()) {
    try {
      curves.push(await computePartialDependence(model, X, feature, { iceRows: ICE_LINES, sampleRows: 500, seed, ...(explained ? { output: explained.index } : {}) }));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'DataError')) throw error;
      skipped.push(error.message);
    }
    report('partial-dependence', n + 1, features.length);
  }
  return { curves, skipped };
}

function findConstantFeatures(X: FeatureMatrix): string[] {
  return X.featureNames.filter((_, j) => {
    let first = NaN;
    for (let i = 0; i < X.rows; i++) {
      const v = X.values[i * X.cols + j];
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) return false;
    }
    return true;
  });
}
