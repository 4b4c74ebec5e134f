// What a split looks like and what is wrong with it: sizes, the target and date range per part, the rows left
// out for want of a target, and issues (class problems or a shifted numeric target, duplicates or groups
// straddling parts). The Problem's task says how to read the target: classes, or numbers for a regression.

import type { NumberSummary } from '../stats/describe-sorted';
import type { Task } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { findColumn, keyColumn, keyRows, listPresentRows } from './column-keys';
import { PART_NAMES, type PartName } from './split-spec';
import { countClasses, describeNumericTarget, findClassIssues, type SplitIssue } from './summarize-target';

export { countClass, type SplitIssue } from './summarize-target';

export interface PartSummary {
  readonly part: PartName;
  readonly size: number;
  /** Rows per class of a class target (missing under '(missing)'), own properties only: read with countClass; null for a numeric target or none. */
  readonly classCounts: Record<string, number> | null;
  /** A regression target described as pandas describe does; null for a class target, none, or no values. */
  readonly targetSummary: NumberSummary | null;
  /** Earliest and latest timestamp (epoch ms) in the part; null without a time column or when all missing. */
  readonly dateRange: { readonly minMs: number; readonly maxMs: number } | null;
}

export interface SplitSummary {
  readonly parts: PartSummary[];
  readonly issues: SplitIssue[];
  /** Rows in no part (and no fold) because their target is missing; 0 without a target. */
  readonly rowsWithoutTarget: number;
}

export interface SummarizeOptions {
  readonly target?: string;
  /** The Problem's task when `target` is its target: 'regression' reads it as numbers; otherwise it is a class column. */
  readonly task?: Task;
  readonly timeColumn?: string;
  readonly groupColumn?: string;
  /** Smallest class size worth stratifying; default one row per non-empty part. */
  readonly minClassRows?: number;
}

type Parts = { readonly train: RowIndices; readonly validation: RowIndices; readonly test: RowIndices };

/** Describes a split of `table`; issues at level 'error' should block training. */
export function summarizeSplit(table: Table, split: Parts, options: SummarizeOptions = {}): SplitSummary {
  const partRows = [split.train, split.validation, split.test];
  const target = summarizeTarget(table, partRows, options);
  const dateRanges = partRows.map((rows) => findDateRange(table, rows, options.timeColumn));
  const parts = partRows.map((rows, p): PartSummary => ({
    part: PART_NAMES[p], size: rows.length, classCounts: target.classCounts[p], targetSummary: target.summaries[p], dateRange: dateRanges[p],
  }));
  const issues = [...target.issues, ...findStraddlingDuplicates(table, partRows)];
  if (options.groupColumn) issues.push(...findStraddlingGroups(table, partRows, options.groupColumn));
  return { parts, issues, rowsWithoutTarget: target.rowsWithoutTarget };
}

function summarizeTarget(table: Table, partRows: RowIndices[], options: SummarizeOptions) {
  const none = partRows.map(() => null);
  if (!options.target) return { classCounts: none, summaries: none, issues: [], rowsWithoutTarget: 0 };
  const column = findColumn(table, options.target, 'target');
  const rowsWithoutTarget = countRowsWithoutTarget(table.rowCount, listPresentRows(column), partRows);
  if (options.task === 'regression' && column.kind === 'numeric') {
    const { summaries, issues } = describeNumericTarget(column.values, partRows, options.target);
    return { classCounts: none, summaries, issues, rowsWithoutTarget };
  }
  const keys = keyColumn(column);
  const parts = partRows.map((rows) => ({ size: rows.length, classCounts: countClasses(keys, rows) }));
  return { classCounts: parts.map((p) => p.classCounts), summaries: none, issues: findClassIssues(keys.labels, parts, options.minClassRows), rowsWithoutTarget };
}

/** Rows that have no target value and are in no part. */
function countRowsWithoutTarget(rowCount: number, present: Uint32Array, partRows: RowIndices[]): number {
  const accounted = new Uint8Array(rowCount);
  for (const row of present) accounted[row] = 1;
  for (const rows of partRows) for (const row of rows) accounted[row] = 1;
  let count = 0;
  for (let row = 0; row < rowCount; row++) count += 1 - accounted[row];
  return count;
}

function findDateRange(table: Table, rows: RowIndices, timeColumn: string | undefined): PartSummary['dateRange'] {
  if (!timeColumn) return null;
  const column = findColumn(table, timeColumn, 'time');
  if (column.kind !== 'datetime' && column.kind !== 'numeric') return null;
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const r of rows) {
    const t = column.values[r];
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  return minMs <= maxMs ? { minMs, maxMs } : null;
}

function findStraddlingDuplicates(table: Table, partRows: RowIndices[]): SplitIssue[] {
  const trainKeys = new Set(keyRows(table, partRows[0]));
  const issues: SplitIssue[] = [];
  for (const p of [1, 2]) {
    const count = keyRows(table, partRows[p]).filter((key) => trainKeys.has(key)).length;
    if (count > 0) {
      issues.push({ level: 'warning', code: 'duplicates-straddle', message: `${count} ${PART_NAMES[p]} rows are exact duplicates of training rows: scores on them will look better than they are. Consider a dedupe step before splitting.` });
    }
  }
  return issues;
}

function findStraddlingGroups(table: Table, partRows: RowIndices[], groupColumn: string): SplitIssue[] {
  const { ids, labels } = keyColumn(findColumn(table, groupColumn, 'group'));
  const seenIn = new Int32Array(labels.length); // bit mask of parts per group
  partRows.forEach((rows, p) => {
    for (const r of rows) if (ids[r] >= 0) seenIn[ids[r]] |= 1 << p;
  });
  const straddling = labels.filter((_, g) => seenIn[g] !== 0 && (seenIn[g] & (seenIn[g] - 1)) !== 0);
  if (straddling.length === 0) return [];
  const examples = straddling.slice(0, 3).map((l) => `'${l}'`).join(', ');
  return [{ level: 'warning', code: 'groups-straddle', message: `${straddling.length} '${groupColumn}' groups (e.g. ${examples}) appear in more than one part: use a grouped split.` }];
}
