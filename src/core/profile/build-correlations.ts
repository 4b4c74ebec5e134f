// Correlation matrices for a profile: Pearson and Spearman between numeric columns, Cramér's V between
// categorical/boolean columns and the correlation ratio η from categories to numbers. Wide or long tables
// keep only the most informative columns (most finite values, then most distinct) and say so in `notes`.

import { throwIfAborted } from './check-abort';
import { measurePearsonMatrix, measureSpearmanMatrix } from './correlate-matrices';
import { finiteOrNull } from './json-numbers';
import { measureCorrelationRatio } from './measure-correlation-ratio';
import { measureCramersV } from './measure-cramers-v';
import type { RankedColumn } from '../stats/rank-column';
import type { CorrelationMatrix, Correlations } from './types';

/** A numeric column ready for correlation: values, finite count, distinct count and lazily built ranks. */
export interface NumericInput {
  name: string;
  values: Float64Array;
  finite: number;
  distinct: number;
  rank(): RankedColumn;
}

/** A categorical or boolean column as codes (−1 missing) into `levels` levels. */
export interface CategoryInput {
  name: string;
  codes: Int32Array;
  levels: number;
  distinct: number;
}

export interface CorrelationLimits {
  /** Most numeric columns in the Pearson/Spearman matrices. */
  maxNumeric: number;
  /** Most categorical columns in Cramér's V and η. */
  maxCategories: number;
  /** Categorical columns with more levels than this are left out (their tables would be mostly empty). */
  maxLevels: number;
  /** Always kept when present (the target). */
  keep?: string;
  signal?: AbortSignal;
}

/** Builds the four matrices; table-level `notes` get the caps applied, `columnNotes` the undefined pairs. */
export function buildCorrelations(
  numeric: readonly NumericInput[],
  categories: readonly CategoryInput[],
  limits: CorrelationLimits,
  notes: string[],
  columnNotes: Map<string, string[]>,
): Correlations {
  const withPresent = categories.map((c) => ({ ...c, finite: countPresent(c.codes) }));
  const { nums, cats } = selectCorrelationColumns(numeric, withPresent, limits, notes);
  const matrices = {
    pearson: measurePearsonMatrix(nums.map((x) => x.values), limits.signal),
    spearman: measureSpearmanMatrix(nums.map((x) => x.rank()), limits.signal),
    cramersV: measureSquareMatrix(cats, (a, b) => measureCramersV(a.codes, a.levels, b.codes, b.levels), limits.signal),
    correlationRatio: measureEtaMatrix(cats, nums, limits.signal),
  };
  return assembleCorrelations(nums.map((x) => x.name), cats.map((c) => c.name), matrices, columnNotes);
}

/** A correlation candidate: its name, present (finite) values and distinct values. */
export interface CorrelationCandidate {
  name: string;
  finite: number;
  distinct: number;
}

/** The numeric and categorical columns that enter the matrices (caps and level limit applied, noted in `notes`). */
export function selectCorrelationColumns<N extends CorrelationCandidate, C extends CorrelationCandidate>(
  numeric: readonly N[],
  categories: readonly C[],
  limits: CorrelationLimits,
  notes: string[],
): { nums: N[]; cats: C[] } {
  const nums = selectInformative(numeric, limits.maxNumeric, limits.keep, 'numeric', notes);
  const fewLevels = categories.filter((c) => c.distinct <= limits.maxLevels);
  if (fewLevels.length < categories.length) {
    notes.push(`Categorical columns with more than ${limits.maxLevels} levels are left out of Cramér's V and η.`);
  }
  const cats = selectInformative(fewLevels, limits.maxCategories, limits.keep, 'categorical', notes);
  return { nums, cats };
}

/** The symmetric matrix of `measure` over `items` (null where not finite); checks `signal` between rows. */
export function measureSquareMatrix<T>(items: readonly T[], measure: (a: T, b: T) => number, signal?: AbortSignal): (number | null)[][] {
  const values = items.map(() => new Array<number | null>(items.length).fill(null));
  items.forEach((a, i) => {
    throwIfAborted(signal);
    for (let j = i; j < items.length; j++) values[i][j] = values[j][i] = finiteOrNull(measure(a, items[j]));
  });
  return values;
}

/** η of every category (rows) against every numeric column (columns); null where not finite. */
export function measureEtaMatrix(cats: readonly CategoryInput[], nums: readonly { values: Float64Array }[], signal?: AbortSignal): (number | null)[][] {
  return cats.map((c) => {
    throwIfAborted(signal);
    return nums.map((x) => finiteOrNull(measureCorrelationRatio(c.codes, c.levels, x.values)));
  });
}

/** The four measured matrices by their place in `Correlations`. */
export interface CorrelationValues {
  pearson: (number | null)[][];
  spearman: (number | null)[][];
  cramersV: (number | null)[][];
  correlationRatio: (number | null)[][];
}

/** Names the matrices and adds a note per column for its undefined pairs (Pearson, Spearman, Cramér's V, η in turn). */
export function assembleCorrelations(numNames: string[], catNames: string[], values: CorrelationValues, columnNotes: Map<string, string[]>): Correlations {
  const square = (names: string[], matrix: (number | null)[][], label: string): CorrelationMatrix => {
    noteUndefined(names, names, matrix, label, columnNotes);
    return { rows: [...names], columns: [...names], values: matrix };
  };
  const pearson = square(numNames, values.pearson, 'Pearson');
  const spearman = square(numNames, values.spearman, 'Spearman');
  const cramersV = square(catNames, values.cramersV, "Cramér's V");
  noteUndefined(catNames, numNames, values.correlationRatio, 'η', columnNotes);
  const correlationRatio = { rows: [...catNames], columns: [...numNames], values: values.correlationRatio };
  return { pearson, spearman, cramersV, correlationRatio };
}

/** Keeps at most `max` items, most finite values first then most distinct, in their original order. */
function selectInformative<T extends { name: string; finite: number; distinct: number }>(
  items: readonly T[],
  max: number,
  keep: string | undefined,
  label: string,
  notes: string[],
): T[] {
  if (items.length <= max) return [...items];
  const ranked = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(b.item.name === keep) - Number(a.item.name === keep) || b.item.finite - a.item.finite || b.item.distinct - a.item.distinct || a.index - b.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index);
  notes.push(`Correlations cover ${max} of ${items.length} ${label} columns: those with the most present, then most distinct, values.`);
  return ranked.map((entry) => entry.item);
}

function countPresent(codes: Int32Array): number {
  let present = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) present++;
  return present;
}

function noteUndefined(rows: string[], columns: string[], values: (number | null)[][], label: string, columnNotes: Map<string, string[]>): void {
  rows.forEach((row, i) => {
    const partners = columns.filter((column, j) => values[i][j] === null && column !== row);
    if (partners.length === 0) return;
    const list = partners.map((name) => `"${name}"`).join(', ');
    const notes = columnNotes.get(row) ?? [];
    notes.push(`${label} with ${list} is undefined: fewer than 2 shared present rows, or no variation on them.`);
    columnNotes.set(row, notes);
  });
}
