import { describe, expect, it } from 'vitest';
import { computePartialDependence } from './compute-partial-dependence';
import { buildFeatureGrid } from './build-feature-grid';
import { readExplainFixture, readFixtureMatrix, rebuildFixtureTree } from './fixtures/read-explain-fixture';

const expectClose = (got: number[], want: number[]): void => {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-9));
};

describe('computePartialDependence', () => {
  it('equals sklearn partial_dependence (brute, kind both) on the fixture tree: grid, average and ICE, to 1e-9', async () => {
    // Reference: scripts/reference/explain_reference.py (sklearn 1.2); feature 2 has 4 distinct values (unique grid).
    const fx = readExplainFixture();
    const { model } = rebuildFixtureTree(fx);
    const X = readFixtureMatrix(fx);
    for (const ref of fx.partialDependence) {
      const pd = await computePartialDependence(model, X, ref.feature, { gridResolution: ref.gridResolution, percentiles: ref.percentiles, iceRows: 3 });
      expectClose(pd.grid, ref.grid);
      expectClose(pd.average, ref.average);
      pd.ice.values.forEach((line, r) => expectClose(line, ref.individualFirst3[r]));
      expect({ rows: pd.ice.rows, rowsUsed: pd.rowsUsed, feature: pd.feature }).toEqual({ rows: [0, 1, 2], rowsUsed: 80, feature: `x${ref.feature}` });
    }
  });

  it('averages a seeded sample when there are more rows than sampleRows, and explains the positive class', async () => {
    const X = { values: Float64Array.of(0, 1, 2, 3, 4, 5), rows: 6, cols: 1, featureNames: ['x'] };
    const model = {
      task: 'binary' as const,
      predict: () => new Float64Array(0),
      predictProba: (m: typeof X) => Float64Array.from({ length: m.rows * 2 }, (_, i) => (i % 2 === 1 ? m.values[i >> 1] / 10 : 1 - m.values[i >> 1] / 10)),
    };
    const pd = await computePartialDependence(model, X, 'x', { sampleRows: 4, iceRows: 2, seed: 1 });
    expect(pd.grid).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pd.average).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(pd.rowsUsed).toBe(4);
    expect(pd.ice.values).toEqual([[0, 0.1, 0.2, 0.3, 0.4, 0.5], [0, 0.1, 0.2, 0.3, 0.4, 0.5]]);
    await expect(computePartialDependence(model, X, 'y')).rejects.toMatchObject({ name: 'DataError', message: 'Feature "y" is not among the model\'s features (x).' });
    await expect(computePartialDependence(model, X, 0, { output: 2 })).rejects.toMatchObject({ name: 'DataError', message: 'Class 2 does not exist; this model has classes 0 to 1.' });
    const controller = new AbortController();
    controller.abort();
    await expect(computePartialDependence(model, X, 0, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('builds the grid as sklearn: mquantiles (alphap = betap = 0.4), linspace, NaN left out; names bad input', () => {
        expect(buildFeatureGrid('x', Float64Array.of(NaN, 3, 1, 2, 2), 5, [0.05, 0.95], false)).toEqual([1, 2, 3]);
    expect(buildFeatureGrid('code', Float64Array.of(0, 1, 2, 3, 1), 3, [0.05, 0.95], true)).toEqual([0, 1, 2, 3]);
    expect(() => buildFeatureGrid('x', Float64Array.of(NaN, NaN), 5, [0.05, 0.95], false)).toThrow('Feature "x" has only missing values; partial dependence needs observed values.');
    expect(() => buildFeatureGrid('x', Float64Array.of(5, 5, 5, 5, 5, 5, 1, 9), 3, [0.3, 0.7], false)).toThrow('Feature "x" is almost constant between its 30th and 70th percentiles; widen the percentiles.');
    expect(() => buildFeatureGrid('x', Float64Array.of(1), 5, [0.9, 0.1], false)).toThrow('percentiles must be two fractions with 0 ≤ low < high ≤ 1; got [0.9, 0.1].');
  });
});
