// k-means, elbow and silhouette against scikit-learn 1.2 on iris (fixtures/iris.json from
// scripts/reference/classic_reference.py): Lloyd from sklearn's own k-means++ centres must land on its inertia.

import { describe, expect, it } from 'vitest';
import { computeElbow, computeSilhouette } from './cluster-quality';
import iris from './fixtures/iris.json';
import { computeMaxDifference, type FixtureData } from './fixtures/split-fixture';
import { kmeansFamily } from './kmeans';
import { runLloyd, scaleTolerance } from './lloyd';

const data = iris.data as FixtureData;
const X = { values: Float64Array.from(data.X), rows: data.rows, cols: data.cols, featureNames: data.featureNames };
const noTarget = { values: new Float64Array(0) };

describe('k-means matches scikit-learn on iris', () => {
  it('Lloyd from the same initial centres: inertia (1e-6), centres, labels, iterations', () => {
    const result = runLloyd(X, Float64Array.from(iris.kmeans.initCenters), 3, 300, scaleTolerance(X, 1e-4));
    expect({
      inertia: Math.abs(result.inertia - iris.kmeans.inertia) < 1e-6,
      centers: computeMaxDifference(result.centers, iris.kmeans.centers) < 1e-9,
      labels: Array.from(result.labels),
      iterations: result.iterations,
    }).toEqual({ inertia: true, centers: true, labels: iris.kmeans.labels, iterations: iris.kmeans.iterations });
  });

  it('silhouette of sklearn labels (1e-9), exact below 5,000 rows', () => {
    const result = computeSilhouette(X, iris.kmeans.labels);
    expect({ ...result, value: Math.abs((result.value ?? NaN) - iris.kmeans.silhouette) < 1e-9 }).toEqual({ value: true, rowsUsed: 150, sampled: false });
  });

  // Both sides keep the best of 10 random restarts, so for larger k either may stop in another local optimum.
  it('elbow inertias: k = 1…3 within 1e-6 of sklearn (n_init 10), k = 4…6 within 0.5%', () => {
    const elbow = computeElbow(X, [1, 2, 3, 4, 5, 6], 0);
    expect(elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5, 6]);
    const gaps = elbow.map((p, i) => Math.abs(p.inertia - iris.elbow[i].inertia));
    expect(gaps.map((gap, i) => (i < 3 ? gap < 1e-6 : gap / iris.elbow[i].inertia < 5e-3))).toEqual([true, true, true, true, true, true]);
  });

  it('the family reaches the best inertia, reports each restart, round-trips and is deterministic', async () => {
    const runs: number[] = [];
    const model = await kmeansFamily.fit(X, noTarget, { k: 3 }, { seed: 7, onProgress: (p) => runs.push(p.iteration) });
    const again = await kmeansFamily.fit(X, noTarget, { k: 3 }, { seed: 7 });
    expect(runs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Math.abs((model.info.inertia as number) - iris.elbow[2].inertia)).toBeLessThan(1e-6);
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
    expect(kmeansFamily.fromJSON(JSON.parse(JSON.stringify(model.toJSON()))).predict(X)).toEqual(model.predict(X));
  });
});

describe('k-means convergence', () => {
  it('warns when the kept run stopped at max_iter before its centres settled, not when it converged', async () => {
    const capped = await kmeansFamily.fit(X, noTarget, { k: 3, n_init: 1, max_iter: 1 }, { seed: 7 });
    const converged = await kmeansFamily.fit(X, noTarget, { k: 3, n_init: 1 }, { seed: 7 });
    expect([capped.warnings, converged.warnings]).toEqual([
      [{ code: 'not-converged', message: 'k-means: the kept run stopped at Max iterations per run (1) before its centres settled: raise Max iterations per run.' }],
      [],
    ]);
  });
});

describe('k-means edge cases', () => {
  it('throws when k exceeds the rows, and silhouette is null for one cluster', async () => {
    const tiny = { values: Float64Array.from([0, 1]), rows: 2, cols: 1, featureNames: ['x'] };
    await expect(kmeansFamily.fit(tiny, noTarget, { k: 3 }, { seed: 1 })).rejects.toThrow('kmeans: k = 3 is larger than the 2 rows; choose k ≤ 2.');
    expect(computeSilhouette(tiny, [0, 0])).toEqual({ value: null, reason: 'silhouette needs 2 to 1 clusters; got 1', rowsUsed: 2, sampled: false });
  });

  it('samples 5,000 rows above the exact limit, reproducibly', () => {
    const rows = 6000;
    const big = { values: Float64Array.from({ length: rows }, (_, i) => (i % 2) * 10 + (i % 7) / 7), rows, cols: 1, featureNames: ['x'] };
    const labels = Array.from({ length: rows }, (_, i) => i % 2);
    const first = computeSilhouette(big, labels, 3);
    expect({ ...first, value: first.value! > 0.9 }).toEqual({ value: true, rowsUsed: 5000, sampled: true });
    expect(computeSilhouette(big, labels, 3)).toEqual(first);
  });
});
