// Proposes a task for a chosen target from what its values look like, with a reason the user can check.
// Rules: 2 classes → binary; a non-integer number with > 2 values, or an integer one with > 10 values →
// regression; 3–50 categories (or 3–10 integer values) → multiclass; anything else gets no task and a reason.

import { DataError } from '../errors';
import type { Column, Table } from '../table/types';
import { factorizeTarget, type TargetClasses } from './factorize-target';
import type { SupervisedTask } from './types';

/** Most classes a proposed multiclass target may have. */
export const MAX_PROPOSED_CLASSES = 50;
/** Most distinct integers that still read as classes (ratings, counts of stars). */
export const MAX_INTEGER_CLASSES = 10;

export interface TaskProposal {
  /** null when no supervised task fits (one class, no values, an identifier, a date…). */
  task: SupervisedTask | null;
  reason: string;
  /** Binary only: the suggested positive class label. */
  positiveClass?: string;
}

/**
 * Known (positive, negative) label pairs, compared trimmed and case-insensitively; when a binary target's
 * two labels are such a pair the first is positive, otherwise the minority class is.
 */
export const POSITIVE_NEGATIVE_PAIRS: readonly (readonly [string, string])[] = [
  ['1', '0'], ['1', '-1'], ['true', 'false'], ['t', 'f'], ['yes', 'no'], ['y', 'n'], ['positive', 'negative'],
  ['pos', 'neg'], ['m', 'b'], ['malignant', 'benign'], ['spam', 'ham'], ['fraud', 'legit'], ['churn', 'stay'],
  ['default', 'paid'], ['sick', 'healthy'], ['abnormal', 'normal'], ['fail', 'pass'], ['failure', 'success'],
];

/** Proposes binary / multiclass / regression for `targetName`; throws DataError when no such column exists. */
export function proposeTask(table: Table, targetName: string): TaskProposal {
  const column = table.columns.find((candidate) => candidate.name === targetName);
  if (!column) {
    const names = table.columns.map((candidate) => `"${candidate.name}"`).join(', ');
    throw new DataError(`There is no column "${targetName}" to use as the target. Choose one of: ${names}.`);
  }
  if (column.kind === 'datetime') {
    return { task: null, reason: `"${column.name}" holds dates; forecast a number derived from it, or choose another target.` };
  }
  const maxClasses = column.kind === 'numeric' ? MAX_PROPOSED_CLASSES : Number.POSITIVE_INFINITY;
  const classes = factorizeTarget(column, maxClasses);
  if (classes === null) return proposeRegression(column, `more than ${MAX_PROPOSED_CLASSES}`);
  const k = classes.labels.length;
  if (k === 0) return { task: null, reason: `"${column.name}" has no values; choose another target.` };
  if (k === 1) {
    return { task: null, reason: `"${column.name}" has one value ("${classes.labels[0]}") in every row: there is nothing to predict.` };
  }
  if (k === 2) return proposeBinary(column, classes);
  if (column.kind === 'numeric') {
    const integer = classes.labels.every((label) => Number.isInteger(Number(label)));
    if (!integer || k > MAX_INTEGER_CLASSES) return proposeRegression(column, String(k));
    return {
      task: 'multiclass',
      reason: `"${column.name}" has ${k} distinct whole numbers, read as classes; choose regression if their order matters.`,
    };
  }
  const present = classes.codes.length - classes.missing;
  if (k === present && present > MAX_PROPOSED_CLASSES) {
    return { task: null, reason: `Every value of "${column.name}" is different: it looks like an identifier, not a target.` };
  }
  if (k > MAX_PROPOSED_CLASSES) {
    return {
      task: 'multiclass',
      reason: `"${column.name}" has ${k} classes, more than ${MAX_PROPOSED_CLASSES}: consider grouping rare classes or another target.`,
    };
  }
  return { task: 'multiclass', reason: `"${column.name}" has ${k} classes.` };
}

function proposeRegression(column: Column, distinct: string): TaskProposal {
  return { task: 'regression', reason: `"${column.name}" is numeric with ${distinct} distinct values.` };
}

function proposeBinary(column: Column, classes: TargetClasses): TaskProposal {
  const [a, b] = classes.labels;
  const known = choosePairPositive(a, b);
  if (known !== null) {
    return { task: 'binary', positiveClass: known, reason: `"${column.name}" has two classes; "${known}" reads as the positive one.` };
  }
  // Ties go to the second label so that e.g. an even 0/1 split without a known pair still picks the later level.
  const minority = classes.counts[0] < classes.counts[1] ? a : b;
  return {
    task: 'binary',
    positiveClass: minority,
    reason: `"${column.name}" has two classes; the rarer one, "${minority}", is taken as positive (change it if the other is what you look for).`,
  };
}

function choosePairPositive(a: string, b: string): string | null {
  const la = a.trim().toLowerCase();
  const lb = b.trim().toLowerCase();
  for (const [positive, negative] of POSITIVE_NEGATIVE_PAIRS) {
    if (la === positive && lb === negative) return a;
    if (lb === positive && la === negative) return b;
  }
  return null;
}
