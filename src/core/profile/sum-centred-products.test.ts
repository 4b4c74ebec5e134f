import { describe, expect, it } from 'vitest';
import { sumCentredProducts } from './sum-centred-products';

describe('sumCentredProducts', () => {
  it('sums centred cross products with non-finite values counted as 0, across several blocks (numpy: dx @ dx, dx @ dy, dy @ dy)', () => {
    const rows = 5000; // more than one block of 2,048 rows
    const x = Float64Array.from({ length: rows }, (_, i) => (i % 3) + 1); // 1, 2, 3, …
    const y = Float64Array.from({ length: rows }, (_, i) => (i === 7 ? Number.NaN : i === 4100 ? Number.POSITIVE_INFINITY : i % 2));
    const { products, sums } = sumCentredProducts([x, y], [2, 0.5]);
    // x − 2 cycles −1, 0, 1 (5000 rows: 1667 × −1, 1667 × 0, 1666 × 1); y − 0.5 is ±0.5, 0 on rows 7 and 4100.
    expect({ products: [...products], sums: [...sums] }).toEqual({ products: [3333, 1, 0, 1249.5], sums: [-1, 0] });
  });

  it('gives zeros for no rows and nothing for no columns', () => {
    expect(sumCentredProducts([new Float64Array(0)], [1])).toEqual({ products: new Float64Array(1), sums: new Float64Array(1) });
    expect(sumCentredProducts([], [])).toEqual({ products: new Float64Array(0), sums: new Float64Array(0) });
  });
});
