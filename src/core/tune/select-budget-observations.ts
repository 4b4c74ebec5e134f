// Which observations a model of the objective should learn from when trials ran at different budgets (successive
// halving): as BOHB does, those of the largest budget that has enough of them, since a loss at a small budget
// ranks configurations only roughly; when no budget has enough, every observation.

import type { Observation } from './types';

/** The observations at the largest budget with at least `minPoints` successful ones (failed ones at that budget kept too), else all of them. */
export function selectBudgetObservations(observations: readonly Observation[], minPoints: number): readonly Observation[] {
  const counts = new Map<number, number>();
  for (const o of observations) if (isSuccess(o)) counts.set(o.budget, (counts.get(o.budget) ?? 0) + 1);
  const budgets = [...counts].filter(([, count]) => count >= minPoints).map(([budget]) => budget);
  if (budgets.length === 0) return observations;
  const largest = Math.max(...budgets);
  return observations.filter((o) => o.budget === largest);
}

/** True for a trial that produced a finite loss. */
export function isSuccess(observation: Observation): observation is Observation & { loss: number } {
  return observation.loss !== null && Number.isFinite(observation.loss);
}
