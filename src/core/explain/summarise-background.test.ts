import { describe, expect, it } from 'vitest';
import { summariseBackground } from './summarise-background';

const X = { values: Float64Array.of(0, 0, 0.1, 0, 10, 1, 10.2, 1, 0.2, 0, 9.9, 1), rows: 6, cols: 2, featureNames: ['x', 'code'] };

describe('summariseBackground', () => {
  it('keeps small sets whole with equal weights', () => {
    expect(summariseBackground(X, { limit: 10 })).toEqual({ X, weights: new Float64Array(6).fill(1 / 6) });
  });

  it('samples distinct rows in row order, seeded', () => {
    const a = summariseBackground(X, { limit: 3, seed: 4 });
    expect(a).toEqual(summariseBackground(X, { limit: 3, seed: 4 }));
    expect({ rows: a.X.rows, weights: Array.from(a.weights) }).toEqual({ rows: 3, weights: [1 / 3, 1 / 3, 1 / 3] });
    const rows = Array.from({ length: 3 }, (_, r) => a.X.values[r * 2]);
    expect(rows.every((v) => [0, 0.1, 10, 10.2, 0.2, 9.9].includes(v))).toBe(true);
  });

  it('summarises by k-means: centres snapped to observed values, weighted by cluster size', () => {
    const { X: centres, weights } = summariseBackground(X, { limit: 2, method: 'kmeans', seed: 0 });
    const pairs = [0, 1].map((c) => ({ x: centres.values[c * 2], code: centres.values[c * 2 + 1], weight: weights[c] })).sort((a, b) => a.x - b.x);
    expect(pairs).toEqual([{ x: 0.1, code: 0, weight: 0.5 }, { x: 10, code: 1, weight: 0.5 }]);
  });
});
