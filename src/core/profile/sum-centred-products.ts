// The matrix product DᵀD of centred columns (d = value − centre, 0 where the value is not finite) and the
// column sums of D, in one blocked pass: rows in blocks small enough to stay in cache, each pair's dot
// product over a block in a tight loop. The Pearson/Spearman matrices start from these sums.

const BLOCK_ROWS = 2048;

/** Σ d_a·d_b over rows (row-major k × k, a ≤ b filled) and Σ d_a, where d = value − centres[a], 0 where the value is not finite. */
export function sumCentredProducts(columns: readonly Float64Array[], centres: readonly number[]): { products: Float64Array; sums: Float64Array } {
  const k = columns.length;
  const products = new Float64Array(k * k);
  const sums = new Float64Array(k);
  const rows = k === 0 ? 0 : columns[0].length;
  const block = new Float64Array(k * BLOCK_ROWS);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const size = Math.min(BLOCK_ROWS, rows - start);
    for (let a = 0; a < k; a++) sums[a] += centreBlock(columns[a], centres[a], start, size, block, a * BLOCK_ROWS);
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) products[a * k + b] += dotBlock(block, a * BLOCK_ROWS, b * BLOCK_ROWS, size);
    }
  }
  return { products, sums };
}

/** Writes value − centre (0 where not finite) of rows start … start + size into `block` at `at`; returns their sum. */
function centreBlock(values: Float64Array, centre: number, start: number, size: number, block: Float64Array, at: number): number {
  let sum = 0;
  for (let j = 0; j < size; j++) {
    const d = values[start + j] - centre;
    const kept = d - d === 0 ? d : 0; // x − x is 0 exactly for finite x
    block[at + j] = kept;
    sum += kept;
  }
  return sum;
}

/** Σ block[a + j]·block[b + j] for j < size, four partial sums so the additions do not wait on each other. */
function dotBlock(block: Float64Array, a: number, b: number, size: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < size; j += 4) {
    s0 += block[a + j] * block[b + j];
    s1 += block[a + j + 1] * block[b + j + 1];
    s2 += block[a + j + 2] * block[b + j + 2];
    s3 += block[a + j + 3] * block[b + j + 3];
  }
  for (; j < size; j++) s0 += block[a + j] * block[b + j];
  return s0 + s1 + (s2 + s3);
}
