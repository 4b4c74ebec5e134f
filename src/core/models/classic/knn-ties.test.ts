// kNN against scikit-learn 1.2 (algorithm='auto') on whole-number data full of ties and duplicate rows:
// fixtures from scripts/reference/knn_reference.py. The k nearest distances must be sklearn's exactly; the
// predictions must match wherever the neighbour set does not depend on how ties are broken.

import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../types';
import fixture from './fixtures/knn-ties.json';
import { knnFamily } from './knn';
import { createNeighbourIndex, findNeighbours, type DistanceMetric } from './nearest-neighbours';

type Dataset = { cols: number; X: number[]; yClass: number[]; yValue: number[]; queries: number[] };
type Case = {
  data: 'grid3' | 'grid20'; params: { k: number; weights: string; metric: DistanceMetric }; search: string;
  reducedDistances: number[]; classes: (number | null)[]; proba: (number[] | null)[]; values: (number | null)[];
};

const matrix = (values: number[], cols: number): FeatureMatrix =>
  ({ values: Float64Array.from(values), rows: values.length / cols, cols, featureNames: Array.from({ length: cols }, (_, j) => `x${j}`) });

const SEARCH_NAMES: Record<string, string> = { kd_tree: 'k-d tree', brute: 'brute force' };

describe('knn matches scikit-learn on tied distances', () => {
  it.each((fixture.cases as Case[]).map((c) => [`${c.data}, k = ${c.params.k}, ${c.params.weights}, ${c.params.metric}`, c] as const))('%s', async (_, c) => {
    const data = fixture.data[c.data] as Dataset;
    const X = matrix(data.X, data.cols);
    const queries = matrix(data.queries, data.cols);
    const { k, metric } = c.params;
    const found = findNeighbours(createNeighbourIndex(X.values, X.rows, X.cols, k, metric), queries.values, queries.rows);
    const classifier = await knnFamily.fit(X, { values: Float64Array.from(data.yClass), classes: ['0', '1', '2'] }, c.params, { seed: 1 });
    const regressor = await knnFamily.fit(X, { values: Float64Array.from(data.yValue) }, c.params, { seed: 1 });
    const classes = classifier.predict(queries);
    const proba = classifier.predictProba!(queries);
    const values = regressor.predict(queries);
    const kept = (q: number) => c.values[q] !== null;
    let probaError = 0;
    let valueError = 0;
    for (let q = 0; q < queries.rows; q++) {
      if (!kept(q)) continue;
      for (let j = 0; j < 3; j++) probaError = Math.max(probaError, Math.abs(proba[q * 3 + j] - c.proba[q]![j]));
      valueError = Math.max(valueError, Math.abs(values[q] - c.values[q]!));
    }
    expect({
      search: [classifier.info.search, regressor.info.search],
      distances: Array.from(found.distances),
      classes: Array.from(classes, (v, q) => (kept(q) ? v : null)),
      probaWithin1e12: probaError < 1e-12,
      valuesWithin1e12: valueError < 1e-12,
    }).toEqual({
      search: [SEARCH_NAMES[c.search], SEARCH_NAMES[c.search]],
      distances: c.reducedDistances.map((d) => (metric === 'euclidean' ? Math.sqrt(d) : d)),
      classes: c.classes,
      probaWithin1e12: true,
      valuesWithin1e12: true,
    });
  });

  it('gives predict the class predictProba ranks first (the lowest class on a tie)', async () => {
    const data = fixture.data.grid3 as Dataset;
    const X = matrix(data.X, data.cols);
    const queries = matrix(data.queries, data.cols);
    const classifier = await knnFamily.fit(X, { values: Float64Array.from(data.yClass), classes: ['0', '1', '2'] }, { k: 4 }, { seed: 1 });
    const proba = classifier.predictProba!(queries);
    const ranked = Array.from({ length: queries.rows }, (_, q) => {
      const row = Array.from(proba.subarray(q * 3, q * 3 + 3));
      return row.indexOf(Math.max(...row));
    });
    expect(Array.from(classifier.predict(queries))).toEqual(ranked);
  });
});
