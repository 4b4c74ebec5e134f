// Linear regression with an intercept: ordinary least squares and ridge (closed form by QR), lasso and elastic
// net (coordinate descent), matching scikit-learn's LinearRegression / Ridge / Lasso / ElasticNet objectives.
// No internal scaling: standardising is the Prepare cell's job, as in sklearn.

import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, SerializedModel } from '../types';
import { fitElasticNet } from './coordinate-descent';
import { assertFeatureCount, assertNoMissing, assertTarget, assertTaskSupported, inferTask, resolveParams, throwIfAborted } from './fit-input';
import { computeColumnMeans, solveLeastSquares } from './least-squares';

const KIND = 'linear_regression';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'choice', name: 'penalty', label: 'Penalty', options: ['none', 'l2', 'l1', 'elasticnet'], default: 'none', help: 'none = ordinary least squares, l2 = ridge, l1 = lasso' },
  { kind: 'float', name: 'alpha', label: 'Alpha', min: 0, max: 1e6, default: 1, log: true, help: 'Penalty strength (ridge: α·||w||²; lasso / elastic net: scaled by 1/(2n) as in sklearn)' },
  { kind: 'float', name: 'l1_ratio', label: 'L1 ratio', min: 0, max: 1, default: 0.5, help: 'Elastic net only: share of the L1 penalty' },
  { kind: 'float', name: 'tol', label: 'Tolerance', min: 1e-12, max: 1, default: 1e-4, log: true },
  { kind: 'int', name: 'max_iter', label: 'Max iterations', min: 1, max: 100000, default: 1000 },
];

interface LinearState {
  coefficients: number[];
  intercept: number;
  iterations: number;
}

function createLinearModel(params: Hyperparameters, featureNames: string[], state: LinearState): FittedModel {
  const w = Float64Array.from(state.coefficients);
  return {
    kind: KIND,
    task: 'regression',
    info: { coefficients: Object.fromEntries(featureNames.map((n, j) => [n, state.coefficients[j]])), intercept: state.intercept, iterations: state.iterations },
    predict(X: FeatureMatrix) {
      assertFeatureCount(KIND, X, featureNames);
      const out = new Float64Array(X.rows);
      for (let r = 0; r < X.rows; r++) {
        let s = state.intercept;
        for (let j = 0; j < X.cols; j++) s += X.values[r * X.cols + j] * w[j];
        out[r] = s;
      }
      return out;
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task: 'regression', params, featureNames, state }),
  };
}

/** Row-major X minus its column means, and y minus its mean. */
function centre(X: FeatureMatrix, y: Float64Array) {
  const means = computeColumnMeans(X.values, X.rows, X.cols);
  const xc = X.values.map((v, i) => v - means[i % X.cols]);
  const yMean = y.reduce((s, v) => s + v, 0) / y.length;
  return { xc, yc: y.map((v) => v - yMean), means, yMean };
}

export const linearRegressionFamily: ModelFamily = {
  kind: KIND,
  label: 'Linear regression (OLS, ridge, lasso, elastic net)',
  group: 'linear',
  tasks: ['regression'],
  params: PARAMS,
  acceptsMissing: false,
  async fit(X, y, rawParams, ctx) {
    const params = resolveParams(KIND, PARAMS, rawParams);
    assertTaskSupported(KIND, this.tasks, inferTask(y));
    assertTarget(KIND, X, y);
    assertNoMissing(KIND, X);
    throwIfAborted(ctx);
    const { xc, yc, means, yMean } = centre(X, y.values);
    const penalty = params.penalty as string;
    const alpha = params.alpha as number;
    let coefficients: Float64Array;
    let iterations = 1;
    if (penalty === 'none' || penalty === 'l2') {
      coefficients = solveLeastSquares(xc, yc, X.rows, X.cols, penalty === 'l2' ? alpha : 0, X.featureNames);
      ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    } else {
      const maxIter = params.max_iter as number;
      const result = fitElasticNet(xc, yc, X.rows, X.cols, {
        alpha,
        l1Ratio: penalty === 'l1' ? 1 : (params.l1_ratio as number),
        tol: params.tol as number,
        maxIter,
        signal: ctx.signal,
        shouldStop: ctx.shouldStop,
        onPass: (pass, objective) => ctx.onProgress?.({ iteration: pass, total: maxIter, metrics: { trainLoss: objective } }),
      });
      coefficients = result.coefficients;
      iterations = result.passes;
    }
    const intercept = yMean - coefficients.reduce((s, w, j) => s + w * means[j], 0);
    return createLinearModel(params, [...X.featureNames], { coefficients: Array.from(coefficients), intercept, iterations });
  },
  fromJSON: (json) => createLinearModel(json.params, json.featureNames, json.state as LinearState),
};
