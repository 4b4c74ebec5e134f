import { describe, expect, it } from 'vitest';
import { findFamilyInfo, listFamilyInfosForTask, MODEL_CATALOG } from './catalog';
import type { FamilyCapabilities } from './types';
import { findModelFamily, listFamiliesForTask, loadModel, MODEL_FAMILIES } from './registry';

describe('model registry', () => {
  it('lists every family once, each with a schema whose defaults sit inside their bounds', () => {
    const kinds = MODEL_FAMILIES.map((f) => f.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const family of MODEL_FAMILIES) {
      for (const p of family.params) {
        if (p.kind === 'int' || p.kind === 'float') expect([family.kind, p.name, p.default === 'auto' || (p.default >= p.min && p.default <= p.max)]).toEqual([family.kind, p.name, true]);
        if (p.kind === 'choice') expect(p.options).toContain(p.default);
      }
    }
  });

  it('offers baselines and boosting for every supervised task, and names unknown kinds', () => {
    expect(listFamiliesForTask('binary').map((f) => f.kind)).toEqual(expect.arrayContaining(['most_frequent', 'logistic_regression', 'gradient_boosting']));
    expect(listFamiliesForTask('regression').map((f) => f.kind)).toEqual(expect.arrayContaining(['mean', 'median', 'linear_regression', 'gradient_boosting']));
    expect(listFamiliesForTask('clustering').map((f) => f.kind)).toEqual(expect.arrayContaining(['kmeans']));
    expect(() => findModelFamily('magic')).toThrow('There is no model family "magic"');
  });

  it('reloads a fitted model from JSON and predicts the same', async () => {
    const family = findModelFamily('mean');
    const X = { values: Float64Array.from([1, 2, 3]), rows: 3, cols: 1, featureNames: ['x'] };
    const model = await family.fit(X, { values: Float64Array.from([2, 4, 9]) }, {}, { seed: 1 });
    const reloaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(reloaded.predict(X))).toEqual([5, 5, 5]);
    expect(() => loadModel({ ...model.toJSON(), formatVersion: 2 as 1 })).toThrow('saved in format 2');
  });
});

describe('model catalogue', () => {
  it('describes exactly the registry families, in the same order, with the same schemas', () => {
    const metadata = MODEL_FAMILIES.map(({ kind, label, group, tasks, params, needs, capabilities }) => ({ kind, label, group, tasks, params, needs, capabilities }));
    expect(MODEL_CATALOG).toEqual(metadata);
    expect(findFamilyInfo('neural_network')?.label).toBe('Neural network (MLP)');
    expect(listFamilyInfosForTask('binary').map((f) => f.kind)).toEqual(listFamiliesForTask('binary').map((f) => f.kind));
  });

  it('declares capabilities on the families: tree ensembles for TreeSHAP, the forest fits in parts of a count its schema has, PCA projects, k-means clusters', () => {
    const having = (capability: keyof FamilyCapabilities) => MODEL_CATALOG.filter((f) => f.capabilities[capability]).map((f) => [f.kind, f.capabilities[capability]]);
    expect({
      treeEnsemble: having('treeEnsemble'), fitsInParts: having('fitsInParts'), projects2d: having('projects2d'), assignsClusters: having('assignsClusters'),
    }).toEqual({
      treeEnsemble: [['decision_tree', 'averaged'], ['random_forest', 'averaged'], ['gradient_boosting', 'boosted']],
      fitsInParts: [['random_forest', { countParam: 'nEstimators' }]],
      projects2d: [['pca', true]],
      assignsClusters: [['kmeans', true]],
    });
    for (const family of MODEL_CATALOG.filter((f) => f.capabilities.fitsInParts)) {
      expect(family.params.find((p) => p.name === family.capabilities.fitsInParts?.countParam)?.kind).toBe('int');
    }
  });
});
