// The Explain cell's worker job: rebuilds a stored run and, on its validation rows, measures permutation
// importance, SHAP values of a seeded sample of rows (exact TreeSHAP for tree models, Kernel SHAP otherwise)
// and partial dependence + ICE for the most important features. The result is plain data, saved as the output.

import { transfer } from 'comlink';
import * as evaluate from '../core/evaluate';
import { DataError, ModelSpecError } from '../core/errors';
import { computePartialDependence, type PartialDependence } from '../core/explain/compute-partial-dependence';
import { computePermutationImportance, type ImportanceScore } from '../core/explain/compute-permutation-importance';
import { computeTreeShap } from '../core/explain/compute-tree-shap';
import { estimateKernelShap } from '../core/explain/estimate-kernel-shap';
import { KERNEL_TIME_BUDGET_MS, measurePredictMs, planKernelShap } from '../core/explain/plan-kernel-shap';
import { readShapEnsemble, type ShapEnsemble, type ShapOutputSpace } from '../core/explain/shap-tree';
import { summariseBackground, type Background } from '../core/explain/summarise-background';
import { loadModel } from '../core/models/registry';
import type { FeatureMatrix, FittedModel } from '../core/models/types';
import { METRICS, type MetricId } from '../core/problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../core/problem/types';
import { createRandom } from '../core/split/prng';
import type { RowIndices, Table } from '../core/table/types';
import { prepareHeldOutRows } from '../core/train/prepare-held-out';
import { readSupervisedProblem } from '../core/train/prepare-training-data';
import { findPositiveClass } from '../core/train/score-model';
import type { TrainedRun } from '../core/train/types';

/** How much work to spend: shuffles per feature, rows for SHAP, features with a PD plot; classIndex picks a multiclass class (null → the first). */
export interface ExplainOptions {
  repeats: number;
  shapRows: number;
  pdFeatures: number;
  seed: number;
  classIndex: number | null;
}

/** A progress record: `done` of `total` features (importance, partial dependence) or rows (SHAP). */
export interface ExplainProgress {
  stage: 'importance' | 'shap' | 'partial-dependence';
  done: number;
  total: number;
}

/** Permutation importance in the units of `metric`; `baselineScore` is the metric itself (a loss stays a loss). */
export interface ImportanceSection {
  metric: MetricId;
  lowerIsBetter: boolean;
  baselineScore: number;
  repeats: number;
  /** Why another metric than the problem's primary one was used; null when it was the primary one. */
  note: string | null;
  /** Per feature, in feature order: how much worse the score gets when it is shuffled (mean, population std). */
  features: { feature: string; mean: number; std: number }[];
}

/** SHAP values of one output for the explained rows: baseValue + Σ_j values[i·features + j] = predictions[i]. */
export interface ShapSection {
  /** "exact TreeSHAP" or how Kernel SHAP was run. */
  method: string;
  space: ShapOutputSpace;
  baseValue: number;
  /** Dataset row index of each explained row. */
  rows: Uint32Array;
  /** Row-major rows × features. */
  values: Float64Array;
  featureValues: Float64Array;
  /** The model's own output per row in `space` (computed apart from the SHAP values, for the additivity check). */
  predictions: Float64Array;
}

/** Everything the Explain cell shows. */
export interface ExplainResult {
  featureNames: string[];
  /** Per feature: category labels by code (categorical, boolean), else null. */
  featureLevels: (string[] | null)[];
  /** Validation rows with a target that importance and PD were computed on. */
  rowsUsed: number;
  /** Features with a single value on those rows (their importance is 0 by construction). */
  constantFeatures: string[];
  /** The class whose probability (or margin) SHAP and PD explain; null for regression. */
  explainedClass: { index: number; label: string } | null;
  importance: ImportanceSection;
  shap: ShapSection | null;
  /** Why there are no SHAP values, when shap is null. */
  shapSkipped: string | null;
  partialDependence: PartialDependence[];
  /** One sentence per feature whose partial dependence could not be drawn. */
  partialDependenceSkipped: string[];
}

const TREE_KINDS = new Set(['decision_tree', 'random_forest', 'gradient_boosting']);
const BACKGROUND_ROWS = 50;
const ICE_LINES = 30;
const PROGRESS_INTERVAL_MS = 50;

