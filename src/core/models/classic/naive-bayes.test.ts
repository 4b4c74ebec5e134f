// Parity with scikit-learn 1.2 GaussianNB (iris, breast-cancer), CategoricalNB (penguins' Island and Sex) and
// their product on mixed features (penguins): fixtures from scripts/reference/classic_reference.py.

import { describe, expect, it } from 'vitest';
import breastCancer from './fixtures/breast-cancer.json';
import iris from './fixtures/iris.json';
import nbBreastCancer from './fixtures/naive-bayes-breast-cancer.json';
import penguins from './fixtures/penguins.json';
import { computeMaxDifference, splitFixture, type FixtureData } from './fixtures/split-fixture';
import { naiveBayesFamily } from './naive-bayes';

/** The fixture restricted to the given feature columns. */
function keepColumns(data: FixtureData, keep: number[]): FixtureData {
  const X = Array.from({ length: data.rows }, (_, r) => keep.map((j) => data.X[r * data.cols + j])).flat();
  return { ...data, X, cols: keep.length, featureNames: keep.map((j) => data.featureNames[j]), categorical: keep.map((j) => data.categorical?.[j] ?? false) };
}

async function fitAndScore(data: FixtureData) {
  const { train, test } = splitFixture(data);
  const model = await naiveBayesFamily.fit(train.X, train.y, {}, { seed: 1 });
  return { model, test, predictions: Array.from(model.predict(test.X)), proba: model.predictProba!(test.X) };
}

describe('naive_bayes matches scikit-learn', () => {
  it.each([
    ['iris', iris.data, iris.naiveBayes.gaussian],
    ['breast-cancer', breastCancer.data, nbBreastCancer.naiveBayes.gaussian],
    ['penguins numeric', keepColumns(penguins.data as FixtureData, [0, 1, 2, 3]), penguins.naiveBayes.gaussian],
    ['penguins categorical', keepColumns(penguins.data as FixtureData, [4, 5]), penguins.naiveBayes.categorical],
  ])('%s: predictions and probabilities (1e-9)', async (_name, data, reference) => {
    const { predictions, proba } = await fitAndScore(data as FixtureData);
    expect({ predictions, proba: computeMaxDifference(proba, reference.proba) < 1e-9 }).toEqual({ predictions: reference.predictions, proba: true });
  });

  it('mixed numeric + categorical features multiply both likelihoods (penguins)', async () => {
    const { predictions } = await fitAndScore(penguins.data as FixtureData);
    expect(predictions).toEqual(penguins.naiveBayes.mixed.predictions);
  });

  it('round-trips through JSON and is deterministic', async () => {
    const { model, test } = await fitAndScore(penguins.data as FixtureData);
    const again = await fitAndScore(penguins.data as FixtureData);
    expect(naiveBayesFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON()))).predictProba!(test.X)).toEqual(model.predictProba!(test.X));
    expect(JSON.stringify(again.model.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });
});
