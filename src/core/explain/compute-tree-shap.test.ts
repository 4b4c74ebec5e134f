import { describe, expect, it } from 'vitest';
import { decisionTreeFamily } from '../models/trees/cart/decision-tree';
import { randomForestFamily } from '../models/trees/forest/random-forest';
import { findLeafRaw, deserializeTree } from '../models/trees/gbdt/boosted-tree';
import { gradientBoostingFamily } from '../models/trees/gbdt/gradient-boosting';
import { readFixture, selectFixture } from '../models/trees/fixtures/read-fixture';
import type { FeatureMatrix, SerializedModel } from '../models/types';
import { computeTreeShap, type ShapValues } from './compute-tree-shap';
import { readExplainFixture, readFixtureMatrix, rebuildFixtureTree } from './fixtures/read-explain-fixture';
import { readShapEnsemble, type ShapEnsemble } from './shap-tree';

/** max |base + Σφ − output| over rows and outputs. */
function measureAdditivityError(shap: ShapValues, outputs: Float64Array): number {
  const { features: M, outputs: K } = shap;
  let worst = 0;
  for (let i = 0; i < shap.rows; i++) {
    for (let k = 0; k < K; k++) {
      let sum = shap.baseValue[k];
      for (let j = 0; j < M; j++) sum += shap.values[(i * K + k) * M + j];
      worst = Math.max(worst, Math.abs(sum - outputs[i * K + k]));
    }
  }
  return worst;
}

/** E[output k | x_S], path-dependent: follow the row on features in S, else average children by cover. */
function expectGiven(e: ShapEnsemble, X: FeatureMatrix, row: number, subset: Set<number>, k: number): number {
  let total = e.offset[k];
  for (const tree of e.trees) {
    if (k < tree.outputOffset || k >= tree.outputOffset + tree.outputs) continue;
    const walk = (node: number): number => {
      const f = tree.feature[node];
      if (f < 0) return tree.value[node * tree.outputs + k - tree.outputOffset];
      if (subset.has(f)) return walk(tree.nextNode(node, X.values, row * X.cols));
      const l = tree.left[node], r = tree.right[node];
      return (tree.cover[l] * walk(l) + tree.cover[r] * walk(r)) / tree.cover[node];
    };
    total += tree.weight * walk(0);
  }
  return total;
}

/** Exact Shapley values by enumerating all 2^M subsets (M ≤ 8). */
function enumerateShapley(e: ShapEnsemble, X: FeatureMatrix, row: number, k: number): number[] {
  const M = X.cols;
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const phi = new Array<number>(M).fill(0);
  for (let mask = 0; mask < 1 << M; mask++) {
    const subset = new Set(Array.from({ length: M }, (_, j) => j).filter((j) => mask & (1 << j)));
    const without = expectGiven(e, X, row, subset, k);
    for (let j = 0; j < M; j++) {
      if (subset.has(j)) continue;
      const weight = (factorial(subset.size) * factorial(M - subset.size - 1)) / factorial(M);
      phi[j] += weight * (expectGiven(e, X, row, new Set([...subset, j]), k) - without);
    }
  }
  return phi;
}

/** Raw boosting margins, recomputed from the JSON (baseline + Σ leaf values), rows × outputs. */
function computeMargins(json: SerializedModel, X: FeatureMatrix): Float64Array {
  const state = json.state as { baseline: number[]; trees: Record<string, number[] | number[][]>[][] };
  const trees = state.trees.map((round) => round.map(deserializeTree));
  const K = state.baseline.length;
  const out = new Float64Array(X.rows * K);
  for (let i = 0; i < X.rows; i++) {
    for (let k = 0; k < K; k++) out[i * K + k] = state.baseline[k] + trees.reduce((s, round) => s + round[k].value[findLeafRaw(round[k], X.values, i * X.cols)], 0);
  }
  return out;
}

