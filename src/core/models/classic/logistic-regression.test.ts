// Parity with scikit-learn 1.2 LogisticRegression (lbfgs for L2, saga for L1) on standardised breast-cancer
// (binary) and wine (multinomial): fixtures from scripts/reference/classic_reference.py.

import { describe, expect, it } from 'vitest';
import { computeAccuracy, computeRocAuc, computeRocAucOneVsRest } from '../../evaluate';
import breastCancer from './fixtures/breast-cancer.json';
import { computeMaxDifference, splitFixture, type FixtureData } from './fixtures/split-fixture';
import wine from './fixtures/wine.json';
import { logisticRegressionFamily } from './logistic-regression';

type Reference = { params: Record<string, string | number>; coefficients: number[][]; intercepts: number[]; accuracy: number; rocAuc: number; predictions: number[] };

async function compare(fixture: { data: unknown; logistic: Record<string, Reference> }, key: string, tolerance: number) {
  const { train, test } = splitFixture(fixture.data as FixtureData);
  const reference = fixture.logistic[key];
  const model = await logisticRegressionFamily.fit(train.X, train.y, reference.params, { seed: 1 });
  const info = model.info as { coefficients: number[][]; intercepts: number[] };
  const proba = model.predictProba!(test.X);
  const k = train.y.classes!.length;
  const auc = k === 2 ? computeRocAuc(test.y.values, proba.filter((_, i) => i % 2 === 1)) : computeRocAucOneVsRest(test.y.values, proba, k);
  return {
    coefficients: computeMaxDifference(info.coefficients.flat(), reference.coefficients.flat()) <= tolerance,
    intercepts: computeMaxDifference(info.intercepts, reference.intercepts) <= tolerance,
    predictions: Array.from(model.predict(test.X)),
    accuracy: computeAccuracy(test.y.values, model.predict(test.X)).value,
    rocAucClose: Math.abs((auc.value ?? NaN) - reference.rocAuc) <= 1e-3,
  };
}

const expectedFrom = (reference: Reference) => ({ coefficients: true, intercepts: true, predictions: reference.predictions, accuracy: reference.accuracy, rocAucClose: true });

describe('logistic_regression matches scikit-learn', () => {
  it.each(['l2', 'l2-weak', 'l1'])('binary breast-cancer, %s', async (key) => {
    expect(await compare(breastCancer, key, 1e-3)).toEqual(expectedFrom(breastCancer.logistic[key as 'l2']));
  });

  it.each(['l2', 'l2-weak', 'l1'])('multinomial wine, %s', async (key) => {
    expect(await compare(wine, key, 1e-3)).toEqual(expectedFrom(wine.logistic[key as 'l2']));
  });

  it('round-trips through JSON, is deterministic, reports progress and stops when asked', async () => {
    const { train, test } = splitFixture(wine.data as FixtureData);
    const model = await logisticRegressionFamily.fit(train.X, train.y, {}, { seed: 3 });
    const again = await logisticRegressionFamily.fit(train.X, train.y, {}, { seed: 3 });
    const restored = logisticRegressionFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predictProba!(test.X)).toEqual(model.predictProba!(test.X));
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
    const iterations: number[] = [];
    await logisticRegressionFamily.fit(train.X, train.y, {}, { seed: 3, onProgress: (p) => iterations.push(p.iteration), shouldStop: () => iterations.length >= 4 });
    expect(iterations).toEqual([1, 2, 3, 4]);
    const losses: number[] = [];
    await logisticRegressionFamily.fit(train.X, train.y, { max_iter: 30 }, { seed: 3, validation: test, onProgress: (p) => losses.push(p.metrics.validationLoss) });
    expect({ count: losses.length > 3, falls: losses[losses.length - 1] < losses[0] }).toEqual({ count: true, falls: true });
  });

  it('warns when the solver hits max_iter before converging (sklearn\'s ConvergenceWarning), not when it converges', async () => {
    const { train } = splitFixture(breastCancer.data as FixtureData);
    const capped = await logisticRegressionFamily.fit(train.X, train.y, { max_iter: 5 }, { seed: 3 });
    const cappedL1 = await logisticRegressionFamily.fit(train.X, train.y, { penalty: 'l1', max_iter: 5 }, { seed: 3 });
    const converged = await logisticRegressionFamily.fit(train.X, train.y, {}, { seed: 3 });
    expect([capped.warnings?.map((w) => w.code), cappedL1.warnings?.map((w) => w.code), converged.warnings]).toEqual([['not-converged'], ['not-converged'], []]);
    expect(capped.warnings?.[0].message).toMatch(/^Logistic regression \(L-BFGS\) stopped at Max iterations \(5\) before converging \(largest gradient [0-9.e-]+ > tolerance 0\.0001\): raise Max iterations, or scale the features \(a scale step in Prepare\)\.$/);
    expect(cappedL1.warnings?.[0].message.startsWith('Logistic regression (proximal gradient) stopped at Max iterations (5) before converging')).toBe(true);
  });

  it('rejects a target with one class', async () => {
    const X = { values: Float64Array.from([1, 2, 3]), rows: 3, cols: 1, featureNames: ['a'] };
    await expect(logisticRegressionFamily.fit(X, { values: Float64Array.from([1, 1, 1]), classes: ['no', 'yes'] }, {}, { seed: 1 })).rejects.toThrow(
      'logistic_regression: the target has one class ("yes") in the training rows; a classifier needs at least two. Check the filter or the split.',
    );
  });
});
