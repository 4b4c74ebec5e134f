// What a split looks like and what is wrong with it: sizes, classes and date range per part, and issues
// (classes too small, duplicates or groups straddling parts, a class absent from training).

import type { RowIndices, Table } from '../table/types';
import { findColumn, keyColumn, keyRows } from './column-keys';
import { PART_NAMES, type PartName } from './split-spec';

export interface PartSummary {
  readonly part: PartName;
  readonly size: number;
  /** Rows per class label (missing under '(missing)'), own properties only: read with countClass; null without a target. */
  readonly classCounts: Record<string, number> | null;
  /** Earliest and latest timestamp (epoch ms) in the part; null without a time column or when all missing. */
  readonly dateRange: { readonly minMs: number; readonly maxMs: number } | null;
}

export interface SplitIssue {
  readonly level: 'warning' | 'error';
  readonly code: 'class-too-small' | 'duplicates-straddle' | 'groups-straddle' | 'class-missing-from-train';
  readonly message: string;
}

export interface SplitSummary {
  readonly parts: PartSummary[];
  readonly issues: SplitIssue[];
}

export interface SummarizeOptions {
  readonly target?: string;
  readonly timeColumn?: string;
  readonly groupColumn?: string;
  /** Smallest class size worth stratifying; default one row per non-empty part. */
  readonly minClassRows?: number;
}

/** Describes a split of `table`; issues at level 'error' should block training. */
export function summarizeSplit(
  table: Table,
  split: { readonly train: RowIndices; readonly validation: RowIndices; readonly test: RowIndices },
  options: SummarizeOptions = {},
): SplitSummary {
  const partRows = [split.train, split.validation, split.test];
  const issues: SplitIssue[] = [];
  const classes = options.target ? keyColumn(findColumn(table, options.target, 'target')) : null;
  const timeColumn = options.timeColumn ? findColumn(table, options.timeColumn, 'time') : null;
  const parts = partRows.map((rows, p): PartSummary => {
    let classCounts: Record<string, number> | null = null;
    if (classes) {
      // Counted in a Map: a label may be "__proto__" or "toString", which a plain {} would read from its prototype.
      const counts = new Map<string, number>();
      for (const r of rows) {
        const label = classes.ids[r] < 0 ? '(missing)' : classes.labels[classes.ids[r]];
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      classCounts = Object.fromEntries(counts);
    }
    let dateRange: PartSummary['dateRange'] = null;
    if (timeColumn && (timeColumn.kind === 'datetime' || timeColumn.kind === 'numeric')) {
      let minMs = Infinity;
      let maxMs = -Infinity;
      for (const r of rows) {
        const t = timeColumn.values[r];
        if (t < minMs) minMs = t;
        if (t > maxMs) maxMs = t;
      }
      if (minMs <= maxMs) dateRange = { minMs, maxMs };
    }
    return { part: PART_NAMES[p], size: rows.length, classCounts, dateRange };
  });
  if (classes) issues.push(...findClassIssues(classes.labels, parts, options.minClassRows));
  issues.push(...findStraddlingDuplicates(table, partRows));
  if (options.groupColumn) issues.push(...findStraddlingGroups(table, partRows, options.groupColumn));
  return { parts, issues };
}

function findClassIssues(labels: readonly string[], parts: PartSummary[], minClassRows: number | undefined): SplitIssue[] {
  const issues: SplitIssue[] = [];
  const used = parts.filter((p) => p.size > 0).length;
  const minimum = minClassRows ?? used;
  for (const label of labels) {
    const total = parts.reduce((sum, p) => sum + countClass(p, label), 0);
    if (total > 0 && total < minimum) {
      issues.push({ level: 'warning', code: 'class-too-small', message: `Class '${label}' has only ${total} rows: too few to stratify across ${used} parts (want ≥ ${minimum}).` });
    }
    if (total > 0 && countClass(parts[0], label) === 0) {
      issues.push({ level: 'error', code: 'class-missing-from-train', message: `Class '${label}' appears in validation/test but not in training: a model cannot learn it. Use a stratified split or merge the class.` });
    }
  }
  return issues;
}

/** Rows of class `label` in `part`: only its own properties count (a label may be named like an Object.prototype member). */
export function countClass(part: PartSummary, label: string): number {
  return part.classCounts !== null && Object.hasOwn(part.classCounts, label) ? part.classCounts[label] : 0;
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
