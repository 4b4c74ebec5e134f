// k-means clustering (scikit-learn's KMeans, Lloyd): seeded greedy k-means++, n_init restarts keeping the lowest
// inertia, max_iter and tol per run. predict gives the nearest centre's index; inertia and centres are in info.

import { ModelSpecError } from '../../errors';
import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, ModelWarning, SerializedModel } from '../types';
import { assertFeatureCount, assertNoMissing, throwIfAborted } from './fit-input';
import { readParams } from '../read-params';
import { assignClusters, runLloyd, scaleTolerance, seedCenters, type LloydResult } from './lloyd';
import { createRandom } from '../../random/prng';

const KIND = 'kmeans';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'k', label: 'Clusters (k)', min: 1, max: 1000, default: 3, tune: { min: 2, max: 12 } },
  { kind: 'int', name: 'n_init', label: 'Restarts', min: 1, max: 100, default: 10, help: 'Runs from different k-means++ seeds; the lowest inertia wins' },
  { kind: 'int', name: 'max_iter', label: 'Max iterations per run', min: 1, max: 10000, default: 300 },
  { kind: 'float', name: 'tol', label: 'Tolerance', min: 0, max: 1, default: 1e-4, log: true, help: 'Relative to the mean feature variance, as in sklearn' },
];

interface KmeansState {
  centers: number[];
  inertia: number;
  iterations: number;
}

function createKmeansModel(params: Hyperparameters, featureNames: string[], state: KmeansState, warnings: ModelWarning[] = []): FittedModel {
  const k = params.k as number;
  const centers = Float64Array.from(state.centers);
  return {
    kind: KIND,
    task: 'clustering',
    info: { inertia: state.inertia, iterations: state.iterations, centers: Array.from({ length: k }, (_, c) => state.centers.slice(c * featureNames.length, (c + 1) * featureNames.length)) },
    warnings,
    predict(X: FeatureMatrix) {
      assertFeatureCount(KIND, X, featureNames);
      const labels = new Int32Array(X.rows);
      assignClusters(X, centers, k, labels, new Float64Array(X.rows));
      return Float64Array.from(labels);
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task: 'clustering', params, featureNames, state }),
  };
}

export const kmeansFamily: ModelFamily = {
  kind: KIND,
  label: 'k-means',
  group: 'unsupervised',
  tasks: ['clustering'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  capabilities: { assignsClusters: true },
  async fit(X, _y, rawParams, ctx) {
    const params = readParams(KIND, PARAMS, rawParams);
    assertNoMissing(KIND, X);
    const k = params.k as number;
    if (k > X.rows) throw new ModelSpecError(`kmeans: k = ${k} is larger than the ${X.rows} rows; choose k ≤ ${X.rows}.`);
    const random = createRandom(ctx.seed);
    const tol = scaleTolerance(X, params.tol as number);
    const runs = params.n_init as number;
    let best: LloydResult | undefined;
    for (let run = 1; run <= runs; run++) {
      throwIfAborted(ctx);
      const result = runLloyd(X, seedCenters(X, k, random), k, params.max_iter as number, tol);
      if (best === undefined || result.inertia < best.inertia) best = result;
      ctx.onProgress?.({ iteration: run, total: runs, metrics: { trainLoss: result.inertia, bestInertia: best.inertia } });
      if (ctx.shouldStop?.() === true) break;
    }
    const { centers, inertia, iterations, converged } = best!;
    const warnings: ModelWarning[] = converged ? [] : [{
      code: 'not-converged',
      message: `k-means: the kept run stopped at Max iterations per run (${params.max_iter as number}) before its centres settled: raise Max iterations per run.`,
    }];
    return createKmeansModel(params, [...X.featureNames], { centers: Array.from(centers), inertia, iterations }, warnings);
  },
  fromJSON: (json) => createKmeansModel(json.params, json.featureNames, json.state as KmeansState),
};
