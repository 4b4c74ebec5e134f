// Pure edits of a Problem cell's spec as the form changes: choosing a target proposes the task, positive class
// and metrics; choosing a task resets the metrics to that task's defaults. The form shows the reasons.

import { defaultMetrics, type DefaultMetrics } from '../core/problem/default-metrics';
import { factorizeTarget } from '../core/problem/factorize-target';
import { METRICS, type MetricId } from '../core/problem/metrics';
import { proposeTask, type TaskProposal } from '../core/problem/propose-task';
import type { ProblemCosts, ProblemSpec, SuccessCriterion, Task } from '../core/problem/types';
import type { Table } from '../core/table/types';

/** Share (0–100) of the rarest class among present values of `target`; undefined for more than 50 classes or none. */
export function measureMinorityPct(table: Table, target: string | null): number | undefined {
  const column = table.columns.find((candidate) => candidate.name === target);
  const classes = column ? factorizeTarget(column, 50) : null;
  if (!classes || classes.labels.length < 2) return undefined;
  const total = classes.counts.reduce((sum, count) => sum + count, 0);
  return (100 * Math.min(...classes.counts)) / total;
}

/** The default metrics for `spec.task` on this table (binary looks at the class balance). */
export function proposeMetrics(table: Table, spec: Pick<ProblemSpec, 'task' | 'target'>): DefaultMetrics {
  const minorityPct = spec.task === 'binary' ? measureMinorityPct(table, spec.target) : undefined;
  return defaultMetrics(spec.task, minorityPct === undefined ? undefined : { minorityPct });
}

/** What proposeTask says about `target`, or null with no target or an unknown column. */
export function readProposal(table: Table, target: string | null): TaskProposal | null {
  if (target === null || !table.columns.some((column) => column.name === target)) return null;
  return proposeTask(table, target);
}

/** Sets the target; the task, positive class and metrics follow the proposal (a task it cannot propose stays). */
export function chooseTarget(spec: ProblemSpec, table: Table, target: string | null): ProblemSpec {
  if (target === null) return withTask({ ...spec, target: null }, table, spec.task === 'clustering' ? 'clustering' : spec.task);
  const proposal = readProposal(table, target);
  const task = proposal?.task ?? (spec.task === 'clustering' ? 'binary' : spec.task);
  return withTask({ ...spec, target }, table, task);
}

/** Sets the task and resets the positive class and metrics to what suits it; clustering clears the target. */
export function chooseTask(spec: ProblemSpec, table: Table, task: Task): ProblemSpec {
  return withTask(task === 'clustering' ? { ...spec, target: null } : spec, table, task);
}

function withTask(spec: ProblemSpec, table: Table, task: Task): ProblemSpec {
  const { positiveClass: _old, successCriterion, ...rest } = spec;
  const metrics = proposeMetrics(table, { task, target: spec.target });
  const next: ProblemSpec = { ...rest, task, primaryMetric: metrics.primary, secondaryMetrics: metrics.secondary };
  if (task === 'binary') {
    const positive = readProposal(table, spec.target)?.positiveClass;
    if (positive !== undefined) next.positiveClass = positive;
  }
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
