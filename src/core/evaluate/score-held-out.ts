// What Evaluate computes from a run's held-out predictions (all cheap, so the page does it on its main thread):
// the metric table for the task, a bootstrap interval for the primary metric, and the binary confusion matrix at
// a threshold.

import { listReportMetrics, type MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import { bootstrapMetric, type BootstrapInterval, type MetricFunction } from './bootstrap-metric';
import type { MetricValue } from './metric-value';
import type { RunPredictions } from './run-predictions';
import { computeProblemMetric, readMetricInput, selectProblemMetric } from './select-problem-metric';
import type { OperatingPoint } from './sweep-thresholds';

/** One row of the metric table; `value` is null with its reason when the metric is undefined (never NaN). */
export interface MetricRow {
  id: string;
  label: string;
  value: MetricValue;
}

/** Bootstrap repeats for the primary metric's interval (cheap enough for the main thread). */
export const BOOTSTRAP_REPEATS = 200;

/** The metric table for `task`: every registry metric of the task (report-only ones too), in display order. */
export function computeMetricRows(predictions: RunPredictions, task: SupervisedTask, positive: number): MetricRow[] {
  const outputs = { ...predictions, classCount: predictions.classes?.length ?? 0, positive };
  return listReportMetrics(task).map(({ id, label }) => ({ id, label, value: computeProblemMetric(id, outputs) }));
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
