import { describe, expect, it } from 'vitest';
import type { TrainingProgress } from '../../types';
import { readFixture, scoreAccuracy, scoreR2, scoreRocAuc, selectColumn, selectFixture } from '../fixtures/read-fixture';
import { gradientBoostingFamily } from './gradient-boosting';

// Reference values: scripts/reference/trees_reference.py (scikit-learn 1.2 HistGradientBoosting*, default
// hyperparameters, same train/test rows). The bar is ROC-AUC ±0.01, accuracy ±0.02, R² ±0.02; the fit
// is deterministic and follows sklearn's binning and split rules, so these tests hold it to a tighter ±0.002
// (AUC, R²) and one test row (accuracy) — only float rounding (sklearn's float32 gradients) differs.
describe('gradient_boosting parity with sklearn', () => {
  it('breast cancer (binary): ROC-AUC and accuracy of HistGradientBoostingClassifier', async () => {
    const fx = readFixture('breast-cancer');
    const train = selectFixture(fx, fx.train);
    const test = selectFixture(fx, fx.test);
    const model = await gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0 });
    const ref = fx.reference.gradientBoosting;
    const auc = scoreRocAuc(test.y.values, selectColumn(model.predictProba!(test.X), 2, 1));
    const accuracy = scoreAccuracy(test.y.values, model.predict(test.X));
    expect(Math.abs(auc - ref.rocAuc)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(accuracy - ref.accuracy)).toBeLessThanOrEqual(1 / 143);
    expect(model.info.rounds).toBe(100);
  });

  it('penguins (multiclass) with NaN kept: native missing values', async () => {
    const fx = readFixture('penguins');
    const train = selectFixture(fx, fx.train, 4);
    const test = selectFixture(fx, fx.test, 4);
    expect(test.X.values.some(Number.isNaN) && train.X.values.some(Number.isNaN)).toBe(true);
    const model = await gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0 });
    const accuracy = scoreAccuracy(test.y.values, model.predict(test.X));
    expect(Math.abs(accuracy - fx.reference.gradientBoostingMissing.accuracy)).toBeLessThanOrEqual(1 / 86);
  });

  it('penguins with Island as a native categorical feature', async () => {
    const fx = readFixture('penguins');
    const train = selectFixture(fx, fx.train);
    const test = selectFixture(fx, fx.test);
    const model = await gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0 });
    const json = JSON.stringify(model.toJSON());
    expect(json).toMatch(/"categories":\[\[/);
    const accuracy = scoreAccuracy(test.y.values, model.predict(test.X));
    expect(Math.abs(accuracy - fx.reference.gradientBoostingCategorical.accuracy)).toBeLessThanOrEqual(1 / 86);
  });

  it('cars (regression, NaN horsepower): R² with Origin numeric and categorical', async () => {
    const fx = readFixture('cars');
    for (const [categorical, ref] of [[false, fx.reference.gradientBoosting], [true, fx.reference.gradientBoostingCategorical]] as const) {
      const train = selectFixture(fx, fx.train, fx.cols, categorical);
      const test = selectFixture(fx, fx.test, fx.cols, categorical);
      const model = await gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0 });
      expect(Math.abs(scoreR2(test.y.values, model.predict(test.X)) - ref.r2)).toBeLessThanOrEqual(0.002);
    }
  });
});

