// How many rows of each class a stratified sample takes: a floor so that rare classes appear, the rest in
// proportion to the classes' counts (water-filling: a class never gets more rows than it has).

/** Each class's floor: all of its rows when it has fewer, else this many — or less, so that floors take at most a tenth of the sample. */
export const STRATUM_FLOOR_ROWS = 50;

/** Rows per class for a sample of `total` rows (≤ Σ counts) from classes with `counts` rows; sums to `total`. */
export function allocateStrata(counts: readonly number[], total: number): number[] {
  const k = counts.length;
  if (k === 0) return [];
  const floorRows = Math.max(1, Math.min(STRATUM_FLOOR_ROWS, Math.floor(total / (10 * k))));
  const taken = counts.map((n) => Math.min(n, floorRows));
  let remaining = total - taken.reduce((s, v) => s + v, 0);
  while (remaining > 0) {
    const open = counts.map((n, c) => (taken[c] < n ? c : -1)).filter((c) => c >= 0);
    if (open.length === 0) break;
    const weight = open.reduce((s, c) => s + counts[c], 0);
    const shares = open.map((c) => (remaining * counts[c]) / weight);
    const whole = shares.map((share, i) => Math.min(Math.floor(share), counts[open[i]] - taken[open[i]]));
    let given = 0;
    whole.forEach((w, i) => { taken[open[i]] += w; given += w; });
    // Largest remainders get the rows that rounding down left over, one each, while they have rows to give.
    const order = open.map((c, i) => ({ c, fraction: shares[i] - Math.floor(shares[i]) })).sort((a, b) => b.fraction - a.fraction || a.c - b.c);
    for (const { c } of order) {
      if (given >= remaining) break;
      if (taken[c] < counts[c]) { taken[c]++; given++; }
    }
    if (given === 0) break;
    remaining -= given;
  }
  return taken;
}
