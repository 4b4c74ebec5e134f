import { describe, expect, it } from 'vitest';
import { readFixture, scoreAccuracy, selectFixture } from '../fixtures/read-fixture';
import { scoreOutOfBag } from './out-of-bag';
import { randomForestFamily } from './random-forest';

// Reference: scripts/reference/trees_reference.py (sklearn 1.2 RandomForestClassifier, 100 trees, same rows).
// Forests differ by their random draws, so accuracy and OOB score are compared within ±0.03.
describe('random_forest', () => {
  it('matches sklearn on breast cancer (accuracy and OOB score), reporting OOB per tree', async () => {
    const fx = readFixture('breast-cancer');
    const train = selectFixture(fx, fx.train);
    const test = selectFixture(fx, fx.test);
    const scores: number[] = [];
    const model = await randomForestFamily.fit(train.X, train.y, {}, { seed: 0, onProgress: (p) => scores.push(p.metrics.validationScore) });
    const ref = fx.reference.randomForest;
    expect(Math.abs(scoreAccuracy(test.y.values, model.predict(test.X)) - ref.accuracy)).toBeLessThanOrEqual(0.03);
    expect(Math.abs((model.info.oobScore as number) - ref.oobScore)).toBeLessThanOrEqual(0.03);
    expect(scores.length).toBe(100);
    expect(scores[99]).toBe(model.info.oobScore);
  });

  it('matches sklearn on penguins without missing rows (multiclass)', async () => {
    const fx = readFixture('penguins-complete');
    const train = selectFixture(fx, fx.train, 4);
    const test = selectFixture(fx, fx.test, 4);
    const model = await randomForestFamily.fit(train.X, train.y, {}, { seed: 0 });
    expect(Math.abs(scoreAccuracy(test.y.values, model.predict(test.X)) - fx.reference.randomForest.accuracy)).toBeLessThanOrEqual(0.03);
  });

  it('round-trips through JSON, same seed → same JSON, honours shouldStop', async () => {
    const fx = readFixture('penguins-complete');
    const train = selectFixture(fx, fx.train, 4);
    const a = await randomForestFamily.fit(train.X, train.y, { nEstimators: 5 }, { seed: 2 });
    const b = await randomForestFamily.fit(train.X, train.y, { nEstimators: 5 }, { seed: 2 });
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    const restored = randomForestFamily.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(restored.predictProba!(train.X)).toEqual(a.predictProba!(train.X));
    let trees = 0;
    const stopped = await randomForestFamily.fit(train.X, train.y, {}, { seed: 0, onProgress: () => trees++, shouldStop: () => trees >= 4 });
    expect(stopped.info.trees).toBe(4);
  });

  it('regresses a literal step with an R² out-of-bag score and importances on the informative feature', async () => {
    const values = new Float64Array(80);
    const y = new Float64Array(40);
    for (let i = 0; i < 40; i++) {
      values[i * 2] = i;
      values[i * 2 + 1] = (i * 7) % 5;
      y[i] = i < 20 ? 1 : 3;
    }
    const X = { values, rows: 40, cols: 2, featureNames: ['step', 'noise'] };
    const model = await randomForestFamily.fit(X, { values: y }, { nEstimators: 20 }, { seed: 1 });
    const [low, high] = model.predict({ ...X, values: Float64Array.of(2, 0, 37, 0), rows: 2 });
    expect([low, high].map((v) => Number(v.toFixed(12)))).toEqual([1, 3]);
    // Out-of-bag rows next to the step can fall on the wrong side of a tree's threshold: high, not perfect.
    expect(model.info.oobScore as number).toBeGreaterThan(0.85);
    expect(model.info.oobScore as number).toBeLessThanOrEqual(1);
    expect((model.info.featureImportances as Record<string, number>).step).toBe(1);
  });

  it('scores out-of-bag rows only: accuracy and R² on literal sums', () => {
    expect(scoreOutOfBag(Float64Array.of(2, 1, 0, 3, 5, 5), Float64Array.of(3, 3, 0), Float64Array.of(0, 0, 1), 2)).toBe(0.5);
    expect(scoreOutOfBag(Float64Array.of(2, 8, 0), Float64Array.of(2, 2, 0), Float64Array.of(1, 3, 9), 0)).toBe(1 - 1 / 2);
  });
});
