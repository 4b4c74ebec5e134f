// Reads the problem's target from a prepared table: numbers for regression, class indices in the training
// labels' order for classification (validation rows map onto the same labels).

import { DataError, TrainingError } from '../errors';
import type { Target } from '../models/types';
import { factorizeTarget } from '../problem/factorize-target';
import type { SupervisedTask } from '../problem/types';
import type { Table } from '../table/types';

function findTargetColumn(table: Table, target: string) {
  const column = table.columns.find((c) => c.name === target);
  if (!column) throw new DataError(`The target column "${target}" is not in the prepared table; a Prepare step may drop or rename it — keep it, or pick another target in the Problem cell.`);
  return column;
}

/** The training target; classification needs at least two classes, and no row may miss its target. */
export function readTrainingTarget(table: Table, target: string, task: SupervisedTask): Target {
  const column = findTargetColumn(table, target);
  if (task === 'regression') {
    if (column.kind !== 'numeric') throw new DataError(`The target "${target}" is ${column.kind}; a regression needs a numeric target (or choose a classification task).`);
    const missing = column.values.findIndex((v) => Number.isNaN(v));
    if (missing >= 0) throw new DataError(`The target "${target}" is missing at training row ${missing + 1}; add a filter step that drops rows without a target.`);
    return { values: Float64Array.from(column.values) };
  }
  const classes = factorizeTarget(column);
  if (!classes) throw new DataError(`The target "${target}" cannot be read as classes.`);
  const missing = classes.codes.findIndex((c) => c < 0);
  if (missing >= 0) throw new DataError(`The target "${target}" is missing at training row ${missing + 1}; add a filter step that drops rows without a target.`);
  if (classes.labels.length < 2) {
    throw new TrainingError(`The training rows hold only one class of "${target}" (${classes.labels[0] ?? 'none'}); a classifier needs at least two — check the split or the filter steps.`);
  }
  return { values: Float64Array.from(classes.codes), classes: classes.labels };
}

/** The validation target in the training target's label order; a class unseen in training is a DataError. */
export function readValidationTarget(table: Table, target: string, task: SupervisedTask, training: Target): Target {
  const column = findTargetColumn(table, target);
  if (task === 'regression') return { values: Float64Array.from(column.kind === 'numeric' ? column.values : []) };
  const classes = factorizeTarget(column);
  if (!classes) throw new DataError(`The target "${target}" cannot be read as classes.`);
  const index = new Map((training.classes ?? []).map((label, i) => [label, i]));
  const remap = classes.labels.map((label) => {
    const i = index.get(label);
    if (i === undefined) throw new DataError(`The validation rows hold the class "${label}" of "${target}", which no training row has; use a stratified split.`);
    return i;
  });
  const values = Float64Array.from(classes.codes, (c) => (c < 0 ? NaN : remap[c]));
  return { values, classes: training.classes };
}