/** Explains `run` on table rows `rows` (the validation part); `onProgress` fires ≤ 20 times a second, always at a stage's end. */
export async function explainRun(
  table: Table, rows: RowIndices, run: TrainedRun, problem: ProblemSpec, options: ExplainOptions, onProgress?: (progress: ExplainProgress) => void,
): Promise<ExplainResult> {
  const { task, target } = readSupervisedProblem(problem);
  checkOptions(options);
  const data = prepareValidationRows(table, rows, run, task, target);
  const model = loadModel(run.model);
  const explainedClass = chooseExplainedClass(task, run.classes, problem, options.classIndex);
  const report = createReporter(onProgress);
  const importance = await measureImportance(model, data, problem, task, run.classes, options, report);
  const shap = await explainShap(model, run, data, explainedClass, task, options, report);
  const ranking = [...importance.features].sort((a, b) => b.mean - a.mean).map((f) => f.feature);
  const pd = await explainPartialDependence(model, data.X, ranking.slice(0, options.pdFeatures), explainedClass, task, options.seed, report);
  const result: ExplainResult = {
    featureNames: [...data.X.featureNames], featureLevels: data.levels, rowsUsed: data.X.rows, constantFeatures: findConstantFeatures(data.X),
    explainedClass, importance, shap: typeof shap === 'string' ? null : shap, shapSkipped: typeof shap === 'string' ? shap : null,
    partialDependence: pd.curves, partialDependenceSkipped: pd.skipped,
  };
  const s = result.shap;
  return transfer(result, s ? [s.rows.buffer, s.values.buffer, s.featureValues.buffer, s.predictions.buffer] : []);
}

function checkOptions({ repeats, shapRows, pdFeatures }: ExplainOptions): void {
  const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!whole(repeats, 1, 100)) throw new DataError(`Shuffles per feature must be a whole number from 1 to 100; got ${repeats}.`);
  if (!whole(shapRows, 1, 5000)) throw new DataError(`Rows to explain with SHAP must be a whole number from 1 to 5000; got ${shapRows}.`);
  if (!whole(pdFeatures, 0, 20)) throw new DataError(`Partial dependence features must be a whole number from 0 to 20; got ${pdFeatures}.`);
}

interface ValidationData {
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

/** Binary: the problem's positive class; multiclass: class `classIndex` (default the first); regression: none. */
function chooseExplainedClass(task: SupervisedTask, classes: string[] | undefined, problem: ProblemSpec, classIndex: number | null): ExplainResult['explainedClass'] {
  if (task === 'regression' || !classes) return null;
  const index = task === 'binary' ? findPositiveClass(problem, classes) : (classIndex ?? 0);
  if (!Number.isInteger(index) || index < 0 || index >= classes.length) throw new DataError(`Class ${index} does not exist; pick one of ${classes.join(', ')}.`);
  return { index, label: classes[index] };
}

type Report = (stage: ExplainProgress['stage'], done: number, total: number) => void;

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
  const selected = evaluate.selectProblemMetric(id, K, positive);
  const usable = selected && (selected.input === 'predictions' || hasProba);
  const metric = usable ? id : fallbackId;
  const chosen = usable ? selected : (evaluate.selectProblemMetric(fallbackId, K, positive) as evaluate.ProblemMetric);
  const sign = METRICS[metric].direction === 'lower' ? -1 : 1;
  const score: ImportanceScore = chosen.input === 'positive-score'
    ? (t, p) => sign * (chosen.compute(t, evaluate.readProbabilityColumn(p, K, positive)).value ?? NaN)
    : (t, p) => sign * (chosen.compute(t, p).value ?? NaN);
  const fallbackName = task === 'regression' ? 'R²' : 'accuracy';
  const note = usable ? null : selected
    ? `${METRICS[id].name} needs probabilities, which this model does not give; importance is measured with ${fallbackName}.`
    : `${METRICS[id].name} does not score a ${task} model; importance is measured with ${fallbackName}.`;
  return { metric, output: chosen.input === 'predictions' ? 'predict' : 'predictProba', score, note };
}

/** SHAP for a seeded sample of ≤ shapRows rows, or a sentence saying why there is none. */
async function explainShap(
  model: FittedModel, run: TrainedRun, data: ValidationData, explained: ExplainResult['explainedClass'], task: SupervisedTask, options: ExplainOptions, report: Report,
): Promise<ShapSection | string> {
  const pick = (limit: number) => {
    const picked = sampleRows(data.X.rows, limit, options.seed);
    return { X: selectMatrixRows(data.X, picked), rows: Uint32Array.from(picked, (i) => data.rows[i]) };
  };
  try {
    if (TREE_KINDS.has(run.model.kind)) {
      const { X, rows } = pick(options.shapRows);
      report('shap', 0, X.rows);
      return { ...(await explainWithTreeShap(run, X, explained, task, report)), rows, featureValues: X.values };
    }
    if (task !== 'regression' && !model.predictProba) return `This ${run.label} model gives no class probabilities, so SHAP has no output to explain; permutation importance above still applies.`;
    const predictOne = selectPredictOne(model, explained);
    const background = summariseBackground(data.X, { limit: BACKGROUND_ROWS, seed: options.seed });
    const plan = planKernelShap(measurePredictMs(predictOne, background.X), background.X.cols, background.X.rows, Math.min(options.shapRows, data.X.rows));
    const { X, rows } = pick(plan.rows);
    report('shap', 0, X.rows);
    const core = await explainWithKernelShap(predictOne, background, X, plan.samples, options.seed, report);
    const reduced = plan.rows < Math.min(options.shapRows, data.X.rows) ? `; ${plan.rows} of ${Math.min(options.shapRows, data.X.rows)} rows, to finish in about ${KERNEL_TIME_BUDGET_MS / 1000} s` : '';
    return { ...core, method: core.method + reduced, space: explained ? 'probability' : 'value', rows, featureValues: X.values };
  } catch (error) {
    if (error instanceof Error && error.name === 'DataError') return error.message;
    throw error;
  }
}

