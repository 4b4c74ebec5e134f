// Turns any column into classes (labels, per-row codes, counts) so a target can be read as categories,
// whatever its kind: numbers become their decimal labels, booleans "false"/"true".

import { sortLevels } from '../table/sort-levels';
import { readTexts } from '../table/text-column';
import { BOOLEAN_MISSING, type Column } from '../table/types';

/** Present classes only, in level order (numbers ascending, text alphabetical); code −1 is missing. */
export interface TargetClasses {
  readonly labels: string[];
  readonly counts: number[];
  readonly codes: Int32Array;
  readonly missing: number;
}

/**
 * Reads a column as classes; returns null when it has more than `maxClasses` distinct present values
 * (so a million-value regression target costs one sort, not a million labels).
 */
export function factorizeTarget(column: Column, maxClasses = Number.POSITIVE_INFINITY): TargetClasses | null {
  switch (column.kind) {
    case 'categorical': {
      // Stored tables from before levels were kept sorted may hold them in order of appearance.
      const sorted = sortLevels(column.codes, column.levels);
      return compactCodes(sorted.codes, sorted.levels, maxClasses);
    }
    case 'boolean': {
      const codes = new Int32Array(column.values.length);
      for (let i = 0; i < codes.length; i++) codes[i] = column.values[i] === BOOLEAN_MISSING ? -1 : column.values[i];
      return compactCodes(codes, ['false', 'true'], maxClasses);
    }
    case 'text':
      return factorizeStrings(readTexts(column), maxClasses);
    case 'numeric':
      return factorizeNumbers(column.values, maxClasses, (value) => String(value));
    case 'datetime':
      return factorizeNumbers(column.values, maxClasses, (value) => new Date(value).toISOString());
  }
}

function compactCodes(codes: Int32Array, levels: readonly string[], maxClasses: number): TargetClasses | null {
  const counts = new Float64Array(levels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) missing++;
    else counts[codes[i]]++;
  }
  const remap = new Int32Array(levels.length).fill(-1);
  const labels: string[] = [];
  const kept: number[] = [];
  for (let level = 0; level < levels.length; level++) {
    if (counts[level] === 0) continue;
    remap[level] = labels.length;
    labels.push(levels[level]);
    kept.push(counts[level]);
  }
  if (labels.length > maxClasses) return null;
  const compact = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) compact[i] = codes[i] < 0 ? -1 : remap[codes[i]];
  return { labels, counts: kept, codes: compact, missing };
}

function factorizeStrings(values: readonly (string | null)[], maxClasses: number): TargetClasses | null {
  const index = new Map<string, number>();
  const raw = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      raw[i] = -1;
      continue;
    }
    let code = index.get(value);
    if (code === undefined) {
      if (index.size >= maxClasses) return null;
      code = index.size;
      index.set(value, code);
    }
    raw[i] = code;
  }
  const sorted = sortLevels(raw, [...index.keys()]);
  return compactCodes(sorted.codes, sorted.levels, maxClasses);
}

function factorizeNumbers(values: Float64Array, maxClasses: number, format: (value: number) => string): TargetClasses | null {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    if (distinct.length >= maxClasses) return null;
    distinct.push(sorted[i]);
  }
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = Number.isNaN(values[i]) ? -1 : findSorted(distinct, values[i]);
  return compactCodes(codes, distinct.map(format), maxClasses);
}

function findSorted(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
