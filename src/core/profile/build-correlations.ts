// Correlation matrices for a profile: Pearson and Spearman between numeric columns, Cramér's V between
// categorical/boolean columns and the correlation ratio η from categories to numbers. Wide or long tables
// keep only the most informative columns (most finite values, then most distinct) and say so in `notes`.

import { throwIfAborted } from './check-abort';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearmanRanked } from './correlate-spearman';
import { finiteOrNull } from './json-numbers';
import { measureCorrelationRatio } from './measure-correlation-ratio';
import { measureCramersV } from './measure-cramers-v';
import type { RankedColumn } from './rank-column';
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
  const nums = selectInformative(numeric, limits.maxNumeric, limits.keep, 'numeric', notes);
  const fewLevels = categories.filter((c) => c.distinct <= limits.maxLevels);
  if (fewLevels.length < categories.length) {
    notes.push(`Categorical columns with more than ${limits.maxLevels} levels are left out of Cramér's V and η.`);
  }
  const cats = selectInformative(fewLevels.map((c) => ({ ...c, finite: countPresent(c.codes) })), limits.maxCategories, limits.keep, 'categorical', notes);
  const square = <T extends { name: string }>(items: readonly T[], measure: (a: T, b: T) => number, label: string) => {
    const values = items.map(() => new Array<number | null>(items.length).fill(null));
    items.forEach((a, i) => {
      throwIfAborted(limits.signal);
      for (let j = i; j < items.length; j++) values[i][j] = values[j][i] = finiteOrNull(measure(a, items[j]));
    });
    noteUndefined(items.map((item) => item.name), items.map((item) => item.name), values, label, columnNotes);
    return { rows: items.map((item) => item.name), columns: items.map((item) => item.name), values } satisfies CorrelationMatrix;
  };
  const pearson = square(nums, (a, b) => correlatePearson(a.values, b.values), 'Pearson');
  const spearman = square(nums, (a, b) => correlateSpearmanRanked(a.rank(), b.rank()), 'Spearman');
  const cramersV = square(cats, (a, b) => measureCramersV(a.codes, a.levels, b.codes, b.levels), "Cramér's V");
  const etaValues = cats.map((c) => {
    throwIfAborted(limits.signal);
    return nums.map((x) => finiteOrNull(measureCorrelationRatio(c.codes, c.levels, x.values)));
  });
  noteUndefined(cats.map((c) => c.name), nums.map((x) => x.name), etaValues, 'η', columnNotes);
  const correlationRatio = { rows: cats.map((c) => c.name), columns: nums.map((x) => x.name), values: etaValues };
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