type ShapCore = Omit<ShapSection, 'rows' | 'featureValues'>;

async function explainWithTreeShap(run: TrainedRun, X: FeatureMatrix, explained: ExplainResult['explainedClass'], task: SupervisedTask, report: Report): Promise<ShapCore> {
  const shap = await computeTreeShap(run.model, X, { onProgress: (done, total) => report('shap', done, total) });
  const { features: M, outputs: K } = shap;
  // Binary boosting has one output, class 1's log-odds; class 0's margin is its negation.
  const k = K === 1 ? 0 : (explained?.index ?? 0);
  const sign = K === 1 && task === 'binary' && explained?.index === 0 ? -1 : 1;
  const values = new Float64Array(X.rows * M);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < M; j++) values[i * M + j] = sign * shap.values[(i * K + k) * M + j];
  const ensemble = readShapEnsemble(run.model);
  const predictions = Float64Array.from({ length: X.rows }, (_, i) => sign * predictEnsembleOutput(ensemble, X.values, i * X.cols, k));
  return { method: 'exact TreeSHAP', space: shap.space, baseValue: sign * shap.baseValue[k], values, predictions };
}

/** offset + Σ weight × leaf value of output k, walking each tree to its leaf (independent of the SHAP recursion). */
function predictEnsembleOutput(ensemble: ShapEnsemble, values: Float64Array, offset: number, k: number): number {
  let sum = ensemble.offset[k];
  for (const tree of ensemble.trees) {
    if (k < tree.outputOffset || k >= tree.outputOffset + tree.outputs) continue;
    let node = 0;
    while (tree.feature[node] >= 0) node = tree.nextNode(node, values, offset);
    sum += tree.weight * tree.value[node * tree.outputs + (k - tree.outputOffset)];
  }
  return sum;
}

/** One number per row: the explained class's probability, or the prediction (regression). */
function selectPredictOne(model: FittedModel, explained: ExplainResult['explainedClass']): (m: FeatureMatrix) => Float64Array {
  return (m) => {
    if (!explained || !model.predictProba) return model.predict(m);
    const proba = model.predictProba(m);
    const K = proba.length / m.rows;
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) out[i] = proba[i * K + explained.index];
    return out;
  };
}

async function explainWithKernelShap(
  predictOne: (m: FeatureMatrix) => Float64Array, background: Background, X: FeatureMatrix, samples: number, seed: number, report: Report,
): Promise<Omit<ShapCore, 'space'>> {
  const M = X.cols, B = background.X.rows;
  const values = new Float64Array(X.rows * M);
  let baseValue = 0, exact = true;
  for (let i = 0; i < X.rows; i++) {
    const row = X.values.subarray(i * M, (i + 1) * M);
    const shap = await estimateKernelShap(predictOne, background.X, row, { samples, seed: seed + i, backgroundWeights: background.weights });
    values.set(shap.values, i * M);
    baseValue = shap.baseValue;
    exact &&= shap.exact;
    report('shap', i + 1, X.rows);
  }
  const method = exact
    ? `Kernel SHAP, every coalition of ${M} features (exact for a ${B}-row background)`
    : `Kernel SHAP estimate, ${samples} samples per row, ${B}-row background`;
  return { method, baseValue, values, predictions: predictOne(X) };
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

/** All rows when rows ≤ limit, else `limit` seeded distinct rows in ascending order. */
function sampleRows(rows: number, limit: number, seed: number): Uint32Array {
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  if (rows <= limit) return order;
  const random = createRandom(seed);
  for (let i = 0; i < limit; i++) {
    const k = i + Math.floor(random() * (rows - i));
    const tmp = order[i]; order[i] = order[k]; order[k] = tmp;
  }
  return order.slice(0, limit).sort();
}

function selectMatrixRows(X: FeatureMatrix, rows: Uint32Array): FeatureMatrix {
  const values = new Float64Array(rows.length * X.cols);
  rows.forEach((row, r) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), r * X.cols));
  return { ...X, values, rows: rows.length };
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
