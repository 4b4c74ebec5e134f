// PCA against scikit-learn 1.2 PCA(svd_solver='full') on iris (fixtures/iris.json from
// scripts/reference/classic_reference.py): ratios to 1e-8, components and projections with sklearn's signs.

import { describe, expect, it } from 'vitest';
import iris from './fixtures/iris.json';
import { computeMaxDifference, type FixtureData } from './fixtures/split-fixture';
import { pcaFamily, projectWithPca } from './pca';

const data = iris.data as FixtureData;
const X = { values: Float64Array.from(data.X), rows: data.rows, cols: data.cols, featureNames: data.featureNames };
const noTarget = { values: new Float64Array(0) };

describe('pca matches scikit-learn on iris', () => {
  it('two components: variance ratios, variances, components and 2-D projection', async () => {
    const model = await pcaFamily.fit(X, noTarget, { n_components: 2 }, { seed: 1 });
    const info = model.info as { explainedVarianceRatio: number[]; explainedVariance: number[] };
    const firstRows = { ...X, values: X.values.subarray(0, 5 * X.cols), rows: 5 };
    const state = model.toJSON().state as { components: number[] };
    expect({
      ratio: computeMaxDifference(info.explainedVarianceRatio, iris.pca.explainedVarianceRatio) < 1e-8,
      variance: computeMaxDifference(info.explainedVariance, iris.pca.explainedVariance) < 1e-8,
      components: computeMaxDifference(state.components, iris.pca.components) < 1e-8,
      projected: computeMaxDifference(projectWithPca(model, firstRows), iris.pca.projected) < 1e-8,
      predict: computeMaxDifference(model.predict(firstRows), iris.pca.projected.filter((_, i) => i % 2 === 0)) < 1e-8,
    }).toEqual({ ratio: true, variance: true, components: true, projected: true, predict: true });
  });

  it('a variance fraction keeps as many components as sklearn', async () => {
    const model = await pcaFamily.fit(X, noTarget, { n_components: 0.97 }, { seed: 1 });
    expect(model.info.components).toBe(iris.pca.fractionComponents);
  });

  it('round-trips through JSON and rejects too many components', async () => {
    const model = await pcaFamily.fit(X, noTarget, {}, { seed: 1 });
    expect(projectWithPca(pcaFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON()))), X)).toEqual(projectWithPca(model, X));
    await expect(pcaFamily.fit(X, noTarget, { n_components: 5 }, { seed: 1 })).rejects.toThrow('pca: n_components = 5 is invalid; use a whole number ≤ 4 (rows and features), or a fraction below 1.');
  });
});
