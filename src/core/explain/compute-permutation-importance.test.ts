import { describe, expect, it } from 'vitest';
import { computeR2 } from '../evaluate';
import { computePermutationImportance } from './compute-permutation-importance';
import { readExplainFixture, readFixtureMatrix, rebuildFixtureTree } from './fixtures/read-explain-fixture';

const r2 = (yTrue: Float64Array, yPred: Float64Array): number => computeR2(yTrue, yPred).value ?? NaN;

describe('computePermutationImportance', () => {
  it('equals sklearn permutation_importance (r2, 5 repeats, random_state=0) given its permutations, to 1e-9', async () => {
    // Reference: scripts/reference/explain_reference.py (sklearn 1.2, the same tree and the permutations it drew).
    const fx = readExplainFixture();
    const { model } = rebuildFixtureTree(fx);
    const result = await computePermutationImportance(model, readFixtureMatrix(fx), Float64Array.from(fx.y), r2, { permutations: fx.permutation.permutations });
    result.features.forEach((f, j) => {
      expect(Math.abs(f.mean - fx.permutation.mean[j])).toBeLessThan(1e-9);
      expect(Math.abs(f.std - fx.permutation.std[j])).toBeLessThan(1e-9);
      f.drops.forEach((d, r) => expect(Math.abs(d - fx.permutation.importances[j][r])).toBeLessThan(1e-9));
    });
    expect(result.features.map((f) => f.feature)).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
  });

  it('gives zero for a feature the model ignores, is seeded, and reports progress per feature', async () => {
    const X = { values: Float64Array.of(1, 5, 2, 5, 3, 9, 4, 1), rows: 4, cols: 2, featureNames: ['used', 'ignored'] };
    const model = { predict: (m: typeof X) => Float64Array.from({ length: m.rows }, (_, i) => 2 * m.values[i * 2]) };
    const progress: number[] = [];
    const a = await computePermutationImportance(model, X, Float64Array.of(2, 4, 6, 8), r2, { seed: 3, repeats: 3, onProgress: (d) => progress.push(d) });
    const b = await computePermutationImportance(model, X, Float64Array.of(2, 4, 6, 8), r2, { seed: 3, repeats: 3 });
    expect(a).toEqual(b);
    expect(a.features[1]).toEqual({ feature: 'ignored', mean: 0, std: 0, drops: [0, 0, 0] });
    expect(a.features[0].mean).toBeGreaterThan(0);
    expect(progress).toEqual([1, 2]);
  });

  it('says when the score is undefined on the rows, and stops on abort', async () => {
    const X = { values: Float64Array.of(1, 2, 3), rows: 3, cols: 1, featureNames: ['x'] };
    const model = { predict: () => Float64Array.of(1, 1, 1) };
    const undefinedScore = () => NaN; // as a metric whose MetricValue is null (one class present)
    await expect(computePermutationImportance(model, X, Float64Array.of(4, 4, 4), undefinedScore)).rejects.toMatchObject({
      name: 'DataError', message: 'The score is NaN on these rows (for example one class only, or constant targets); pick another metric or more rows.',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(computePermutationImportance(model, X, Float64Array.of(1, 2, 4), r2, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
