// Linear regression with an intercept: ordinary least squares and ridge (closed form by QR), lasso and elastic
// net (coordinate descent), matching scikit-learn's LinearRegression / Ridge / Lasso / ElasticNet objectives.
// Sample weights as sklearn's sample_weight. No internal scaling: standardising is the Prepare cell's job.
// Collinear features (a full one-hot, duplicates, a constant column) get sklearn's minimum-norm solution and a warning.

import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, ModelWarning, SerializedModel } from '../types';
import { fitElasticNet } from './coordinate-descent';
import { assertFeatureCount, assertNoMissing, assertTarget, assertTaskSupported, throwIfAborted } from './fit-input';
import { inferTask, readParams } from '../read-params';
import { solveLeastSquares, type LeastSquaresSolution } from './least-squares';

const KIND = 'linear_regression';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'choice', name: 'penalty', label: 'Penalty', options: ['none', 'l2', 'l1', 'elasticnet'], default: 'none', help: 'none = ordinary least squares, l2 = ridge, l1 = lasso', tune: true },
  { kind: 'float', name: 'alpha', label: 'Alpha', min: 0, max: 1e6, default: 1, log: true, help: 'Penalty strength (ridge: α·||w||²; lasso / elastic net: scaled by 1/(2n) as in sklearn)',
    when: { param: 'penalty', in: ['l2', 'l1', 'elasticnet'] }, tune: { min: 1e-4, max: 1e3, log: true } },
  { kind: 'float', name: 'l1_ratio', label: 'L1 ratio', min: 0, max: 1, default: 0.5, help: 'Elastic net only: share of the L1 penalty', when: { param: 'penalty', in: ['elasticnet'] }, tune: { min: 0.1, max: 0.9 } },
  { kind: 'float', name: 'tol', label: 'Tolerance', min: 1e-12, max: 1, default: 1e-4, log: true },
  { kind: 'int', name: 'max_iter', label: 'Max iterations', min: 1, max: 100000, default: 1000 },
];

interface LinearState {
  coefficients: number[];
  intercept: number;
  iterations: number;
}

function createLinearModel(params: Hyperparameters, featureNames: string[], state: LinearState, warnings: ModelWarning[] = []): FittedModel {
  const w = Float64Array.from(state.coefficients);
  return {
    kind: KIND,
    warnings,
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

/**
 * X and y minus their weighted means, each row then scaled by √weight (sklearn's _rescale_data), so that
 * Σ wᵢ·rᵢ² becomes a plain sum of squares. Without weights this is plain centring.
 */
function centre(X: FeatureMatrix, y: Float64Array, weights: Float64Array | undefined) {
  const w = weights ?? new Float64Array(X.rows).fill(1);
  const total = w.reduce((s, v) => s + v, 0);
  const means = new Float64Array(X.cols);
  let yMean = 0;
  for (let r = 0; r < X.rows; r++) {
    for (let j = 0; j < X.cols; j++) means[j] += (w[r] * X.values[r * X.cols + j]) / total;
    yMean += (w[r] * y[r]) / total;
  }
  const root = w.map(Math.sqrt);
  const xc = X.values.map((v, i) => (v - means[i % X.cols]) * root[Math.floor(i / X.cols)]);
  return { xc, yc: y.map((v, r) => (v - yMean) * root[r]), means, yMean };
}

/** The warning for a rank-deficient design, naming its collinear columns (the first 8) and what to do. */
function describeCollinear(solution: LeastSquaresSolution, featureNames: readonly string[]): ModelWarning {
  const names = solution.collinear.slice(0, 8).map((j) => `"${featureNames[j]}"`).join(', ');
  const more = solution.collinear.length > 8 ? ` and ${solution.collinear.length - 8} more` : '';
  return {
    code: 'collinear',
    message: `Features ${names}${more} are collinear (rank ${solution.rank} of ${featureNames.length} after centring), so their separate coefficients are not identifiable; `
      + 'the minimum-norm least-squares solution was used, as scikit-learn does. Drop one dummy per category (one-hot "Drop" = first), '
      + 'drop duplicated or constant columns, or use the l2 penalty (ridge).',
  };
}

/** Lasso / elastic net rescale weights to sum to n (sklearn), so alpha means the same with or without them. */
function normaliseWeights(weights: Float64Array | undefined): Float64Array | undefined {
  if (weights === undefined) return undefined;
  const total = weights.reduce((s, v) => s + v, 0);
  return weights.map((v) => (v * weights.length) / total);
}

/** Mean squared error of coefficients w and intercept b on (X, y): the validation curve. */
function computeMeanSquaredError(X: FeatureMatrix, y: Float64Array, w: Float64Array, b: number): number {
  let sum = 0;
  for (let r = 0; r < X.rows; r++) {
    let prediction = b;
    for (let j = 0; j < X.cols; j++) prediction += X.values[r * X.cols + j] * w[j];
    sum += (y[r] - prediction) ** 2;
  }
  return sum / X.rows;
}

export const linearRegressionFamily: ModelFamily = {
  kind: KIND,
  label: 'Linear regression (OLS, ridge, lasso, elastic net)',
  group: 'linear',
  tasks: ['regression'],
  params: PARAMS,
  needs: (params) => ({ acceptsMissing: false, categorical: params.penalty === 'none' ? 'one_hot_drop_first' : 'one_hot', scaled: params.penalty !== 'none' }),
  capabilities: {},
  async fit(X, y, rawParams, ctx) {
    const params = readParams(KIND, PARAMS, rawParams);
    assertTaskSupported(KIND, this.tasks, inferTask(y));
    assertTarget(KIND, X, y);
    assertNoMissing(KIND, X);
    throwIfAborted(ctx);
    const penalty = params.penalty as string;
    const isClosedForm = penalty === 'none' || penalty === 'l2';
    const { xc, yc, means, yMean } = centre(X, y.values, isClosedForm ? ctx.sampleWeights : normaliseWeights(ctx.sampleWeights));
    const alpha = params.alpha as number;
    let coefficients: Float64Array;
    let iterations = 1;
    const warnings: ModelWarning[] = [];
    if (isClosedForm) {
      const solution = solveLeastSquares(xc, yc, X.rows, X.cols, penalty === 'l2' ? alpha : 0);
      coefficients = solution.coefficients;
      if (solution.collinear.length > 0) warnings.push(describeCollinear(solution, X.featureNames));
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
        onPass: (pass, objective, w) => {
          const metrics: Record<string, number> = { trainLoss: objective };
          if (ctx.validation) metrics.validationLoss = computeMeanSquaredError(ctx.validation.X, ctx.validation.y.values, w, yMean - w.reduce((s, v, j) => s + v * means[j], 0));
          ctx.onProgress?.({ iteration: pass, total: maxIter, metrics });
        },
      });
      coefficients = result.coefficients;
      iterations = result.passes;
      if (result.hitCap) {
        warnings.push({
          code: 'not-converged',
          message: `Lasso / elastic net (coordinate descent) stopped at Max iterations (${maxIter}) with a duality gap of ${Number(result.dualityGap.toPrecision(3))} `
            + `above the tolerance ${Number(result.gapTolerance.toPrecision(3))}: raise Max iterations, scale the features, or raise alpha.`,
        });
      }
    }
    const intercept = yMean - coefficients.reduce((s, w, j) => s + w * means[j], 0);
    return createLinearModel(params, [...X.featureNames], { coefficients: Array.from(coefficients), intercept, iterations }, warnings);
  },
  fromJSON: (json) => createLinearModel(json.params, json.featureNames, json.state as LinearState),
};
