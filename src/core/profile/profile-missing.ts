// The missing-value structure of a table: which columns go missing together (co-missing counts and the
// Jaccard index of their masks) and the most common row patterns of missing columns.
// A pattern is kept as an exact bit set in a double, which is why at most 52 columns take part.

import type { Table } from '../table/types';
import { percent } from './json-numbers';
import { maskMissing } from './mask-missing';
import { mixHash, sizeTable } from '../stats/mix-hash';
import type { MissingPatterns } from './types';

/** Most columns that take part (most missing first): patterns are exact bit sets below 2^53. */
export const MAX_MISSING_COLUMNS = 50;
/** How many patterns a profile lists. */
export const TOP_MISSING_PATTERNS = 10;

/** Co-missing structure of `table`; `notes` receives a line when columns were left out. */
export function profileMissing(table: Table, notes: string[]): MissingPatterns {
  const withMissing = table.columns
    .map((column) => {
      const mask = maskMissing(column);
      let missing = 0;
      for (let i = 0; i < mask.length; i++) missing += mask[i];
      return { name: column.name, mask, missing };
    })
    .filter((entry) => entry.missing > 0)
    .sort((a, b) => b.missing - a.missing);
  if (withMissing.length > MAX_MISSING_COLUMNS) {
    notes.push(`Missing-value patterns cover the ${MAX_MISSING_COLUMNS} columns with most missing values of ${withMissing.length} with any.`);
  }
  const kept = withMissing.slice(0, MAX_MISSING_COLUMNS);
  const patternCounts = countPatterns(kept.map((entry) => entry.mask), table.rowCount);
  const patterns = [...patternCounts.entries()].map(([key, count]) => ({ members: decodePattern(key, kept.length), count }));
  const coMissing = kept.map(() => new Array<number>(kept.length).fill(0));
  for (const { members, count } of patterns) {
    for (const i of members) for (const j of members) coMissing[i][j] += count;
  }
  const jaccard = coMissing.map((row, i) =>
    row.map((both, j) => {
      const either = kept[i].missing + kept[j].missing - both;
      return either === 0 ? null : both / either;
    }),
  );
  const top = patterns.sort((a, b) => b.count - a.count || a.members.length - b.members.length).slice(0, TOP_MISSING_PATTERNS);
  return {
    columns: kept.map((entry) => entry.name),
    coMissing,
    jaccard,
    patterns: top.map(({ members, count }) => ({ columns: members.map((i) => kept[i].name), count, pct: percent(count, table.rowCount) })),
  };
}

/** Counts rows per pattern (an exact bit set in a double) with an open-addressing table, not a Map of doubles. */
function countPatterns(masks: readonly Uint8Array[], rowCount: number): Map<number, number> {
  const keys = new Float64Array(rowCount);
  const hashes = new Int32Array(rowCount);
  masks.forEach((mask, bit) => {
    const weight = 2 ** bit;
    const salt = mixHash(bit + 1);
    for (let i = 0; i < rowCount; i++) {
      if (mask[i]) {
        keys[i] += weight;
        hashes[i] ^= salt;
      }
    }
  });
  const size = sizeTable(rowCount);
  const tableMask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const counts: number[] = [];
  const firstRows: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    let slot = mixHash(hashes[i]) & tableMask;
    for (;;) {
      const group = slots[slot];
      if (group === -1) {
        slots[slot] = counts.length;
        counts.push(1);
        firstRows.push(i);
        break;
      }
      if (keys[firstRows[group]] === keys[i]) {
        counts[group]++;
        break;
      }
      slot = (slot + 1) & tableMask;
    }
  }
  return new Map(firstRows.map((row, group) => [keys[row], counts[group]]));
}

function decodePattern(key: number, bits: number): number[] {
  const members: number[] = [];
  for (let bit = 0; bit < bits; bit++) if (Math.floor(key / 2 ** bit) % 2 === 1) members.push(bit);
  return members;
}
