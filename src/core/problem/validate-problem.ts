// Checks a ProblemSpec against a table and returns every problem a user must fix (errors) or should know
// (warnings), each naming the bad value and what to do. An empty list means the spec is usable.

import type { ColumnKind, Table } from '../table/types';
import { factorizeTarget } from './factorize-target';
import { METRICS, isMetricId, type MetricId } from './metrics';
import type { ProblemSpec } from './types';

export type ProblemIssueCode =
  | 'no-target'
  | 'target-not-found'
  | 'target-ignored'
  | 'target-empty'
  | 'target-has-missing'
  | 'one-class'
  | 'too-many-classes-for-binary'
  | 'two-classes-for-multiclass'
  | 'positive-class-missing'
  | 'positive-class-not-found'
  | 'positive-class-ignored'
  | 'regression-needs-number'
  | 'tiny-class'
  | 'unknown-metric'
  | 'metric-wrong-task'
  | 'metric-report-only'
  | 'criterion-direction'
  | 'bad-threshold'
  | 'bad-cost';

export interface ProblemIssue {
  severity: 'error' | 'warning';
  code: ProblemIssueCode;
  message: string;
}

/** Fewer rows than this in a class make cross-validation unreliable. */
export const TINY_CLASS_ROWS = 10;

/** What validation needs to know of a target column, computed where the table is (the rows never travel). */
export interface TargetFacts {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly rowCount: number;
  readonly missing: number;
  /** Classes in sorted order with their counts; null for a numeric column read as a regression target. */
  readonly classes: { readonly labels: readonly string[]; readonly counts: readonly number[] } | null;
}

/** The facts of column `target` of `table` for `task`, or null when the table has no such column. */
export function describeTargetFacts(table: Table, target: string, task: ProblemSpec['task']): TargetFacts | null {
  const column = table.columns.find((candidate) => candidate.name === target);
  if (!column) return null;
  const classes = task === 'regression' && column.kind !== 'numeric' ? null : factorizeTarget(column, task === 'regression' ? 2 : Number.POSITIVE_INFINITY);
  const missing = classes?.missing ?? countMissingNumbers(column.kind === 'numeric' ? column.values : new Float64Array());
  return { name: column.name, kind: column.kind, rowCount: table.rowCount, missing, classes: classes ? { labels: classes.labels, counts: classes.counts } : null };
}

/** Lists the problems with `spec` on `table`, errors first. */
export function validateProblem(spec: ProblemSpec, table: Table): ProblemIssue[] {
  const facts = spec.target === null ? null : describeTargetFacts(table, spec.target, spec.task);
  return validateProblemFacts(spec, table.columns.map((c) => c.name), facts);
}

/** validateProblem from the table's column names and the target's facts (null: no target, or not a column). */
export function validateProblemFacts(spec: ProblemSpec, columnNames: readonly string[], facts: TargetFacts | null): ProblemIssue[] {
  const issues = [...checkTarget(spec, columnNames, facts), ...checkMetrics(spec), ...checkCosts(spec)];
  return [...issues.filter((issue) => issue.severity === 'error'), ...issues.filter((issue) => issue.severity === 'warning')];
}

function error(code: ProblemIssueCode, message: string): ProblemIssue {
  return { severity: 'error', code, message };
}

function warning(code: ProblemIssueCode, message: string): ProblemIssue {
  return { severity: 'warning', code, message };
}

function checkTarget(spec: ProblemSpec, columnNames: readonly string[], facts: TargetFacts | null): ProblemIssue[] {
  if (spec.task === 'clustering') {
    return spec.target === null ? [] : [warning('target-ignored', `Clustering uses no target; "${spec.target}" will be left out of the features too. Clear the target to include it.`)];
  }
  if (spec.target === null) return [error('no-target', `A ${spec.task} problem needs a target column: choose the column to predict.`)];
  if (!facts) {
    const names = columnNames.map((name) => `"${name}"`).join(', ');
    return [error('target-not-found', `The target "${spec.target}" is not a column of this table. Choose one of: ${names}.`)];
  }
  if (spec.task === 'regression' && facts.kind !== 'numeric') {
    return [error('regression-needs-number', `Regression needs a numeric target, but "${facts.name}" is ${facts.kind}. Choose a classification task or a numeric column.`)];
  }
  const issues: ProblemIssue[] = [];
  if (facts.missing === facts.rowCount) return [error('target-empty', `The target "${facts.name}" has no values. Choose another target.`)];
  if (facts.missing > 0) issues.push(warning('target-has-missing', `${facts.missing} rows have no value for "${facts.name}"; they will be left out of training and evaluation.`));
  const classes = facts.classes;
  if (classes === null) return issues;
  if (classes.labels.length === 1) {
    issues.push(error('one-class', `"${facts.name}" has only one value ("${classes.labels[0]}"): there is nothing to predict. Choose another target.`));
    return issues;
  }
  if (spec.task === 'regression') return issues;
  return [...issues, ...checkClasses(spec, facts.name, classes.labels, classes.counts)];
}

