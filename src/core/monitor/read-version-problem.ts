// The problem a registered version was trained for, as the Monitor and Retrain cells need it: the one its run
// recorded (provenance), else derived from the run itself — the target from its input contract, its task and
// primary metric, its other validation metrics as the secondary ones.

import { RegistryError } from '../errors';
import type { InputContract } from '../export/input-contract';
import { METRICS, type MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import type { RunSummary } from '../train/types';

/**
 * `run`'s problem. Without provenance the target comes from `contract` (the run's input contract, which the page's
 * summaries lack); a supervised run with neither is a RegistryError naming the run. A binary problem derived here
 * counts the run's second class as positive, as scoring does when none is named.
 */
export function readVersionProblem(run: Pick<RunSummary, 'label' | 'task' | 'primaryMetric' | 'metrics' | 'classes' | 'provenance'>, contract?: InputContract): ProblemSpec {
  if (run.provenance) return copyProblem(run.provenance.problem);
  const target = contract?.target?.name ?? null;
  if (target === null && run.task !== 'clustering') {
    throw new RegistryError(`The run "${run.label}" recorded neither its problem nor an input contract, so its target is unknown; train it again and register the new run.`);
  }
  const secondaryMetrics = Object.keys(run.metrics.validation).filter((id): id is MetricId => id !== run.primaryMetric && Object.hasOwn(METRICS, id));
  const classes = run.classes ?? [];
  return {
    target, task: run.task, primaryMetric: run.primaryMetric, secondaryMetrics,
    ...(run.task === 'binary' && classes.length === 2 ? { positiveClass: classes[1] } : {}),
  };
}

/** A copy no caller's edit reaches back into the stored run (its lists and objects copied too). */
function copyProblem(problem: ProblemSpec): ProblemSpec {
  const { costs, successCriterion } = problem;
  return { ...problem, secondaryMetrics: [...problem.secondaryMetrics], ...(costs ? { costs: { ...costs } } : {}), ...(successCriterion ? { successCriterion: { ...successCriterion } } : {}) };
}
