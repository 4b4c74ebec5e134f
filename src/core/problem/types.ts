// What a Problem cell saves: the target, the kind of task, how success is measured and what mistakes cost.

import type { MetricId } from './metrics';

/** Supervised tasks are proposed from the target; clustering is chosen by the user (no target). */
export type Task = 'binary' | 'multiclass' | 'regression' | 'clustering';
export type SupervisedTask = Exclude<Task, 'clustering'>;

/** Money per case for each cell of the binary confusion matrix (a gain is a negative cost). */
export interface ProblemCosts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export interface SuccessCriterion {
  metric: MetricId;
  op: '>=' | '<=';
  value: number;
}

export interface ProblemSpec {
  /** Column name of the target; null for clustering. */
  target: string | null;
  task: Task;
  /** Binary only: the level (as displayed) counted as the positive class. */
  positiveClass?: string;
  primaryMetric: MetricId;
  secondaryMetrics: MetricId[];
  costs?: ProblemCosts;
  /** Free text: what the model must beat, e.g. "current rules engine, 0.71 ROC-AUC". */
  baseline?: string;
  successCriterion?: SuccessCriterion;
}
