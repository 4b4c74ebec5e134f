import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../models/types';
import { createRandom } from '../random/prng';
import { estimateKernelShap } from './estimate-kernel-shap';
import { readExplainFixture, readFixtureMatrix, rebuildFixtureTree } from './fixtures/read-explain-fixture';

function makeMatrix(rows: number, cols: number, seed: number): FeatureMatrix {
  const random = createRandom(seed);
  return { values: Float64Array.from({ length: rows * cols }, () => Math.round(random() * 100) / 10), rows, cols, featureNames: Array.from({ length: cols }, (_, j) => `f${j}`) };
}

function linear(w: number[], c: number) {
  return (X: FeatureMatrix): Float64Array => Float64Array.from({ length: X.rows }, (_, i) => w.reduce((s, wj, j) => s + wj * X.values[i * X.cols + j], c));
}

/** Exact linear-model SHAP: φ_j = w_j (x_j − mean of background column j). */
function computeLinearShap(w: number[], bg: FeatureMatrix, row: number[]): number[] {
  return w.map((wj, j) => wj * (row[j] - Array.from({ length: bg.rows }, (_, b) => bg.values[b * bg.cols + j]).reduce((a, v) => a + v, 0) / bg.rows));
}

/** Interventional Shapley values by subset enumeration: v(S) = mean over background of f(x_S, b_rest). */
function enumerateInterventional(predict: (X: FeatureMatrix) => Float64Array, bg: FeatureMatrix, row: number[]): number[] {
  const M = bg.cols;
  const v = (mask: number): number => {
    const values = bg.values.slice();
    for (let b = 0; b < bg.rows; b++) for (let j = 0; j < M; j++) if (mask & (1 << j)) values[b * M + j] = row[j];
    return predict({ ...bg, values }).reduce((a, p) => a + p, 0) / bg.rows;
  };
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const phi = new Array<number>(M).fill(0);
  for (let mask = 0; mask < 1 << M; mask++) {
    const s = [...Array(M).keys()].filter((j) => mask & (1 << j)).length;
    for (let j = 0; j < M; j++) if (!(mask & (1 << j))) phi[j] += ((factorial(s) * factorial(M - s - 1)) / factorial(M)) * (v(mask | (1 << j)) - v(mask));
  }
  return phi;
}

const expectClose = (got: ArrayLike<number>, want: number[], tolerance: number): void => {
  expect(got.length).toBe(want.length);
  want.forEach((v, j) => expect(Math.abs(got[j] - v)).toBeLessThan(tolerance));
};

describe('estimateKernelShap', () => {
  it('is exact for a linear model: enumerated (6 features) and sampled (14 features), φ_j = w_j (x_j − E[x_j]) to 1e-6', async () => {
    for (const [M, exact] of [[6, true], [14, false]] as const) {
      const w = Array.from({ length: M }, (_, j) => (j % 3) - 1.5 + j / 10);
      const bg = makeMatrix(30, M, M);
      const row = Array.from({ length: M }, (_, j) => j * 0.7 - 2);
      const result = await estimateKernelShap(linear(w, 4), bg, row, { seed: 1 });
      expect({ exact: result.exact, coalitions: result.coalitions }).toEqual({ exact, coalitions: exact ? 62 : 2 * M + 2048 });
      expectClose(result.values, computeLinearShap(w, bg, row), 1e-6);
      expect(Math.abs(result.baseValue + result.values.reduce((a, b) => a + b, 0) - result.prediction)).toBeLessThan(1e-9);
    }
  });

  it('equals interventional Shapley values enumerated directly for the fixture tree (5 features), and adds up', async () => {
    const fx = readExplainFixture();
    const { model } = rebuildFixtureTree(fx);
    const X = readFixtureMatrix(fx);
    const bg = { ...X, values: X.values.slice(0, 20 * 5), rows: 20 };
    const row = Array.from(X.values.subarray(40 * 5, 41 * 5));
    const result = await estimateKernelShap((m) => model.predict(m), bg, row);
    expectClose(result.values, enumerateInterventional((m) => model.predict(m), bg, row), 1e-9);
    expect(Math.abs(result.prediction - model.predict({ ...X, values: Float64Array.from(row), rows: 1 })[0])).toBeLessThan(1e-12);
  });

  it('adds up exactly when sampling a nonlinear model, is seeded, and names a wrong row width', async () => {
    const M = 12;
    const bg = makeMatrix(10, M, 5);
    const f = (X: FeatureMatrix) => Float64Array.from({ length: X.rows }, (_, i) => X.values[i * M] * X.values[i * M + 1] + Math.sin(X.values[i * M + 2]) + X.values[i * M + 11]);
    const row = Array.from({ length: M }, (_, j) => j / 2);
    const a = await estimateKernelShap(f, bg, row, { seed: 2, samples: 300 });
    const b = await estimateKernelShap(f, bg, row, { seed: 2, samples: 300 });
    expect(a).toEqual(b);
    expect(Math.abs(a.baseValue + a.values.reduce((s, v) => s + v, 0) - a.prediction)).toBeLessThan(1e-9);
    // Features 3 … 10 are unused: their estimates stay near 0.
    expect(Math.max(...Array.from(a.values.subarray(3, 11), Math.abs))).toBeLessThan(0.05 * Math.abs(a.prediction - a.baseValue));
    const controller = new AbortController();
    controller.abort();
    await expect(estimateKernelShap(f, bg, row, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(estimateKernelShap(f, bg, [1, 2])).rejects.toMatchObject({
      name: 'DataError', message: 'The row has 2 values but the background has 12 features; pass the same prepared columns.',
    });
  });
});
