// A seeded sample of distinct row indices, the one way the studio subsamples rows (SHAP and partial-dependence
// rows, Kernel SHAP backgrounds, silhouette on large data): a partial Fisher–Yates shuffle, then ascending order.

/** All of 0 … rows − 1 when rows ≤ count, else `count` distinct indices drawn with `random`; ascending either way. */
export function sampleRows(rows: number, count: number, random: () => number): Uint32Array {
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  if (rows <= count) return order;
  for (let i = 0; i < count; i++) {
    const k = i + Math.floor(random() * (rows - i));
    const tmp = order[i]; order[i] = order[k]; order[k] = tmp;
  }
  return order.slice(0, count).sort();
}
