import { describe, expect, it } from 'vitest';
import { binMatrix, findMissingFeatures, fitBinMapper } from './bin-mapper';
import { createWorkspace, growTree, loadGradients, type GrowSettings } from './grow-tree';

// 600 seeded rows × 5 features (one with 10 % NaN, one categorical with 4 codes); gradients of a squared
// error against a seeded target, hessians seeded in [0.5, 1.5).
function makeCase() {
  let state = 2024;
  const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  const n = 600, cols = 5;
  const values = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 4; f++) values[i * cols + f] = f === 1 && random() < 0.1 ? NaN : Math.round((random() - 0.5) * 2000) / 100;
    values[i * cols + 4] = Math.floor(random() * 4);
  }
  const X = { values, rows: n, cols, featureNames: ['a', 'b', 'c', 'd', 'cat'], categorical: [false, false, false, false, true] };
  const mapper = fitBinMapper(X, 255);
  const binned = binMatrix(mapper, X);
  const grad = Float64Array.from({ length: n }, (_, i) => values[i * cols] + (values[i * cols + 4] === 2 ? 3 : 0) + random() - 0.5);
  const hess = Float64Array.from({ length: n }, () => 0.5 + random());
  const settings: GrowSettings = {
    minSamplesLeaf: 5, l2: 0.1, minHessian: 1e-3, binCounts: mapper.binCounts, hasMissing: findMissingFeatures(binned, n, cols),
    categorical: mapper.categorical, maxLeafNodes: 31, maxDepth: 0, learningRate: 0.1,
  };
  return { n, cols, mapper, binned, grad, hess, settings };
}

describe('growTree', () => {
  it('grows the same three trees, and the same raw scores, with the WebAssembly kernels as with the JavaScript loops', () => {
    const grown = (['wasm', 'js'] as const).map((kind) => {
      const { n, cols, mapper, binned, grad, hess, settings } = makeCase();
      const ws = createWorkspace(binned, n, cols, kind);
      expect(ws.heap.kind).toBe(kind);
      const raw = new Float64Array(n);
      const trees = [0, 1, 2].map((round) => {
        loadGradients(ws, grad.map((v, i) => v + raw[i] * round), hess);
        return growTree(ws, mapper, settings, raw);
      });
      return { trees, raw: [...raw] };
    });
    const [wasm, js] = grown;
    expect(wasm.trees.map((tree) => tree.feature.filter((f) => f >= 0).length)).toEqual([30, 30, 30]);
    expect(wasm.trees.some((tree) => tree.leftCategories.some((cats) => cats !== null))).toBe(true);
    expect(wasm.trees.some((tree) => tree.missingLeft.some((bit) => bit === 1))).toBe(true);
    expect(wasm).toEqual(js);
  });
});