describe('computeTreeShap', () => {
  it('equals exact Shapley values enumerated by scripts/reference/explain_reference.py on an sklearn tree, to 1e-9', async () => {
    const fx = readExplainFixture();
    const { json } = rebuildFixtureTree(fx);
    const X = readFixtureMatrix(fx);
    const rows = { ...X, values: X.values.slice(0, fx.shap.rows.length * X.cols), rows: fx.shap.rows.length };
    const shap = await computeTreeShap(json, rows);
    expect(shap.baseValue[0]).toBeCloseTo(fx.shap.baseValue, 9);
    const got = fx.shap.rows.map((_, i) => Array.from(shap.values.subarray(i * 5, i * 5 + 5)));
    got.flat().forEach((v, n) => expect(Math.abs(v - fx.shap.values.flat()[n])).toBeLessThan(1e-9));
    expect(measureAdditivityError(shap, Float64Array.from(fx.shap.predictions))).toBeLessThan(1e-9);
  });

  it('equals brute-force enumeration on a 3-class penguin tree (repeated features on a path) and a small forest', async () => {
    const fx = readFixture('penguins-complete');
    const { X, y } = selectFixture(fx, fx.train);
    const rows = { ...X, values: X.values.slice(0, 6 * X.cols), rows: 6 };
    for (const fitted of [
      await decisionTreeFamily.fit(X, y, { maxDepth: 6 }, { seed: 1 }),
      await randomForestFamily.fit(X, y, { nEstimators: 4, maxDepth: 4 }, { seed: 2 }),
    ]) {
      const json = fitted.toJSON();
      const shap = await computeTreeShap(json, rows);
      const ensemble = readShapEnsemble(json);
      for (let i = 0; i < rows.rows; i++) {
        for (let k = 0; k < 3; k++) {
          const expected = enumerateShapley(ensemble, rows, i, k);
          expected.forEach((v, j) => expect(Math.abs(shap.values[(i * 3 + k) * X.cols + j] - v)).toBeLessThan(1e-12));
        }
      }
    }
  });

  it('adds up (base + Σφ = output) to 1e-9 on every row: breast-cancer GBDT margins, penguins forest probabilities', async () => {
    const bc = readFixture('breast-cancer');
    const bcTrain = selectFixture(bc, bc.train), bcTest = selectFixture(bc, bc.test);
    const gbdt = (await gradientBoostingFamily.fit(bcTrain.X, bcTrain.y, {}, { seed: 0 })).toJSON();
    const gbdtShap = await computeTreeShap(gbdt, bcTest.X);
    expect({ space: gbdtShap.space, outputs: gbdtShap.outputs, features: gbdtShap.features }).toEqual({ space: 'margin', outputs: 1, features: 30 });
    expect(measureAdditivityError(gbdtShap, computeMargins(gbdt, bcTest.X))).toBeLessThan(1e-9);

    const pg = readFixture('penguins');
    const pgTrain = selectFixture(pg, pg.train), pgTest = selectFixture(pg, pg.test);
    const missing = (await gradientBoostingFamily.fit(pgTrain.X, pgTrain.y, {}, { seed: 0 })).toJSON();
    expect(measureAdditivityError(await computeTreeShap(missing, pgTest.X), computeMargins(missing, pgTest.X))).toBeLessThan(1e-9);

    const pc = readFixture('penguins-complete');
    const pcTrain = selectFixture(pc, pc.train), pcTest = selectFixture(pc, pc.test);
    const forest = await randomForestFamily.fit(pcTrain.X, pcTrain.y, { nEstimators: 30 }, { seed: 0 });
    const forestShap = await computeTreeShap(forest.toJSON(), pcTest.X);
    expect(forestShap.space).toBe('probability');
    expect(measureAdditivityError(forestShap, forest.predictProba!(pcTest.X))).toBeLessThan(1e-9);
  });

  it('says what cannot be explained: other model kinds, models saved without cover, wrong width, abort', async () => {
    const fx = readExplainFixture();
    const { json } = rebuildFixtureTree(fx);
    const X = readFixtureMatrix(fx);
    await expect(computeTreeShap({ ...json, kind: 'knn' }, X)).rejects.toMatchObject({
      name: 'DataError', message: 'TreeSHAP explains tree ensembles (decision_tree, random_forest, gradient_boosting), not "knn"; use Kernel SHAP (estimateKernelShap) for it.',
    });
    const { cover: _cover, ...withoutCover } = fx.tree;
    await expect(computeTreeShap({ ...json, state: { trees: [withoutCover], info: {} } }, X)).rejects.toMatchObject({
      name: 'DataError', message: 'This tree model was saved without node cover (training rows per node); retrain it to explain it with TreeSHAP.',
    });
    await expect(computeTreeShap(json, { ...X, cols: 4, values: X.values.slice(0, 8), rows: 2 })).rejects.toMatchObject({
      name: 'DataError', message: 'The model was trained on 5 features but the rows to explain have 4; pass the same prepared columns.',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(computeTreeShap(json, X, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
