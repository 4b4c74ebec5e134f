// Principal component analysis (scikit-learn's PCA, full solver): centre, eigen-decompose the covariance, keep
// n components (n_components ≥ 1) or the fewest explaining a variance fraction (0 < n_components < 1), with
// sklearn's sign convention. predict gives the first component's score; projectWithPca gives any number of them.

import { ModelSpecError } from '../../errors';
import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, SerializedModel } from '../types';
import { assertFeatureCount, assertNoMissing, throwIfAborted } from './fit-input';
import { readParams } from '../read-params';
import { computeColumnMeans } from './least-squares';
import { decomposeSymmetric } from './symmetric-eigen';

const KIND = 'pca';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'float', name: 'n_components', label: 'Components', min: 0.01, max: 10000, default: 2, help: '≥ 1: how many components; between 0 and 1: the variance fraction to keep' },
];

interface PcaState {
  means: number[];
  /** Row-major components × features. */
  components: number[];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
}

/** A fitted PCA: predict gives component 1's score; project gives the first `count` scores row-major. */
export interface PcaModel extends FittedModel {
  project(X: FeatureMatrix, count?: number): Float64Array;
}

function createPcaModel(params: Hyperparameters, featureNames: string[], state: PcaState): PcaModel {
  const p = featureNames.length;
  const kept = state.explainedVariance.length;
  const project = (X: FeatureMatrix, count = 2): Float64Array => {
    assertFeatureCount(KIND, X, featureNames);
    const m = Math.min(count, kept);
    const out = new Float64Array(X.rows * m);
    for (let r = 0; r < X.rows; r++) {
      for (let c = 0; c < m; c++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += (X.values[r * p + j] - state.means[j]) * state.components[c * p + j];
        out[r * m + c] = s;
      }
    }
    return out;
  };
  return {
    kind: KIND,
    task: 'clustering',
    info: { components: kept, explainedVariance: state.explainedVariance, explainedVarianceRatio: state.explainedVarianceRatio },
    project,
    predict: (X) => project(X, 1),
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task: 'clustering', params, featureNames, state }),
  };
}

/** The first `count` projected scores of rows of X by a fitted PCA model (throws for other kinds). */
export function projectWithPca(model: FittedModel, X: FeatureMatrix, count = 2): Float64Array {
  if (model.kind !== KIND || !('project' in model)) throw new ModelSpecError(`projectWithPca needs a pca model, not ${model.kind}.`);
  return (model as PcaModel).project(X, count);
}

/** Components to keep: n itself, or the fewest whose cumulative variance ratio exceeds the fraction. */
function countComponents(n: number, ratios: Float64Array, available: number): number {
  if (n >= 1) {
    if (!Number.isInteger(n) || n > available) throw new ModelSpecError(`pca: n_components = ${n} is invalid; use a whole number ≤ ${available} (rows and features), or a fraction below 1.`);
    return n;
  }
  let cumulative = 0;
  for (let c = 0; c < available; c++) if ((cumulative += ratios[c]) > n) return c + 1;
  return available;
}

function fitPcaState(X: FeatureMatrix, n: number): PcaState {
  const p = X.cols;
  const means = computeColumnMeans(X.values, X.rows, p);
  const centred = X.values.map((v, i) => v - means[i % p]);
  const scatter = new Float64Array(p * p);
  for (let r = 0; r < X.rows; r++) for (let i = 0; i < p; i++) for (let j = i; j < p; j++) scatter[i * p + j] += centred[r * p + i] * centred[r * p + j];
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) scatter[i * p + j] = scatter[j * p + i];
  const { values, vectors } = decomposeSymmetric(scatter, p);
  const eigen = values.map((v) => Math.max(v, 0));
  const total = eigen.reduce((s, v) => s + v, 0);
  const ratios = eigen.map((v) => v / total);
  const kept = countComponents(n, ratios, Math.min(X.rows, p));
  for (let c = 0; c < kept; c++) flipSign(centred, X.rows, p, vectors, c);
  return {
    means: Array.from(means),
    components: Array.from(vectors.subarray(0, kept * p)),
    explainedVariance: Array.from(eigen.subarray(0, kept), (v) => v / (X.rows - 1)),
    explainedVarianceRatio: Array.from(ratios.subarray(0, kept)),
  };
}

/** sklearn's svd_flip: make the largest-magnitude score of component c positive. */
function flipSign(centred: Float64Array, rows: number, p: number, vectors: Float64Array, c: number): void {
  let largest = 0;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += centred[r * p + j] * vectors[c * p + j];
    if (Math.abs(s) > Math.abs(largest)) largest = s;
  }
  if (largest < 0) for (let j = 0; j < p; j++) vectors[c * p + j] = -vectors[c * p + j];
}

export const pcaFamily: ModelFamily = {
  kind: KIND,
  label: 'Principal component analysis',
  group: 'unsupervised',
  tasks: ['clustering'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  capabilities: { projects2d: true },
  async fit(X, _y, rawParams, ctx) {
    const params = readParams(KIND, PARAMS, rawParams);
    assertNoMissing(KIND, X);
    if (X.rows < 2) throw new ModelSpecError(`pca needs at least 2 rows; got ${X.rows}.`);
    throwIfAborted(ctx);
    const state = fitPcaState(X, params.n_components as number);
    ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    return createPcaModel(params, [...X.featureNames], state);
  },
  fromJSON: (json) => createPcaModel(json.params, json.featureNames, json.state as PcaState),
};