function checkClasses(spec: ProblemSpec, name: string, labels: readonly string[], counts: readonly number[]): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  if (spec.task === 'binary') {
    if (labels.length > 2) issues.push(error('too-many-classes-for-binary', `"${name}" has ${labels.length} classes, but binary needs 2. Choose multiclass, or group the classes first.`));
    if (spec.positiveClass === undefined) issues.push(error('positive-class-missing', `Choose which class of "${name}" is positive: ${labels.map((label) => `"${label}"`).join(' or ')}.`));
    else if (!labels.includes(spec.positiveClass)) {
      issues.push(error('positive-class-not-found', `The positive class "${spec.positiveClass}" does not occur in "${name}". Choose one of: ${labels.map((label) => `"${label}"`).join(', ')}.`));
    }
  } else {
    if (labels.length === 2) issues.push(warning('two-classes-for-multiclass', `"${name}" has 2 classes: binary gives you ROC and precision–recall curves and a threshold.`));
    if (spec.positiveClass !== undefined) issues.push(warning('positive-class-ignored', `A positive class ("${spec.positiveClass}") only applies to binary problems; it is ignored.`));
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  labels.forEach((label, index) => {
    if (counts[index] < TINY_CLASS_ROWS || counts[index] < total / 100) {
      issues.push(warning('tiny-class', `Class "${label}" of "${name}" has only ${counts[index]} rows: its scores will be noisy. Collect more, or group it with a similar class.`));
    }
  });
  return issues;
}

function countMissingNumbers(values: Float64Array): number {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  return missing;
}

function checkMetrics(spec: ProblemSpec): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const check = (id: MetricId, role: string) => {
    if (!isMetricId(id)) issues.push(error('unknown-metric', `The ${role} metric "${id}" is unknown. Choose one from the list.`));
    else if (!METRICS[id].tasks.includes(spec.task)) issues.push(error('metric-wrong-task', `${METRICS[id].label} does not apply to ${spec.task} problems; choose another ${role} metric.`));
    else if (METRICS[id].reportOnly) issues.push(error('metric-report-only', `${METRICS[id].label} is reported by the Evaluate cell but is not a problem metric; choose another ${role} metric from the list.`));
  };
  check(spec.primaryMetric, 'primary');
  spec.secondaryMetrics.forEach((id) => check(id, 'secondary'));
  const criterion = spec.successCriterion;
  if (criterion) {
    check(criterion.metric, 'success');
    if (isMetricId(criterion.metric)) {
      const better = METRICS[criterion.metric].direction;
      if ((better === 'higher') !== (criterion.op === '>=')) {
        issues.push(warning('criterion-direction', `${METRICS[criterion.metric].label} is better when ${better}, but the success criterion asks for "${criterion.op} ${criterion.value}". Check the direction.`));
      }
    }
    if (!Number.isFinite(criterion.value)) issues.push(error('bad-threshold', `The success threshold ${criterion.value} is not a finite number.`));
  }
  return issues;
}

function checkCosts(spec: ProblemSpec): ProblemIssue[] {
  if (!spec.costs) return [];
  const issues = Object.entries(spec.costs)
    .filter(([, value]) => !Number.isFinite(value))
    .map(([cell, value]) => error('bad-cost', `The cost of a ${cell} (${value}) is not a finite number. Enter an amount per case.`));
  if (spec.task !== 'binary') issues.push(warning('bad-cost', `Costs per confusion-matrix cell apply to binary problems; they are ignored for ${spec.task}.`));
  return issues;
}
