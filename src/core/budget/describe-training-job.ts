// A training request seen as the budget's TrainingShape, from the table before any preparation: cheap (one look at
// each column), and an upper bound where preparation may widen a column (one-hot, date parts).

import { findFamilyInfo } from '../models/catalog';
import type { Table } from '../table/types';
import type { TrainingParts, TrainRequest } from '../train/types';
import { MAX_ONE_HOT_COLUMNS } from '../train/plan-auto-preparation';
import type { TrainingShape } from './estimate-training-bytes';

/** Date parts automatic preparation may make of a datetime column (year, month, day, weekday, hour). */
const DATE_PART_FEATURES = 5;

/**
 * The shape of `request` on `parts` of `table`: training and validation rows; features counted per column but the
 * target (a number 1, categories up to MAX_ONE_HOT_COLUMNS, a date its parts, text none); the target's classes.
 */
export function describeTrainingJob(table: Table, parts: TrainingParts, request: TrainRequest): TrainingShape {
  const target = request.problem.target;
  let features = 0;
  let outputs = 1;
  for (const column of table.columns) {
    if (column.name === target) {
      if (column.kind === 'categorical' && request.problem.task !== 'regression') outputs = Math.max(2, column.levels.length);
      continue;
    }
    if (column.kind === 'categorical') features += Math.min(Math.max(1, column.levels.length), MAX_ONE_HOT_COLUMNS);
    else if (column.kind === 'datetime') features += DATE_PART_FEATURES;
    else if (column.kind !== 'text') features += 1;
  }
  const family = findFamilyInfo(request.family);
  const defaults = Object.fromEntries((family?.params ?? []).map((spec) => [spec.name, spec.default]));
  return {
    family: request.family,
    label: family?.label.toLowerCase() ?? request.family,
    params: { ...defaults, ...request.params },
    rows: parts.train.length,
    scoredRows: parts.validation.length,
    features: Math.max(1, features),
    outputs,
  };
}
