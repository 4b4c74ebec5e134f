// k-nearest-neighbours classification and regression (scikit-learn's KNeighborsClassifier / Regressor with
// algorithm='auto'): uniform or inverse-distance weights, where a zero-distance neighbour takes all the weight.
// The search index (k-d tree or brute force) is built at fit and rebuilt on load; only the rows are stored.
// predictInBlocks splits a large search over the helper threads a platform lends (knn-query-threads.ts).

import { ModelSpecError } from '../../errors';
import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, ModelOutputs, PredictOptions, SerializedModel, Task } from '../types';
import { argmaxRows, assertFeatureCount, assertNoMissing, checkFitInput, throwIfAborted } from './fit-input';
import { readQueryThreads } from './knn-query-threads';
import { findNeighboursOnThreads, isWorthThreads } from './knn-threaded-search';
import { createNeighbourIndex, findNeighbours, findNeighboursInBlocks, type DistanceMetric, type Neighbours } from './nearest-neighbours';

const KIND = 'knn';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'k', label: 'Neighbours (k)', min: 1, max: 1000, default: 5, tune: { min: 1, max: 50, log: true } },
  { kind: 'choice', name: 'weights', label: 'Weights', options: ['uniform', 'distance'], default: 'uniform', tune: true },
  { kind: 'choice', name: 'metric', label: 'Distance', options: ['euclidean', 'manhattan'], default: 'euclidean' },
];

/** The stored state (as since the first version: no index, it is rebuilt on load). */
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

/** Class probabilities (weighted votes, rows × classes) and the most probable class (the lowest on ties). */
function voteClasses({ indices, distances }: Neighbours, rows: number, k: number, byDistance: boolean, y: Float64Array, classCount: number): ModelOutputs {
  const weights = new Float64Array(k);
  const proba = new Float64Array(rows * classCount);
  for (let q = 0; q < rows; q++) {
    fillWeights(distances, q, k, byDistance, weights);
    let total = 0;
    for (let n = 0; n < k; n++) (proba[q * classCount + y[indices[q * k + n]]] += weights[n]), (total += weights[n]);
    for (let j = 0; j < classCount; j++) proba[q * classCount + j] /= total;
  }
  return { predictions: argmaxRows(proba, rows, classCount), proba };
}

/** Weighted mean of the neighbours' targets. */
function averageTargets({ indices, distances }: Neighbours, rows: number, k: number, byDistance: boolean, y: Float64Array): ModelOutputs {
  const weights = new Float64Array(k);
  const predictions = Float64Array.from({ length: rows }, (_, q) => {
    fillWeights(distances, q, k, byDistance, weights);
    let sum = 0;
    let total = 0;
    for (let n = 0; n < k; n++) (sum += weights[n] * y[indices[q * k + n]]), (total += weights[n]);
    return sum / total;
  });
  return { predictions, proba: null };
}

function createKnnModel(task: Task, params: Hyperparameters, featureNames: string[], classes: string[] | undefined, train: Float64Array, y: Float64Array): FittedModel {
  const k = params.k as number;
  const byDistance = params.weights === 'distance';
  const index = createNeighbourIndex(train, y.length, featureNames.length, k, params.metric as DistanceMetric);
  const checkQueries = (X: FeatureMatrix) => {
    assertFeatureCount(KIND, X, featureNames);
    assertNoMissing(KIND, X);
  };
  const combine = (neighbours: Neighbours, rows: number): ModelOutputs =>
    task === 'regression' ? averageTargets(neighbours, rows, k, byDistance, y) : voteClasses(neighbours, rows, k, byDistance, y, classes?.length ?? 0);
  const predictAll = (X: FeatureMatrix): ModelOutputs => {
    checkQueries(X);
    return combine(findNeighbours(index, X.values, X.rows), X.rows);
  };
  const base = {
    kind: KIND, task, info: { trainingRows: y.length, search: index.search.kind === 'kd-tree' ? 'k-d tree' : 'brute force' },
    predict: (X: FeatureMatrix) => predictAll(X).predictions,
    async predictInBlocks(X: FeatureMatrix, options: PredictOptions = {}): Promise<ModelOutputs> {
      checkQueries(X);
      // Helper threads where the platform lends them and the search is large (the same neighbours either way).
      const threads = readQueryThreads();
      const neighbours = isWorthThreads(index, X.rows, threads)
        ? await findNeighboursOnThreads(index, X.values, X.rows, threads, options)
        : await findNeighboursInBlocks(index, X.values, X.rows, options);
      return combine(neighbours, X.rows);
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task, params, featureNames, ...(classes ? { classes } : {}), state: { X: Array.from(train), y: Array.from(y) } satisfies KnnState }),
  };
  return task === 'regression' ? base : { ...base, predictProba: (X: FeatureMatrix) => predictAll(X).proba! };
}

export const knnFamily: ModelFamily = {
  kind: KIND,
  label: 'k-nearest neighbours',
  group: 'neighbors',
  tasks: ['binary', 'multiclass', 'regression'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  capabilities: {},
  async fit(X, y, rawParams, ctx) {
    const { params, task } = checkFitInput(KIND, PARAMS, this.tasks, X, y, rawParams);
    if ((params.k as number) > X.rows) throw new ModelSpecError(`knn: k = ${params.k} is larger than the ${X.rows} training rows; choose k ≤ ${X.rows}.`);
    throwIfAborted(ctx);
    ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    return createKnnModel(task, params, [...X.featureNames], y.classes ? [...y.classes] : undefined, Float64Array.from(X.values), Float64Array.from(y.values));
  },
  fromJSON: (json) => {
    const state = json.state as KnnState;
    return createKnnModel(json.task, json.params, json.featureNames, json.classes, Float64Array.from(state.X), Float64Array.from(state.y));
  },
};