describe('gradient_boosting behaviour', () => {
  const fx = readFixture('penguins');
  const train = selectFixture(fx, fx.train);
  const test = selectFixture(fx, fx.test);

  it('round-trips through JSON with identical predictions, and the same seed gives the same JSON', async () => {
    const params = { maxIter: 20 };
    const model = await gradientBoostingFamily.fit(train.X, train.y, params, { seed: 3 });
    const again = await gradientBoostingFamily.fit(train.X, train.y, params, { seed: 3 });
    const json = JSON.stringify(model.toJSON());
    expect(JSON.stringify(again.toJSON())).toBe(json);
    const restored = gradientBoostingFamily.fromJSON(JSON.parse(json));
    expect(restored.predictProba!(test.X)).toEqual(model.predictProba!(test.X));
    expect(restored.predict(test.X)).toEqual(model.predict(test.X));
  });

  it('stops early on the validation loss, keeps the best round and reports both losses per round', async () => {
    const progress: TrainingProgress[] = [];
    const model = await gradientBoostingFamily.fit(train.X, train.y, { learningRate: 0.5, maxIter: 200 }, {
      seed: 0, validation: test, onProgress: (p) => progress.push(p),
    });
    const validationLoss = model.info.validationLoss as number[];
    const best = validationLoss.indexOf(Math.min(...validationLoss.slice(1)));
    expect(progress.length).toBe(model.info.roundsRun);
    expect(progress.length).toBeLessThan(200);
    expect(model.info.rounds).toBe(best);
    expect(Object.keys(progress[0].metrics)).toEqual(['trainLoss', 'validationLoss']);
  });

  it("'auto' holds out 10 % for early stopping past 10,000 rows (and not below)", async () => {
    const rows = 12_000;
    const values = Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 1000);
    const y = { values: Float64Array.from(values, (v) => (v > 500 ? 1 : 0)), classes: ['no', 'yes'] };
    const big = await gradientBoostingFamily.fit({ values, rows, cols: 1, featureNames: ['x'] }, y, { maxIter: 30 }, { seed: 0 });
    expect((big.info.validationLoss as number[]).length).toBe((big.info.roundsRun as number) + 1);
    const small = await gradientBoostingFamily.fit({ values: values.subarray(0, 500), rows: 500, cols: 1, featureNames: ['x'] },
      { values: y.values.subarray(0, 500), classes: y.classes }, { maxIter: 5 }, { seed: 0 });
    expect(small.info.validationLoss).toEqual([]);
  });

  it('honours shouldStop and abort', async () => {
    let rounds = 0;
    const model = await gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0, onProgress: () => rounds++, shouldStop: () => rounds >= 3 });
    expect(model.info.rounds).toBe(3);
    const controller = new AbortController();
    controller.abort();
    await expect(gradientBoostingFamily.fit(train.X, train.y, {}, { seed: 0, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects one class, no features and unknown parameters with a ModelSpecError', async () => {
    const X = { values: Float64Array.of(1, 2, 3), rows: 3, cols: 1, featureNames: ['a'] };
    const one = { values: Float64Array.of(0, 0, 0), classes: ['yes'] };
    await expect(gradientBoostingFamily.fit(X, one, {}, { seed: 0 })).rejects.toMatchObject({
      name: 'ModelSpecError', message: 'gradient_boosting: the target has one class ("yes") in the training rows; a classifier needs at least two. Check the filter or the split.',
    });
    const none = { values: new Float64Array(0), rows: 3, cols: 0, featureNames: [] };
    await expect(gradientBoostingFamily.fit(none, { values: Float64Array.of(1, 2, 3) }, {}, { seed: 0 })).rejects.toMatchObject({
      name: 'ModelSpecError', message: 'gradient_boosting: every feature was dropped; keep at least one feature column.',
    });
    await expect(gradientBoostingFamily.fit(X, { values: Float64Array.of(1, 2, 3) }, { maxLeafNodes: 1 }, { seed: 0 })).rejects.toMatchObject({
      name: 'ModelSpecError', message: 'gradient_boosting: hyperparameter "maxLeafNodes" is 1; use a value from 2 to 1024.',
    });
  });
});

describe('gradient_boosting node cover (for TreeSHAP)', () => {
  it('stores the training rows per node: the root holds all, children sum to their parent', async () => {
    const X = { values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), rows: 8, cols: 1, featureNames: ['x'] };
    const y = { values: Float64Array.of(1, 1, 1, 1, 5, 5, 5, 5) };
    const model = await gradientBoostingFamily.fit(X, y, { maxIter: 1, minSamplesLeaf: 2, maxLeafNodes: 2 }, { seed: 0 });
    const tree = (model.toJSON().state as { trees: { cover: number[]; left: number[]; feature: number[] }[][] }).trees[0][0];
    expect({ feature: tree.feature, left: tree.left, cover: tree.cover }).toEqual({ feature: [0, -1, -1], left: [1, -1, -1], cover: [8, 4, 4] });
  });
});
