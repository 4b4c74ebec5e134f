// Pure edits of a Problem cell's spec as the form changes: choosing a target proposes the task, positive class
// and metrics (from the target's proposal, computed where the table is); choosing a task resets the metrics to that
// task's defaults. The form shows the reasons.

import { defaultMetrics, type DefaultMetrics } from '../core/problem/default-metrics';
import { METRICS, type MetricId } from '../core/problem/metrics';
import type { TargetProposal } from '../core/problem/propose-target';
import type { ProblemCosts, ProblemSpec, SuccessCriterion, Task } from '../core/problem/types';

/** The default metrics for `task` (binary looks at the class balance of the target `proposal` describes). */
export function proposeMetrics(proposal: TargetProposal | null, task: Task): DefaultMetrics {
  const minorityPct = task === 'binary' ? proposal?.minorityPct : undefined;
  return defaultMetrics(task, minorityPct === undefined ? undefined : { minorityPct });
}

/** Sets the target; the task, positive class and metrics follow `proposal` (of that target; a task it cannot propose stays). */
export function chooseTarget(spec: ProblemSpec, proposal: TargetProposal | null, target: string | null): ProblemSpec {
  if (target === null) return withTask({ ...spec, target: null }, null, spec.task === 'clustering' ? 'clustering' : spec.task);
  const known = proposal?.target === target ? proposal : null;
  const task = known?.task ?? (spec.task === 'clustering' ? 'binary' : spec.task);
  return withTask({ ...spec, target }, known, task);
}

/** Sets the task and resets the positive class and metrics to what suits it (`proposal`: of the current target); clustering clears the target. */
export function chooseTask(spec: ProblemSpec, proposal: TargetProposal | null, task: Task): ProblemSpec {
  const known = proposal !== null && proposal.target === spec.target ? proposal : null;
  return withTask(task === 'clustering' ? { ...spec, target: null } : spec, task === 'clustering' ? null : known, task);
}

function withTask(spec: ProblemSpec, proposal: TargetProposal | null, task: Task): ProblemSpec {
  const { positiveClass: _old, successCriterion, ...rest } = spec;
  const metrics = proposeMetrics(proposal, task);
  const next: ProblemSpec = { ...rest, task, primaryMetric: metrics.primary, secondaryMetrics: metrics.secondary };
  if (task === 'binary' && proposal?.positiveClass !== undefined) next.positiveClass = proposal.positiveClass;
  if (successCriterion) next.successCriterion = { ...successCriterion, metric: metrics.primary, op: METRICS[metrics.primary].direction === 'higher' ? '>=' : '<=' };
  return next;
}

/** Sets the primary metric and drops it from the secondaries. */
export function choosePrimaryMetric(spec: ProblemSpec, metric: MetricId): ProblemSpec {
  return { ...spec, primaryMetric: metric, secondaryMetrics: spec.secondaryMetrics.filter((id) => id !== metric) };
}

/** Adds or removes one secondary metric, keeping registry order. */
export function toggleSecondaryMetric(spec: ProblemSpec, metric: MetricId, on: boolean): ProblemSpec {
  const chosen = new Set(spec.secondaryMetrics);
  if (on) chosen.add(metric);
  else chosen.delete(metric);
  return { ...spec, secondaryMetrics: (Object.keys(METRICS) as MetricId[]).filter((id) => chosen.has(id)) };
}

/** Sets one cost (null clears it); blanks count as 0, and with every cost blank `costs` is removed. */
export function setCost(spec: ProblemSpec, cell: keyof ProblemCosts, value: number | null): ProblemSpec {
  const costs: ProblemCosts = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0, ...spec.costs, [cell]: value ?? 0 };
  const { costs: _old, ...rest } = spec;
  return Object.values(costs).every((amount) => amount === 0) ? rest : { ...rest, costs };
}

/** The comparison the success criterion shows: its own, else the better direction of its metric (≤ for RMSE). */
export function readCriterionOp(spec: ProblemSpec): '>=' | '<=' {
  if (spec.successCriterion) return spec.successCriterion.op;
  return METRICS[spec.primaryMetric].direction === 'higher' ? '>=' : '<=';
}

/**
 * Edits the success criterion (null removes it). A new one starts from the primary metric; when the metric
 * changes and no op is given, the op follows the metric's better direction.
 */
export function setSuccessCriterion(spec: ProblemSpec, patch: Partial<SuccessCriterion> | null): ProblemSpec {
  const { successCriterion: old, ...rest } = spec;
  if (patch === null) return rest;
  const metric = patch.metric ?? old?.metric ?? spec.primaryMetric;
  const op = patch.op ?? (patch.metric || !old ? (METRICS[metric].direction === 'higher' ? '>=' : '<=') : old.op);
  return { ...rest, successCriterion: { metric, op, value: patch.value ?? old?.value ?? 0 } };
}
