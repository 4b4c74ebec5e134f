// Which score of a model prediction drift compares, and its name in a sentence (light: the page imports it).

import type { Task } from '../models/types';

/** The score a prediction-drift test compares: what the model is sure of, one number per row. */
export type ScoreKind = 'positive-probability' | 'top-probability' | 'prediction';

/** Binary: the positive class's probability; multiclass: the predicted class's; regression: the value. */
export function chooseScoreKind(task: Task, classCount: number): ScoreKind {
  if (task === 'regression' || classCount === 0) return 'prediction';
  return classCount === 2 ? 'positive-probability' : 'top-probability';
}

export function describeScore(score: ScoreKind): string {
  return score === 'positive-probability' ? 'positive-class probability' : score === 'top-probability' ? 'confidence (top class probability)' : 'predictions';
}

