import { describe, expect, it } from 'vitest';
import { readFixture, scoreAccuracy, selectFixture } from '../fixtures/read-fixture';
import { decisionTreeFamily } from './decision-tree';

// Reference: scripts/reference/trees_reference.py (sklearn 1.2 DecisionTreeClassifier, same rows). Accuracy
// ±0.02. A fully grown tree breaks ties between equally good splits by its random feature order, so one seed
// of each library can differ by 3 test rows of 143: the full tree compares mean accuracy over seeds 0…9.
describe('decision_tree', () => {
  const fx = readFixture('breast-cancer');
  const train = selectFixture(fx, fx.train);
  const test = selectFixture(fx, fx.test);

  it('matches sklearn on breast cancer (defaults, and depth 4 / 5 per leaf / entropy)', async () => {
    let sum = 0;
    for (let seed = 0; seed < 10; seed++) {
      const plain = await decisionTreeFamily.fit(train.X, train.y, {}, { seed });
      sum += scoreAccuracy(test.y.values, plain.predict(test.X));
    }
    expect(Math.abs(sum / 10 - fx.reference.decisionTree.meanAccuracySeeds0to9)).toBeLessThanOrEqual(0.02);
    const shallow = await decisionTreeFamily.fit(train.X, train.y, { maxDepth: 4, minSamplesLeaf: 5, criterion: 'entropy' }, { seed: 0 });
    expect(Math.abs(scoreAccuracy(test.y.values, shallow.predict(test.X)) - fx.reference.decisionTreeDepth4Entropy.accuracy)).toBeLessThanOrEqual(0.02);
  });

  it('fits the training rows exactly when grown fully, and importances sum to 1', async () => {
    const model = await decisionTreeFamily.fit(train.X, train.y, {}, { seed: 1 });
    expect(scoreAccuracy(train.y.values, model.predict(train.X))).toBe(1);
    const importances = Object.values(model.info.featureImportances as Record<string, number>);
    expect(importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('learns a literal regression step and a literal XOR split', async () => {
    const X = { values: Float64Array.of(1, 2, 3, 10, 11, 12), rows: 6, cols: 1, featureNames: ['x'] };
    const model = await decisionTreeFamily.fit(X, { values: Float64Array.of(5, 5, 5, 9, 9, 9) }, { maxDepth: 1 }, { seed: 0 });
    expect([...model.predict({ ...X, values: Float64Array.of(0, 6.4, 6.6, 20), rows: 4 })]).toEqual([5, 5, 9, 9]);
    expect(model.toJSON().state).toEqual({
      trees: [{ outputs: 1, feature: [0, -1, -1], threshold: [6.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [7, 5, 9], cover: [6, 3, 3] }],
      info: { nodes: 3, leaves: 2, featureImportances: { x: 1 } },
    });
    const xor = { values: Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1), rows: 4, cols: 2, featureNames: ['a', 'b'] };
    const tree = await decisionTreeFamily.fit(xor, { values: Float64Array.of(0, 1, 1, 0), classes: ['no', 'yes'] }, {}, { seed: 0 });
    expect([...tree.predict(xor)]).toEqual([0, 1, 1, 0]);
    expect([...tree.predictProba!(xor)]).toEqual([1, 0, 0, 1, 0, 1, 1, 0]);
  });

  it('round-trips through JSON and the same seed gives the same JSON', async () => {
    const params = { maxFeatures: 'sqrt' };
    const a = await decisionTreeFamily.fit(train.X, train.y, params, { seed: 7 });
    const b = await decisionTreeFamily.fit(train.X, train.y, params, { seed: 7 });
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    const restored = decisionTreeFamily.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(restored.predictProba!(test.X)).toEqual(a.predictProba!(test.X));
  });

  it('rejects NaN features naming the column', async () => {
    const X = { values: Float64Array.of(1, NaN, 2, 3), rows: 2, cols: 2, featureNames: ['age', 'income'] };
    await expect(decisionTreeFamily.fit(X, { values: Float64Array.of(0, 1), classes: ['a', 'b'] }, {}, { seed: 0 })).rejects.toMatchObject({
      name: 'ModelSpecError',
      message: 'decision_tree cannot take missing values, but feature "income" has one (row 1); add an impute step in Prepare, or use gradient boosting, which takes missing values as they are.',
    });
  });
});
