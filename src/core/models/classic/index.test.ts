// Behaviour every classic family shares: NaN rejected by name, abort honoured, JSON round trip with identical
// predictions, same seed → identical JSON, one or more progress records.

import { describe, expect, it } from 'vitest';
import type { FeatureMatrix, Hyperparameters, Target } from '../types';
import { CLASSIC_FAMILIES } from './index';

const X: FeatureMatrix = {
  values: Float64Array.from([0.1, 1, 0.4, 0, 0.35, 1, 0.8, 2, 0.9, 2, 0.2, 0, 0.7, 2, 0.15, 1]),
  rows: 8,
  cols: 2,
  featureNames: ['size', 'colour'],
  categorical: [false, true],
};
const classification: Target = { values: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 0]), classes: ['no', 'yes'] };
const regression: Target = { values: Float64Array.from([1, 2, 2.5, 7, 8, 1.5, 6, 1]) };
const targetFor = (tasks: readonly string[]): Target => (tasks.includes('regression') && !tasks.includes('binary') ? regression : classification);
const paramsFor = (kind: string): Hyperparameters => (kind === 'knn' || kind === 'kmeans' ? { k: 2 } : {});

describe('CLASSIC_FAMILIES', () => {
  it('lists every kind once', () => {
    expect(CLASSIC_FAMILIES.map((f) => f.kind)).toEqual(['most_frequent', 'class_prior', 'mean', 'median', 'linear_regression', 'logistic_regression', 'knn', 'naive_bayes', 'kmeans', 'pca']);
  });

  it.each(CLASSIC_FAMILIES.map((f) => [f.kind, f] as const))('%s: JSON round trip, determinism, progress', async (kind, family) => {
    const y = targetFor(family.tasks);
    const progress: number[] = [];
    const model = await family.fit(X, y, paramsFor(kind), { seed: 11, onProgress: (p) => progress.push(p.iteration) });
    const again = await family.fit(X, y, paramsFor(kind), { seed: 11 });
    const restored = family.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect({
      sameJson: JSON.stringify(again.toJSON()) === JSON.stringify(model.toJSON()),
      predict: restored.predict(X),
      proba: restored.predictProba?.(X),
      progressed: progress.length > 0,
    }).toEqual({ sameJson: true, predict: model.predict(X), proba: model.predictProba?.(X), progressed: true });
  });

  it.each(CLASSIC_FAMILIES.filter((f) => !f.needs({}).acceptsMissing).map((f) => [f.kind, f] as const))('%s: NaN features throw a ModelSpecError naming the column', async (kind, family) => {
    const withNaN = { ...X, values: X.values.map((v, i) => (i === 5 ? NaN : v)) };
    await expect(family.fit(withNaN, targetFor(family.tasks), paramsFor(kind), { seed: 1 })).rejects.toMatchObject({
      name: 'ModelSpecError',
      message: `${kind} cannot take missing values, but feature "colour" has one (row 3); add an impute step in Prepare, or use gradient boosting, which takes missing values as they are.`,
    });
  });

  it.each(CLASSIC_FAMILIES.map((f) => [f.kind, f] as const))('%s: an aborted signal rejects with AbortError', async (kind, family) => {
    const controller = new AbortController();
    controller.abort();
    await expect(family.fit(X, targetFor(family.tasks), paramsFor(kind), { seed: 1, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
