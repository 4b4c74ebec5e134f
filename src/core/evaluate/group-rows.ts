// Splits the evaluated rows into named groups by one column, for slices and fairness: categories as they are
// (the largest `maxGroups − 1` kept, the rest pooled as "other"), numbers and dates in quantile bins like
// pandas.qcut(duplicates='drop'): right-closed intervals, the first one including its low edge.
import { quantileSorted } from '../stats/quantile-sorted';
import { readCellText } from '../table/column-texts';
import { formatDatetime, formatNumber } from '../table/format-cell';
import type { Column, RowIndices } from '../table/types';

/** Group labels and, per evaluated row, the index of its group. */
export interface RowGroups {
  column: string;
  labels: string[];
  /** One entry per evaluated row (aligned with yTrue), an index into `labels`. */
  codes: Int32Array;
  /** Set when levels were pooled into "other" or values were binned, saying so. */
  note?: string;
}

export const MISSING_GROUP = '(missing)';
export const OTHER_GROUP = 'other';

export interface GroupOptions {
  /** Quantile bins for numeric and datetime columns (default 4). */
  binCount?: number;
  /** The most groups before pooling the smallest categories into "other" (default 50). */
  maxGroups?: number;
}

/** Groups `rows` of `column` (the rows evaluated, in the order of yTrue). */
export function groupRows(column: Column, rows: RowIndices, { binCount = 4, maxGroups = 50 }: GroupOptions = {}): RowGroups {
  if (column.kind === 'numeric' || column.kind === 'datetime') return binRows(column.name, column.kind, rows.length, (k) => column.values[rows[k]], binCount);
  return groupTexts(column.name, Array.from(rows, (row) => readCellText(column, row)), maxGroups);
}

/** Categories by text; the `maxGroups − 1` most frequent are kept when there are more, ties by first seen. */
function groupTexts(name: string, texts: (string | null)[], maxGroups: number): RowGroups {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text ?? MISSING_GROUP, (counts.get(text ?? MISSING_GROUP) ?? 0) + 1);
  const ranked = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const pooled = ranked.length > maxGroups ? ranked.slice(maxGroups - 1) : [];
  const labels = pooled.length > 0 ? [...ranked.slice(0, maxGroups - 1), OTHER_GROUP] : ranked;
  const indexOf = new Map(labels.map((label, i) => [label, i]));
  const otherIndex = labels.length - 1;
  const codes = Int32Array.from(texts, (text) => indexOf.get(text ?? MISSING_GROUP) ?? otherIndex);
  const groups: RowGroups = { column: name, labels, codes };
  if (pooled.length > 0) groups.note = `${name} has ${ranked.length} values; the ${pooled.length} smallest are pooled as "${OTHER_GROUP}"`;
  return groups;
}

/** Quantile bins of finite values; missing values get their own group. */
function binRows(name: string, kind: 'numeric' | 'datetime', n: number, valueAt: (k: number) => number, binCount: number): RowGroups {
  const finite = Float64Array.from({ length: n }, (_, k) => valueAt(k)).filter((v) => Number.isFinite(v)).sort();
  const edges = [...new Set(Array.from({ length: binCount + 1 }, (_, i) => quantileSorted(finite, i / binCount)))].filter((e) => !Number.isNaN(e));
  const format = kind === 'numeric' ? formatNumber : formatDatetime;
  const bins = Math.max(edges.length - 1, edges.length === 1 ? 1 : 0);
  const labels = Array.from({ length: bins }, (_, b) =>
    edges.length === 1 ? `[${format(edges[0])}]` : `${b === 0 ? '[' : '('}${format(edges[b])}, ${format(edges[b + 1])}]`);
  let missing = -1;
  const codes = Int32Array.from({ length: n }, (_, k) => {
    const v = valueAt(k);
    if (!Number.isFinite(v)) return missing < 0 ? (missing = labels.push(MISSING_GROUP) - 1) : missing;
    let bin = 0;
    while (bin < bins - 1 && v > edges[bin + 1]) bin++;
    return bin;
  });
  return { column: name, labels, codes, note: `${name} is cut into ${bins} quantile bins` };
}
