import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../models/types';
import { computeDaviesBouldin } from './davies-bouldin';
import reference from './fixtures/davies-bouldin.json';
import { sampleMatrix, scoreClusters } from './score-clusters';

// Reference values: sklearn 1.2 davies_bouldin_score / silhouette_score (fixtures/davies_bouldin_reference.py).
function matrixOf(rows: number[][]): FeatureMatrix {
  return { values: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length, featureNames: rows[0].map((_, j) => `x${j}`) };
}

describe('computeDaviesBouldin', () => {
  it('matches sklearn on two blobs and on three uneven clusters with gaps in their ids', () => {
    const values = Object.values(reference).map((c) => computeDaviesBouldin(matrixOf(c.X), c.labels).value);
    expect(values.map((v) => v!.toFixed(12))).toEqual(Object.values(reference).map((c) => c.daviesBouldin.toFixed(12)));
  });

  it('is 0 by hand for clusters that are single points, and undefined with one cluster', () => {
    // Spreads are all 0, so every ratio is 0 (sklearn returns 0.0 here).
    expect(computeDaviesBouldin(matrixOf([[0, 0], [0, 0], [3, 4]]), [1, 1, 2])).toEqual({ value: 0 });
    expect(computeDaviesBouldin(matrixOf([[0], [1], [2]]), [4, 4, 4])).toEqual({ value: null, reason: 'Davies–Bouldin needs 2 to 2 clusters; got 1' });
  });

  it('hand-computed: spreads 0.5 and 1, centroids 0.5 and 6.5 → (0.5 + 1) / 6 for both clusters', () => {
    expect(computeDaviesBouldin(matrixOf([[0], [1], [5.5], [7.5]]), [0, 0, 1, 1])).toEqual({ value: 0.25 });
  });
});

describe('scoreClusters', () => {
  it('scores silhouette and Davies–Bouldin as sklearn, and says why a supervised metric is undefined', () => {
    const c = reference.three_uneven;
    const scores = scoreClusters(matrixOf(c.X), c.labels, ['silhouette', 'davies-bouldin', 'accuracy'], 1);
    expect({ ...scores, silhouette: scores.silhouette!.value!.toFixed(12), 'davies-bouldin': scores['davies-bouldin']!.value!.toFixed(12) }).toEqual({
      silhouette: c.silhouette.toFixed(12),
      'davies-bouldin': c.daviesBouldin.toFixed(12),
      accuracy: { value: null, reason: 'a supervised metric; clustering has no target to compare with' },
    });
  });

  it('samples rows in order by seed, the same sample every time', () => {
    const X = matrixOf([[0], [1], [2], [3], [4], [5]]);
    const first = sampleMatrix(X, [0, 0, 0, 1, 1, 1], 3, 9);
    expect(sampleMatrix(X, [0, 0, 0, 1, 1, 1], 3, 9)).toEqual(first);
    expect({ rows: first.X.rows, ascending: [...first.X.values].every((v, i, a) => i === 0 || a[i - 1] < v), labels: first.labels.length }).toEqual({ rows: 3, ascending: true, labels: 3 });
  });
});
