// The metric registry: every metric the studio computes — its label, which way is better, the tasks it applies
// to, what it reads of a model's output and how it is computed. Problem offers the ones that are not report-only,
// Evaluate's table lists every one of the task, Compare and the leaderboards show them by id; nothing else keeps
// a list of metrics.

import { computeCohenKappa, computeMcc } from '../evaluate/agreement-metrics';
import { computeAccuracy, computeBalancedAccuracy, computePrecisionRecallF1 } from '../evaluate/classification-metrics';
import type { MetricValue } from '../evaluate/metric-value';
import { computeBrierScore, computeLogLoss } from '../evaluate/probability-metrics';
import { computeAveragePrecision, computeRocAuc, computeRocAucOneVsRest } from '../evaluate/ranking-metrics';
import * as regression from '../evaluate/regression-metrics';
import type { Task } from './types';

export type MetricId =
  | 'roc-auc'
  | 'pr-auc'
  | 'accuracy'
  | 'balanced-accuracy'
  | 'f1'
  | 'precision'
  | 'recall'
  | 'macro-f1'
  | 'log-loss'
  | 'rmse'
  | 'mae'
  | 'r2'
  | 'mape'
  | 'silhouette'
  | 'davies-bouldin'
  | 'precision-macro'
  | 'recall-macro'
  | 'precision-weighted'
  | 'recall-weighted'
  | 'f1-weighted'
  | 'brier'
  | 'mcc'
  | 'kappa'
  | 'mse'
  | 'median-ae'
  | 'explained-variance';

/** What a metric compares with the true values: predictions, the positive-class probability, or row-major rows × classes probabilities. */
export type MetricInput = 'predictions' | 'positive-score' | 'probabilities';

/** The classes a classification metric needs: how many (0 for regression) and the positive class's index. */
export interface MetricClasses {
  classCount: number;
  positive: number;
}

export interface MetricInfo {
  readonly id: MetricId;
  /** Short display name, e.g. "ROC-AUC". */
  readonly label: string;
  readonly direction: 'higher' | 'lower';
  readonly tasks: readonly Task[];
  /** One sentence for a tooltip. */
  readonly description: string;
  /** Reported (Evaluate's table, leaderboards) but not offered as a Problem's primary, secondary or success metric. */
  readonly reportOnly: boolean;
  /** What it reads for `classCount` classes; null for a clustering metric (scored on the features, core/train/score-clusters). */
  readonly input: ((classCount: number) => MetricInput) | null;
  /** The metric of the true values and that input (class indices for classification); null for a clustering metric. */
  readonly compute: ((yTrue: Float64Array, input: Float64Array, classes: MetricClasses) => MetricValue) | null;
}

const CLASSIFICATION: readonly Task[] = ['binary', 'multiclass'];
const predictions = (): MetricInput => 'predictions';
const positiveScore = (): MetricInput => 'positive-score';
const probabilities = (): MetricInput => 'probabilities';
type Entry<K extends MetricId> = Omit<MetricInfo, 'id' | 'reportOnly'> & { readonly id: K; readonly reportOnly?: boolean };
const define = <K extends MetricId>(entry: Entry<K>): MetricInfo & { readonly id: K } => ({ reportOnly: false, ...entry });

