// Profiles categorical, boolean and text columns: counts, distinct values, the top-k values with the
// rest as "other", mean text length, and id-likeness (every present value distinct, at least 20 of them,
// or a text column import already judged an identifier).

import { textRowCount } from '../table/text-column';
import { BOOLEAN_MISSING, type BooleanColumn, type CategoricalColumn, type TextColumn } from '../table/types';
import { countTextValues } from './count-text-values';
import { finiteOrNull, percent } from './json-numbers';
import { ID_LIKE_MIN_ROWS } from './profile-numeric';
import type { CategoryProfile, ValueCount } from './types';

/** Profiles a categorical, boolean or text column; `topK` most frequent values, ties in level/first-seen order. */
export function profileCategory(column: CategoricalColumn | BooleanColumn | TextColumn, topK: number): CategoryProfile {
  const { labelAt, counts, missing, meanLength } = countLabels(column);
  const rows = column.kind === 'categorical' ? column.codes.length : column.kind === 'text' ? textRowCount(column) : column.values.length;
  const count = rows - missing;
  let distinct = 0;
  for (const c of counts) if (c > 0) distinct++;
  const order = pickTop(counts, topK);
  const topValues: ValueCount[] = order.map((i) => ({ value: labelAt(i), count: counts[i], pct: percent(counts[i], count) }));
  const topTotal = topValues.reduce((sum, entry) => sum + entry.count, 0);
  const notes: string[] = [];
  if (count === 0) notes.push('No present values.');
  if (column.kind === 'text') notes.push('Text length is counted in UTF-16 code units.');
  const unique = count >= ID_LIKE_MIN_ROWS && distinct === count;
  return {
    kind: column.kind,
    name: column.name,
    count,
    missing,
    missingPct: percent(missing, rows),
    distinct,
    idLike: column.kind !== 'boolean' && (unique || (column.kind === 'text' && column.idLike === true)),
    notes,
    topValues,
    otherCount: count - topTotal,
    meanLength: column.kind === 'text' ? finiteOrNull(meanLength) : null,
    uniqueRatio: count === 0 ? null : distinct / count,
  };
}

function countLabels(column: CategoricalColumn | BooleanColumn | TextColumn) {
  if (column.kind === 'categorical') {
    const counts = new Array<number>(column.levels.length).fill(0);
    let missing = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i];
      if (code < 0) missing++;
      else counts[code]++;
    }
    return { labelAt: (i: number) => column.levels[i], counts, missing, meanLength: Number.NaN };
  }
  if (column.kind === 'boolean') {
    const counts = [0, 0];
    let missing = 0;
    for (let i = 0; i < column.values.length; i++) {
      const value = column.values[i];
      if (value === BOOLEAN_MISSING) missing++;
      else counts[value === 0 ? 0 : 1]++;
    }
    return { labelAt: (i: number) => (i === 0 ? 'false' : 'true'), counts, missing, meanLength: Number.NaN };
  }
  const text = countTextValues(column);
  const present = textRowCount(column) - text.missing;
  return { labelAt: text.labelAt, counts: text.counts, missing: text.missing, meanLength: present === 0 ? Number.NaN : text.utf16Length / present };
}

/** Indices of the `k` largest positive counts, largest first, ties by index; O(n·k) without sorting all n. */
function pickTop(counts: readonly number[], k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c === 0 || k === 0 || (top.length === k && c <= counts[top[k - 1]])) continue;
    let at = top.length;
    while (at > 0 && counts[top[at - 1]] < c) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
