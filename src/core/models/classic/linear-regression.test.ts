// Parity with scikit-learn 1.2 LinearRegression / Ridge / Lasso / ElasticNet on diabetes
// (fixtures/diabetes.json from scripts/reference/classic_reference.py).

import { describe, expect, it } from 'vitest';
import { computeR2 } from '../../evaluate';
import diabetes from './fixtures/diabetes.json';
import rankDeficient from './fixtures/rank-deficient.json';
import { computeMaxDifference, splitFixture, type FixtureData } from './fixtures/split-fixture';
import { linearRegressionFamily } from './linear-regression';

const { train, test } = splitFixture(diabetes.data as FixtureData);
const ctx = { seed: 1 };

async function fitCase(key: keyof typeof diabetes.linear) {
  const reference = diabetes.linear[key];
  const model = await linearRegressionFamily.fit(train.X, train.y, reference.params, ctx);
  const info = model.info as { coefficients: Record<string, number>; intercept: number };
  return { reference, model, coefficients: Object.values(info.coefficients), intercept: info.intercept };
}

describe('linear_regression matches scikit-learn on diabetes', () => {
  it.each([
    ['ols', 1e-6],
    ['ridge', 1e-6],
    ['lasso', 1e-4],
    ['elasticnet', 1e-4],
  ] as const)('%s coefficients, intercept and held-out R²', async (key, tolerance) => {
    const { reference, model, coefficients, intercept } = await fitCase(key);
    const r2 = computeR2(test.y.values, model.predict(test.X)).value ?? NaN;
    expect({
      coefficients: computeMaxDifference(coefficients, reference.coefficients) <= tolerance,
      intercept: Math.abs(intercept - reference.intercept) <= tolerance,
      r2: Math.abs(r2 - reference.r2) <= 1e-6,
    }).toEqual({ coefficients: true, intercept: true, r2: true });
  });

  it.each([
    ['ols', 1e-6],
    ['ridge', 1e-6],
    ['lasso', 1e-4],
    ['elasticnet', 1e-4],
  ] as const)('%s with sample weights 1, 2, 3, … (sklearn sample_weight)', async (key, tolerance) => {
    const reference = diabetes.linear[key];
    const sampleWeights = Float64Array.from({ length: train.X.rows }, (_, i) => 1 + (i % 3));
    const model = await linearRegressionFamily.fit(train.X, train.y, reference.params, { seed: 1, sampleWeights });
    const info = model.info as { coefficients: Record<string, number>; intercept: number };
    expect({
      coefficients: computeMaxDifference(Object.values(info.coefficients), reference.weighted.coefficients) <= tolerance,
      intercept: Math.abs(info.intercept - reference.weighted.intercept) <= tolerance,
    }).toEqual({ coefficients: true, intercept: true });
  });

  it('keeps full-rank fits free of warnings', async () => {
    const { model } = await fitCase('ols');
    expect(model.warnings ?? []).toEqual([]);
  });

  it('warns when coordinate descent hits max_iter with the duality gap above tolerance (sklearn\'s ConvergenceWarning)', async () => {
    const capped = await linearRegressionFamily.fit(train.X, train.y, { penalty: 'l1', alpha: 0.01, max_iter: 2, tol: 1e-12 }, ctx);
    const converged = await fitCase('lasso');
    expect([capped.warnings?.map((w) => w.code), converged.model.warnings]).toEqual([['not-converged'], []]);
    expect(capped.warnings?.[0].message).toMatch(/^Lasso \/ elastic net \(coordinate descent\) stopped at Max iterations \(2\) with a duality gap of [0-9.e+-]+ above the tolerance [0-9.e+-]+: raise Max iterations, scale the features, or raise alpha\.$/);
  });

  it('reports the validation MSE on each pass when validation rows are given', async () => {
    const records: string[][] = [];
    await linearRegressionFamily.fit(train.X, train.y, { penalty: 'l1', alpha: 0.1, max_iter: 2, tol: 1e-12 }, { seed: 1, validation: test, onProgress: (p) => records.push(Object.keys(p.metrics)) });
    expect(records).toEqual([['trainLoss', 'validationLoss'], ['trainLoss', 'validationLoss']]);
  });

  it('round-trips through JSON with identical predictions, and the same fit gives the same JSON', async () => {
    const { model } = await fitCase('elasticnet');
    const again = await fitCase('elasticnet');
    const restored = linearRegressionFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predict(test.X)).toEqual(model.predict(test.X));
    expect(JSON.stringify(again.model.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('reports one progress record per coordinate-descent pass and honours abort', async () => {
    const losses: number[] = [];
    await linearRegressionFamily.fit(train.X, train.y, { penalty: 'l1', alpha: 0.1, max_iter: 3, tol: 1e-12 }, { seed: 1, onProgress: (p) => losses.push(p.iteration) });
    expect(losses).toEqual([1, 2, 3]);
    const controller = new AbortController();
    controller.abort();
    await expect(linearRegressionFamily.fit(train.X, train.y, {}, { seed: 1, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('rejects NaN features, classification targets and bad parameters with a ModelSpecError', async () => {
    const X = { values: Float64Array.from([1, 2, NaN, 4]), rows: 2, cols: 2, featureNames: ['a', 'b'] };
    const y = { values: Float64Array.from([1, 2]) };
    await expect(linearRegressionFamily.fit(X, y, {}, ctx)).rejects.toThrow('linear_regression cannot take missing values, but feature "a" has one (row 2); add an impute step in Prepare, or use gradient boosting, which takes missing values as they are.');
    await expect(linearRegressionFamily.fit(train.X, { values: train.y.values, classes: ['a', 'b'] }, {}, ctx)).rejects.toThrow(/does not support binary targets/);
    await expect(linearRegressionFamily.fit(train.X, train.y, { alpha: -1 }, ctx)).rejects.toThrow('linear_regression: hyperparameter "alpha" is -1; use a value from 0 to 1000000.');
  });
});

// Parity with scikit-learn 1.2 LinearRegression (scipy.linalg.lstsq: the minimum-norm solution) on rank-deficient
// designs (fixtures/rank-deficient.json from scripts/reference/least_squares_reference.py).
describe('linear_regression on rank-deficient designs', () => {
  const collinear: Record<string, string> = {
    'one-hot': '"g=a", "g=b", "g=c"',
    'one-hot-weighted': '"g=a", "g=b", "g=c"',
    constant: '"flat"',
    duplicates: '"x1", "x1 copy", "x2", "x2 copy"',
    sum: '"u", "v", "u+v"',
  };
  it.each(rankDeficient.cases.map((c) => [c.name, c] as const))('%s: sklearn\'s minimum-norm coefficients and intercept to 1e-9, and a collinear warning', async (name, c) => {
    const X = { values: Float64Array.from(c.X), rows: c.rows, cols: c.cols, featureNames: c.featureNames };
    const sampleWeights = c.weights ? Float64Array.from(c.weights) : undefined;
    const model = await linearRegressionFamily.fit(X, { values: Float64Array.from(c.y) }, {}, { seed: 1, ...(sampleWeights ? { sampleWeights } : {}) });
    const info = model.info as { coefficients: Record<string, number>; intercept: number };
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
    expect({
      coefficients: Object.values(info.coefficients).every((v, j) => relative(v, c.coefficients[j]) <= 1e-9),
      intercept: relative(info.intercept, c.intercept) <= 1e-9,
      warnings: model.warnings,
    }).toEqual({
      coefficients: true,
      intercept: true,
      warnings: [{
        code: 'collinear',
        message: `Features ${collinear[name]} are collinear (rank ${c.rank} of ${c.cols} after centring), so their separate coefficients are not identifiable; `
          + 'the minimum-norm least-squares solution was used, as scikit-learn does. Drop one dummy per category (one-hot "Drop" = first), '
          + 'drop duplicated or constant columns, or use the l2 penalty (ridge).',
      }],
    });
  });
});