/** Every metric, keyed by id, in display order: the Problem cell's choices first, then the report-only ones. */
export const METRICS: { readonly [K in MetricId]: MetricInfo & { readonly id: K } } = {
  'roc-auc': define({
    id: 'roc-auc', label: 'ROC-AUC', direction: 'higher', tasks: CLASSIFICATION,
    description: 'Probability that a random positive is scored above a random negative (one-vs-rest macro average for multiclass).',
    input: (classCount) => (classCount > 2 ? 'probabilities' : 'positive-score'),
    compute: (t, x, { classCount, positive }) => (classCount > 2 ? computeRocAucOneVsRest(t, x, classCount) : computeRocAuc(t, x, positive)),
  }),
  'pr-auc': define({
    id: 'pr-auc', label: 'PR-AUC', direction: 'higher', tasks: ['binary'],
    description: 'Area under the precision–recall curve (average precision); informative when positives are rare.',
    input: positiveScore, compute: (t, s, { positive }) => computeAveragePrecision(t, s, positive),
  }),
  accuracy: define({
    id: 'accuracy', label: 'Accuracy', direction: 'higher', tasks: CLASSIFICATION, description: 'Share of rows whose predicted class is right.',
    input: predictions, compute: (t, p) => computeAccuracy(t, p),
  }),
  'balanced-accuracy': define({
    id: 'balanced-accuracy', label: 'Balanced accuracy', direction: 'higher', tasks: CLASSIFICATION, description: 'Mean recall over classes; not fooled by a majority class.',
    input: predictions, compute: (t, p) => computeBalancedAccuracy(t, p),
  }),
  f1: define({
    id: 'f1', label: 'F1', direction: 'higher', tasks: ['binary'], description: 'Harmonic mean of precision and recall of the positive class.',
    input: predictions, compute: (t, p, { positive }) => computePrecisionRecallF1(t, p, 'binary', positive).f1,
  }),
  precision: define({
    id: 'precision', label: 'Precision', direction: 'higher', tasks: ['binary'], description: 'Share of predicted positives that are positive.',
    input: predictions, compute: (t, p, { positive }) => computePrecisionRecallF1(t, p, 'binary', positive).precision,
  }),
  recall: define({
    id: 'recall', label: 'Recall', direction: 'higher', tasks: ['binary'], description: 'Share of positives that are found.',
    input: predictions, compute: (t, p, { positive }) => computePrecisionRecallF1(t, p, 'binary', positive).recall,
  }),
  'macro-f1': define({
    id: 'macro-f1', label: 'Macro F1', direction: 'higher', tasks: CLASSIFICATION, description: 'F1 per class, averaged with equal weight per class.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'macro').f1,
  }),
  'log-loss': define({
    id: 'log-loss', label: 'Log loss', direction: 'lower', tasks: CLASSIFICATION, description: 'Cross-entropy of the predicted probabilities; rewards calibrated confidence.',
    input: probabilities, compute: (t, p, { classCount }) => computeLogLoss(t, p, classCount),
  }),
  rmse: define({
    id: 'rmse', label: 'RMSE', direction: 'lower', tasks: ['regression'], description: 'Root mean squared error, in the units of the target.',
    input: predictions, compute: (t, p) => regression.computeRmse(t, p),
  }),
  mae: define({
    id: 'mae', label: 'MAE', direction: 'lower', tasks: ['regression'], description: 'Mean absolute error, in the units of the target.',
    input: predictions, compute: (t, p) => regression.computeMae(t, p),
  }),
  r2: define({
    id: 'r2', label: 'R²', direction: 'higher', tasks: ['regression'], description: 'Share of the target variance explained (1 is perfect, 0 is predicting the mean).',
    input: predictions, compute: (t, p) => regression.computeR2(t, p),
  }),
  mape: define({
    id: 'mape', label: 'MAPE', direction: 'lower', tasks: ['regression'], description: 'Mean absolute percentage error; undefined where the target is 0.',
    input: predictions, compute: (t, p) => regression.computeMape(t, p),
  }),
  silhouette: define({
    id: 'silhouette', label: 'Silhouette', direction: 'higher', tasks: ['clustering'], description: 'How much closer points are to their own cluster than to the next (−1 to 1).',
    input: null, compute: null,
  }),
  'davies-bouldin': define({
    id: 'davies-bouldin', label: 'Davies–Bouldin', direction: 'lower', tasks: ['clustering'], description: 'Average similarity of each cluster to its most similar one.',
    input: null, compute: null,
  }),
  'precision-macro': define({
    id: 'precision-macro', label: 'Precision (macro)', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Precision per class, averaged with equal weight per class.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'macro').precision,
  }),
  'recall-macro': define({
    id: 'recall-macro', label: 'Recall (macro)', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Recall per class, averaged with equal weight per class.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'macro').recall,
  }),
  'precision-weighted': define({
    id: 'precision-weighted', label: 'Precision (weighted)', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Precision per class, averaged with each class weighted by its rows.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'weighted').precision,
  }),
  'recall-weighted': define({
    id: 'recall-weighted', label: 'Recall (weighted)', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Recall per class, averaged with each class weighted by its rows.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'weighted').recall,
  }),
  'f1-weighted': define({
    id: 'f1-weighted', label: 'F1 (weighted)', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'F1 per class, averaged with each class weighted by its rows.',
    input: predictions, compute: (t, p) => computePrecisionRecallF1(t, p, 'weighted').f1,
  }),
  brier: define({
    id: 'brier', label: 'Brier score', direction: 'lower', tasks: ['binary'], reportOnly: true, description: 'Mean squared error of the positive-class probability.',
    input: positiveScore, compute: (t, s, { positive }) => computeBrierScore(t, s, positive),
  }),
  mcc: define({
    id: 'mcc', label: 'Matthews correlation', direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Correlation of predicted and true classes (−1 to 1); fair under imbalance.',
    input: predictions, compute: (t, p, { classCount }) => computeMcc(t, p, classCount),
  }),
  kappa: define({
    id: 'kappa', label: "Cohen's kappa", direction: 'higher', tasks: CLASSIFICATION, reportOnly: true, description: 'Agreement of predicted and true classes beyond chance.',
    input: predictions, compute: (t, p, { classCount }) => computeCohenKappa(t, p, 'none', classCount),
  }),
  mse: define({
    id: 'mse', label: 'MSE', direction: 'lower', tasks: ['regression'], reportOnly: true, description: 'Mean squared error, in squared units of the target.',
    input: predictions, compute: (t, p) => regression.computeMse(t, p),
  }),
  'median-ae': define({
    id: 'median-ae', label: 'Median absolute error', direction: 'lower', tasks: ['regression'], reportOnly: true, description: 'Median of the absolute errors; not moved by a few large misses.',
    input: predictions, compute: (t, p) => regression.computeMedianAbsoluteError(t, p),
  }),
  'explained-variance': define({
    id: 'explained-variance', label: 'Explained variance', direction: 'higher', tasks: ['regression'], reportOnly: true, description: 'Share of the target variance the errors do not have (R² without the bias).',
    input: predictions, compute: (t, p) => regression.computeExplainedVariance(t, p),
  }),
};

/** All metric ids in display order. */
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** True when `value` is a known metric id. */
export function isMetricId(value: string): value is MetricId {
  return Object.prototype.hasOwnProperty.call(METRICS, value);
}

/** The metrics a Problem may choose for a task (report-only ones left out), in display order. */
export function listMetricsForTask(task: Task): MetricInfo[] {
  return METRIC_IDS.map((id) => METRICS[id]).filter((metric) => metric.tasks.includes(task) && !metric.reportOnly);
}

/** Every metric of a task, report-only ones included (Evaluate's metric table), in display order. */
export function listReportMetrics(task: Task): MetricInfo[] {
  return METRIC_IDS.map((id) => METRICS[id]).filter((metric) => metric.tasks.includes(task));
}
