// Cramér's V between two categorical columns, bias-uncorrected: V = √(χ² / (n · (min(r, c) − 1))),
// χ² from the contingency table of rows where both are present, with empty rows and columns dropped.

/** V in [0, 1] for codes (−1 missing) with `aLevels` and `bLevels` levels; NaN when n = 0 or min(r, c) < 2. */
export function measureCramersV(a: Int32Array, aLevels: number, b: Int32Array, bLevels: number): number {
  // Only the cells are counted per row; the totals (integers, so exact in any order) are summed from them.
  const table = new Int32Array(aLevels * bLevels);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x < 0 || y < 0) continue;
    table[x * bLevels + y]++;
  }
  const rowTotals = new Float64Array(aLevels);
  const columnTotals = new Float64Array(bLevels);
  let n = 0;
  for (let x = 0; x < aLevels; x++) {
    for (let y = 0; y < bLevels; y++) {
      const count = table[x * bLevels + y];
      rowTotals[x] += count;
      columnTotals[y] += count;
      n += count;
    }
  }
  const r = rowTotals.filter((total) => total > 0).length;
  const c = columnTotals.filter((total) => total > 0).length;
  if (n === 0 || Math.min(r, c) < 2) return Number.NaN;
  let chi2 = 0;
  for (let x = 0; x < aLevels; x++) {
    if (rowTotals[x] === 0) continue;
    for (let y = 0; y < bLevels; y++) {
      if (columnTotals[y] === 0) continue;
      const expected = (rowTotals[x] * columnTotals[y]) / n;
      const diff = table[x * bLevels + y] - expected;
      chi2 += (diff * diff) / expected;
    }
  }
  return Math.min(1, Math.sqrt(chi2 / (n * (Math.min(r, c) - 1))));
}
