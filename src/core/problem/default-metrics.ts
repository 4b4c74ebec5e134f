// Picks the metrics a new Problem cell starts with, from the task and (for binary) how rare the minority is.

import type { MetricId } from './metrics';
import type { Task } from './types';

/** Below this minority share (percent) a binary target counts as imbalanced. */
export const IMBALANCED_MINORITY_PCT = 20;

export interface DefaultMetrics {
  primary: MetricId;
  secondary: MetricId[];
  /** Why these, in one sentence for the UI. */
  reason: string;
}

/**
 * The starting metrics for a task; `classBalance.minorityPct` (0–100, e.g. a profile's class balance)
 * switches binary secondaries to the ones that stay honest when positives are rare.
 */
export function defaultMetrics(task: Task, classBalance?: { minorityPct: number }): DefaultMetrics {
  switch (task) {
    case 'binary':
      if (classBalance && classBalance.minorityPct < IMBALANCED_MINORITY_PCT) {
        return {
          primary: 'roc-auc',
          secondary: ['pr-auc', 'balanced-accuracy', 'log-loss'],
          reason: `The minority class is ${classBalance.minorityPct.toFixed(1)} % of rows: ROC-AUC ranks well regardless, PR-AUC shows how well the rare class is found; plain accuracy would flatter a model that ignores it.`,
        };
      }
      return {
        primary: 'roc-auc',
        secondary: ['accuracy', 'f1', 'log-loss'],
        reason: 'Classes are reasonably balanced: ROC-AUC judges the ranking, accuracy is easy to explain.',
      };
    case 'multiclass':
      return {
        primary: 'macro-f1',
        secondary: ['balanced-accuracy', 'log-loss', 'accuracy'],
        reason: 'Macro F1 weighs every class equally, so small classes count as much as large ones.',
      };
    case 'regression':
      return {
        primary: 'rmse',
        secondary: ['mae', 'r2'],
        reason: 'RMSE is in the units of the target and punishes large misses; MAE and R² add a robust and a relative view.',
      };
    case 'clustering':
      return {
        primary: 'silhouette',
        secondary: ['davies-bouldin'],
        reason: 'With no target, clusters are judged by how compact and separated they are.',
      };
  }
}
