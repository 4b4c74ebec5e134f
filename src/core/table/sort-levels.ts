// Categorical columns keep their levels sorted (code-unit order, as Python's sorted() and numpy's unique do), so
// codes, class indices and argmax ties never depend on the order rows arrived in.

/** `levels` sorted and `codes` renumbered to match (−1 stays missing); the inputs are returned when already sorted. */
export function sortLevels(codes: Int32Array, levels: readonly string[]): { codes: Int32Array; levels: string[] } {
  if (isSorted(levels)) return { codes, levels: [...levels] };
  const order = levels.map((_, code) => code).sort((a, b) => compareLabels(levels[a], levels[b]));
  const rank = new Int32Array(levels.length);
  order.forEach((code, position) => (rank[code] = position));
  const sorted = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) sorted[i] = codes[i] < 0 ? -1 : rank[codes[i]];
  return { codes: sorted, levels: order.map((code) => levels[code]) };
}

/** Code-unit order of two labels (the order every level list and class list is kept in). */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isSorted(levels: readonly string[]): boolean {
  for (let i = 1; i < levels.length; i++) if (compareLabels(levels[i - 1], levels[i]) > 0) return false;
  return true;
}
