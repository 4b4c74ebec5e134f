// What Evaluate computes from a run's held-out predictions (all cheap, so the page does it on its main thread):
// the metric table for the task, a bootstrap interval for the primary metric, and the binary confusion matrix at
// a threshold.

import type { MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import { computeCohenKappa, computeMcc } from './agreement-metrics';
import { bootstrapMetric, type BootstrapInterval, type MetricFunction } from './bootstrap-metric';
import { computeAccuracy, computeBalancedAccuracy, computePrecisionRecallF1 } from './classification-metrics';
import { undefinedMetric, type MetricValue } from './metric-value';
import { computeBrierScore, computeLogLoss } from './probability-metrics';
import { computeAveragePrecision, computeRocAuc, computeRocAucOneVsRest } from './ranking-metrics';
import { computeExplainedVariance, computeMae, computeMape, computeMedianAbsoluteError, computeMse, computeR2, computeRmse } from './regression-metrics';
import { readPositiveScore, type RunPredictions } from './run-predictions';
import { readMetricInput, selectProblemMetric } from './select-problem-metric';
import type { OperatingPoint } from './sweep-thresholds';

/** One row of the metric table; `value` is null with its reason when the metric is undefined (never NaN). */
export interface MetricRow {
  id: string;
  label: string;
  value: MetricValue;
}

/** Bootstrap repeats for the primary metric's interval (cheap enough for the main thread). */
export const BOOTSTRAP_REPEATS = 200;

const NO_PROBA = undefinedMetric('this model gives no probabilities');
const BINARY_ONLY = undefinedMetric('defined for a binary problem only');

/** The metric table for `task`: classification (11 metrics) or regression (7). */
export function computeMetricRows(predictions: RunPredictions, task: SupervisedTask, positive: number): MetricRow[] {
  const { yTrue, yPred } = predictions;
  if (task === 'regression') {
    return [
      { id: 'mae', label: 'MAE', value: computeMae(yTrue, yPred) },
      { id: 'mse', label: 'MSE', value: computeMse(yTrue, yPred) },
      { id: 'rmse', label: 'RMSE', value: computeRmse(yTrue, yPred) },
      { id: 'r2', label: 'R²', value: computeR2(yTrue, yPred) },
      { id: 'mape', label: 'MAPE', value: computeMape(yTrue, yPred) },
      { id: 'median-ae', label: 'Median absolute error', value: computeMedianAbsoluteError(yTrue, yPred) },
      { id: 'explained-variance', label: 'Explained variance', value: computeExplainedVariance(yTrue, yPred) },
    ];
  }
  const classCount = predictions.classes?.length ?? 2;
  const score = readPositiveScore(predictions, positive);
  const macro = computePrecisionRecallF1(yTrue, yPred, 'macro');
  const weighted = computePrecisionRecallF1(yTrue, yPred, 'weighted');
  const binary = task === 'binary';
  const rocAuc = !predictions.proba ? NO_PROBA
    : binary ? computeRocAuc(yTrue, score as Float64Array, positive) : computeRocAucOneVsRest(yTrue, predictions.proba, classCount);
  return [
    { id: 'accuracy', label: 'Accuracy', value: computeAccuracy(yTrue, yPred) },
    { id: 'balanced-accuracy', label: 'Balanced accuracy', value: computeBalancedAccuracy(yTrue, yPred) },
    { id: 'precision-macro', label: 'Precision (macro)', value: macro.precision },
    { id: 'recall-macro', label: 'Recall (macro)', value: macro.recall },
    { id: 'f1-macro', label: 'F1 (macro)', value: macro.f1 },
    { id: 'precision-weighted', label: 'Precision (weighted)', value: weighted.precision },
    { id: 'recall-weighted', label: 'Recall (weighted)', value: weighted.recall },
    { id: 'f1-weighted', label: 'F1 (weighted)', value: weighted.f1 },
    { id: 'roc-auc', label: 'ROC-AUC', value: rocAuc },
    { id: 'average-precision', label: 'Average precision', value: !binary ? BINARY_ONLY : score ? computeAveragePrecision(yTrue, score, positive) : NO_PROBA },
    { id: 'log-loss', label: 'Log loss', value: predictions.proba ? computeLogLoss(yTrue, predictions.proba, classCount) : NO_PROBA },
    { id: 'brier', label: 'Brier score', value: !binary ? BINARY_ONLY : score ? computeBrierScore(yTrue, score, positive) : NO_PROBA },
    { id: 'mcc', label: 'Matthews correlation', value: computeMcc(yTrue, yPred, classCount) },
    { id: 'kappa', label: "Cohen's kappa", value: computeCohenKappa(yTrue, yPred, 'none', classCount) },
  ];
}

/** The metric function and its second input (predictions, positive scores or probabilities) for a problem metric. */
export function selectMetric(id: MetricId, predictions: RunPredictions, positive: number): { metric: MetricFunction; other: Float64Array } | null {
  const classCount = predictions.classes?.length ?? 0;
  const selected = selectProblemMetric(id, classCount, positive);
  const other = selected && readMetricInput(selected, { ...predictions, classCount, positive });
  return selected && other ? { metric: selected.compute, other } : null;
}

/** The primary metric with its 95 % percentile bootstrap interval (stratified for classification, seeded). */
export function bootstrapPrimaryMetric(predictions: RunPredictions, id: MetricId, task: SupervisedTask, positive: number, seed: number): BootstrapInterval {
  const selected = selectMetric(id, predictions, positive);
  if (!selected) return { value: null, low: null, high: null, repeats: 0, reason: 'this model gives no probabilities' };
  return bootstrapMetric(predictions.yTrue, selected.other, selected.metric, {
    repeats: BOOTSTRAP_REPEATS, level: 0.95, seed, stratify: task !== 'regression',
  });
}

/** Scores of one held-out part: its rows with a target, the metric table and the primary metric's interval. */
export interface PartScores {
  rows: number;
  metrics: MetricRow[];
  primary: BootstrapInterval;
}

/** Seed of the primary metric's bootstrap resamples. */
export const BOOTSTRAP_SEED = 20261122;

/** Scores a held-out part's predictions with the task's metric table and the primary metric's interval. */
export function scoreHeldOut(predictions: RunPredictions, problem: ProblemSpec, task: SupervisedTask, positive: number): PartScores {
  return {
    rows: predictions.yTrue.length,
    metrics: computeMetricRows(predictions, task, positive),
    primary: bootstrapPrimaryMetric(predictions, problem.primaryMetric, task, positive, BOOTSTRAP_SEED),
  };
}

/** The 2 × 2 confusion matrix of an operating point, rows = true class, columns = predicted, in class-index order. */
export function buildBinaryMatrix(point: OperatingPoint, positive: number): number[][] {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = point;
  return positive === 1 ? [[tn, fp], [fn, tp]] : [[tp, fn], [fp, tn]];
}

/** Each row divided by its sum (recall per true class); an all-zero row stays 0. */
export function normalizeRows(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
}

/** The saved output's input key: which run, at which threshold. */
export function describeEvaluationKey(runId: string, threshold: number): string {
  return `${runId}|threshold=${threshold}`;
}
