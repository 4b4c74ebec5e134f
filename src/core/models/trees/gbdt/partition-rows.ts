// The row partition of a split node (JavaScript form; the WebAssembly kernel in kernel-code.ts is the same loop).

/**
 * Stable in-place partition of rows[start … end): rows whose bin (binned[column + row]) has goesLeft[bin] = 1
 * stay in front in their order, the others follow in theirs. Returns how many went left.
 */
export function partitionRows(
  binned: Uint8Array, column: number, goesLeft: Uint8Array, rows: Uint32Array, start: number, end: number, scratch: Uint32Array,
): number {
  let l = start;
  let r = 0;
  // Branch-free: both stores happen, one cursor advances.
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const left = goesLeft[binned[column + row]];
    rows[l] = row;
    scratch[r] = row;
    l += left;
    r += 1 - left;
  }
  rows.set(scratch.subarray(0, r), l);
  return l - start;
}
