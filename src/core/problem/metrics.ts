// The metric registry: every metric a Problem cell can choose, its display name, which way is better
// and which tasks it applies to. Evaluation code looks metrics up here by id.

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
  | 'davies-bouldin';

export interface MetricInfo {
  readonly id: MetricId;
  /** Short display name, e.g. "ROC-AUC". */
  readonly name: string;
  readonly direction: 'higher' | 'lower';
  readonly tasks: readonly Task[];
  /** One sentence for a tooltip. */
  readonly description: string;
}

const CLASSIFICATION: readonly Task[] = ['binary', 'multiclass'];

/** Every metric, keyed by id. */
export const METRICS: { readonly [K in MetricId]: MetricInfo & { readonly id: K } } = {
  'roc-auc': { id: 'roc-auc', name: 'ROC-AUC', direction: 'higher', tasks: CLASSIFICATION, description: 'Probability that a random positive is scored above a random negative (one-vs-rest macro average for multiclass).' },
  'pr-auc': { id: 'pr-auc', name: 'PR-AUC', direction: 'higher', tasks: ['binary'], description: 'Area under the precision–recall curve (average precision); informative when positives are rare.' },
  accuracy: { id: 'accuracy', name: 'Accuracy', direction: 'higher', tasks: CLASSIFICATION, description: 'Share of rows whose predicted class is right.' },
  'balanced-accuracy': { id: 'balanced-accuracy', name: 'Balanced accuracy', direction: 'higher', tasks: CLASSIFICATION, description: 'Mean recall over classes; not fooled by a majority class.' },
  f1: { id: 'f1', name: 'F1', direction: 'higher', tasks: ['binary'], description: 'Harmonic mean of precision and recall of the positive class.' },
  precision: { id: 'precision', name: 'Precision', direction: 'higher', tasks: ['binary'], description: 'Share of predicted positives that are positive.' },
  recall: { id: 'recall', name: 'Recall', direction: 'higher', tasks: ['binary'], description: 'Share of positives that are found.' },
  'macro-f1': { id: 'macro-f1', name: 'Macro F1', direction: 'higher', tasks: ['multiclass'], description: 'F1 per class, averaged with equal weight per class.' },
  'log-loss': { id: 'log-loss', name: 'Log loss', direction: 'lower', tasks: CLASSIFICATION, description: 'Cross-entropy of the predicted probabilities; rewards calibrated confidence.' },
  rmse: { id: 'rmse', name: 'RMSE', direction: 'lower', tasks: ['regression'], description: 'Root mean squared error, in the units of the target.' },
  mae: { id: 'mae', name: 'MAE', direction: 'lower', tasks: ['regression'], description: 'Mean absolute error, in the units of the target.' },
  r2: { id: 'r2', name: 'R²', direction: 'higher', tasks: ['regression'], description: 'Share of the target variance explained (1 is perfect, 0 is predicting the mean).' },
  mape: { id: 'mape', name: 'MAPE', direction: 'lower', tasks: ['regression'], description: 'Mean absolute percentage error; undefined where the target is 0.' },
  silhouette: { id: 'silhouette', name: 'Silhouette', direction: 'higher', tasks: ['clustering'], description: 'How much closer points are to their own cluster than to the next (−1 to 1).' },
  'davies-bouldin': { id: 'davies-bouldin', name: 'Davies–Bouldin', direction: 'lower', tasks: ['clustering'], description: 'Average similarity of each cluster to its most similar one.' },
};

/** All metric ids in display order. */
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** True when `value` is a known metric id. */
export function isMetricId(value: string): value is MetricId {
  return Object.prototype.hasOwnProperty.call(METRICS, value);
}

/** The metrics that apply to a task, in display order. */
export function listMetricsForTask(task: Task): MetricInfo[] {
  return METRIC_IDS.map((id) => METRICS[id]).filter((metric) => metric.tasks.includes(task));
}
