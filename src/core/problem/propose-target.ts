// What the Problem form proposes for a target column, computed where the table is (a worker in the browser): the
// task with its reason and positive class, the column's classes for the positive-class list, and the share of the
// rarest class (the binary metrics look at it). Only this small record travels, never the column.

import type { Table } from '../table/types';
import { factorizeTarget } from './factorize-target';
import { MAX_PROPOSED_CLASSES, proposeTask, type TaskProposal } from './propose-task';

export interface TargetProposal extends TaskProposal {
  /** The column proposed for. */
  readonly target: string;
  /** Its classes in level order when it has at most 50 (null: more, or none). */
  readonly classes: readonly string[] | null;
  /** Share (0–100) of the rarest of those classes; undefined with more than 50 classes or fewer than 2. */
  readonly minorityPct?: number;
}

/** The proposal for column `target` of `table`, or null when the table has no such column. */
export function proposeTarget(table: Table, target: string): TargetProposal | null {
  const column = table.columns.find((candidate) => candidate.name === target);
  if (!column) return null;
  const classes = factorizeTarget(column, MAX_PROPOSED_CLASSES);
  const total = classes ? classes.counts.reduce((sum, count) => sum + count, 0) : 0;
  const minorityPct = classes && classes.labels.length >= 2 && total > 0 ? (100 * Math.min(...classes.counts)) / total : undefined;
  return { ...proposeTask(table, target), target, classes: classes?.labels ?? null, ...(minorityPct !== undefined ? { minorityPct } : {}) };
}
