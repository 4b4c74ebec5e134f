// k-nearest-neighbours classification and regression (scikit-learn's KNeighborsClassifier / Regressor, brute
// force): uniform or inverse-distance weights, where a zero-distance neighbour takes all the weight.

import { ModelSpecError } from '../../errors';
import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, SerializedModel, Task } from '../types';
import { assertFeatureCount, checkFitInput, throwIfAborted } from './fit-input';
import { findNeighbours, type DistanceMetric } from './nearest-neighbours';

const KIND = 'knn';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'k', label: 'Neighbours (k)', min: 1, max: 1000, default: 5 },
  { kind: 'choice', name: 'weights', label: 'Weights', options: ['uniform', 'distance'], default: 'uniform' },
  { kind: 'choice', name: 'metric', label: 'Distance', options: ['euclidean', 'manhattan'], default: 'euclidean' },
];

interface KnnState {
  /** Training rows, row-major. */
  X: number[];
  y: number[];
}

/** Per query row: the k neighbour weights written into `out` (zero-distance neighbours take all weight). */
function fillWeights(distances: Float64Array, q: number, k: number, byDistance: boolean, out: Float64Array): void {
  let hasZero = false;
  for (let n = 0; n < k; n++) hasZero ||= distances[q * k + n] === 0;
  for (let n = 0; n < k; n++) {
    const d = distances[q * k + n];
    out[n] = !byDistance ? 1 : hasZero ? (d === 0 ? 1 : 0) : 1 / d;
  }
}

function createKnnModel(task: Task, params: Hyperparameters, featureNames: string[], classes: string[] | undefined, state: KnnState): FittedModel {
  const train = Float64Array.from(state.X);
  const y = Float64Array.from(state.y);
  const k = params.k as number;
  const byDistance = params.weights === 'distance';
  const weights = new Float64Array(k);
  const neighbours = (X: FeatureMatrix) => {
    assertFeatureCount(KIND, X, featureNames);
    return findNeighbours(train, y.length, X.values, X.rows, X.cols, k, params.metric as DistanceMetric);
  };
  const predictProba = (X: FeatureMatrix): Float64Array => {
    const { indices, distances } = neighbours(X);
    const c = classes?.length ?? 0;
    const proba = new Float64Array(X.rows * c);
    for (let q = 0; q < X.rows; q++) {
      fillWeights(distances, q, k, byDistance, weights);
      let total = 0;
      for (let n = 0; n < k; n++) (proba[q * c + y[indices[q * k + n]]] += weights[n]), (total += weights[n]);
      for (let j = 0; j < c; j++) proba[q * c + j] /= total;
    }
    return proba;
  };
  const predictValue = (X: FeatureMatrix): Float64Array => {
    const { indices, distances } = neighbours(X);
    return Float64Array.from({ length: X.rows }, (_, q) => {
      fillWeights(distances, q, k, byDistance, weights);
      let sum = 0;
      let total = 0;
      for (let n = 0; n < k; n++) (sum += weights[n] * y[indices[q * k + n]]), (total += weights[n]);
      return sum / total;
    });
  };
  const predictClass = (X: FeatureMatrix): Float64Array => {
    const proba = predictProba(X);
    const c = classes?.length ?? 0;
    return Float64Array.from({ length: X.rows }, (_, q) => {
      let best = 0;
      for (let j = 1; j < c; j++) if (proba[q * c + j] > proba[q * c + best]) best = j;
      return best;
    });
  };
  const base = { kind: KIND, task, info: { trainingRows: y.length }, toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task, params, featureNames, ...(classes ? { classes } : {}), state }) };
  return task === 'regression' ? { ...base, predict: predictValue } : { ...base, predict: predictClass, predictProba };
}

export const knnFamily: ModelFamily = {
  kind: KIND,
  label: 'k-nearest neighbours',
  group: 'neighbors',
  tasks: ['binary', 'multiclass', 'regression'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  async fit(X, y, rawParams, ctx) {
    const { params, task } = checkFitInput(KIND, PARAMS, this.tasks, X, y, rawParams);
    if ((params.k as number) > X.rows) throw new ModelSpecError(`knn: k = ${params.k} is larger than the ${X.rows} training rows; choose k ≤ ${X.rows}.`);
    throwIfAborted(ctx);
    ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    return createKnnModel(task, params, [...X.featureNames], y.classes ? [...y.classes] : undefined, { X: Array.from(X.values), y: Array.from(y.values) });
  },
  fromJSON: (json) => createKnnModel(json.task, json.params, json.featureNames, json.classes, json.state as KnnState),
};
