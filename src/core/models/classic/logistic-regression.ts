// Logistic regression as scikit-learn's LogisticRegression: binary (one sigmoid) or multinomial (softmax),
// minimising C·Σ wᵢ·loss + ½||W||² (L2, L-BFGS) or C·Σ wᵢ·loss + ||W||₁ (L1, FISTA); intercepts unpenalised.

import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, ModelWarning, SerializedModel, Task } from '../types';
import { argmaxRows, assertFeatureCount, checkFitInput, readSampleWeights, throwIfAborted } from './fit-input';
import { minimiseLbfgs, type MinimiseResult, type Objective } from './lbfgs';
import { computeLogisticLoss, computeScores, convertScoresToProba } from './logistic-loss';
import { minimiseProximal } from './proximal-gradient';

const KIND = 'logistic_regression';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'choice', name: 'penalty', label: 'Penalty', options: ['l2', 'l1'], default: 'l2', tune: true },
  { kind: 'float', name: 'C', label: 'C (inverse regularisation)', min: 1e-6, max: 1e6, default: 1, log: true, help: 'Smaller C = stronger penalty, as in sklearn', tune: { min: 1e-3, max: 1e3, log: true } },
  { kind: 'float', name: 'tol', label: 'Tolerance', min: 1e-12, max: 1, default: 1e-4, log: true },
  { kind: 'int', name: 'max_iter', label: 'Max iterations', min: 1, max: 100000, default: 100 },
];

interface LogisticState {
  /** Per output (1 for binary, one per class otherwise): [w₀ … w_{p−1}, bias]. */
  params: number[];
  outputs: number;
  iterations: number;
}

function createLogisticModel(task: Task, params: Hyperparameters, featureNames: string[], classes: string[], state: LogisticState, warnings: ModelWarning[] = []): FittedModel {
  const weights = Float64Array.from(state.params);
  const p = featureNames.length;
  const predictProba = (X: FeatureMatrix): Float64Array => {
    assertFeatureCount(KIND, X, featureNames);
    return convertScoresToProba(computeScores(X, weights, state.outputs), X.rows, state.outputs);
  };
  const coefficients = Array.from({ length: state.outputs }, (_, k) => state.params.slice(k * (p + 1), k * (p + 1) + p));
  return {
    kind: KIND,
    task,
    info: { coefficients, intercepts: coefficients.map((_, k) => state.params[k * (p + 1) + p]), iterations: state.iterations },
    warnings,
    predictProba,
    predict(X) {
      const proba = predictProba(X);
      const k = classes.length;
      return argmaxRows(proba, X.rows, k);
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task, params, featureNames, classes, state }),
  };
}

/** sklearn's ConvergenceWarning in words: which solver, the cap, how far from its stopping test, and what to do. */
function describeCap(result: MinimiseResult, solver: string, maxIter: number, tol: number): ModelWarning[] {
  if (!result.hitCap) return [];
  const measure = solver === 'L-BFGS' ? 'largest gradient' : 'relative step';
  const value = Number(result.criterion.toPrecision(3));
  return [{
    code: 'not-converged',
    message: `Logistic regression (${solver}) stopped at Max iterations (${maxIter}) before converging (${measure} ${value} > tolerance ${tol}): `
      + 'raise Max iterations, or scale the features (a scale step in Prepare).',
  }];
}

export const logisticRegressionFamily: ModelFamily = {
  kind: KIND,
  label: 'Logistic regression',
  group: 'linear',
  tasks: ['binary', 'multiclass'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'one_hot', scaled: true }),
  capabilities: {},
  async fit(X, y, rawParams, ctx) {
    const { params, task } = checkFitInput(KIND, PARAMS, this.tasks, X, y, rawParams);
    throwIfAborted(ctx);
    const classes = [...(y.classes ?? [])];
    const outputs = task === 'binary' ? 1 : classes.length;
    const weights = readSampleWeights(ctx, X.rows);
    const strength = 1 / ((params.C as number) * weights.reduce((s, v) => s + v, 0));
    const isIntercept = (i: number): boolean => i % (X.cols + 1) === X.cols;
    const size = outputs * (X.cols + 1);
    const maxIter = params.max_iter as number;
    const validation = ctx.validation;
    const validationWeights = validation ? new Float64Array(validation.X.rows).fill(1) : undefined;
    const onIteration = (iteration: number, loss: number, w: Float64Array): boolean => {
      throwIfAborted(ctx);
      const metrics: Record<string, number> = { trainLoss: loss };
      if (validation) metrics.validationLoss = computeLogisticLoss(validation.X, validation.y.values, validationWeights!, w, outputs, new Float64Array(size));
      ctx.onProgress?.({ iteration, total: maxIter, metrics });
      return ctx.shouldStop?.() === true;
    };
    const options = { maxIter, tol: params.tol as number, signal: ctx.signal, onIteration };
    const dataLoss: Objective = (w, g) => computeLogisticLoss(X, y.values, weights, w, outputs, g);
    let result: MinimiseResult;
    if (params.penalty === 'l1') {
      const penalty = Float64Array.from({ length: size }, (_, i) => (isIntercept(i) ? 0 : strength));
      result = minimiseProximal(dataLoss, penalty, new Float64Array(size), options);
    } else {
      const objective: Objective = (w, g) => {
        let loss = dataLoss(w, g);
        for (let i = 0; i < size; i++) {
          if (isIntercept(i)) continue;
          loss += (strength / 2) * w[i] * w[i];
          g[i] += strength * w[i];
        }
        return loss;
      };
      result = minimiseLbfgs(objective, new Float64Array(size), options);
    }
    const warnings = describeCap(result, params.penalty === 'l1' ? 'proximal gradient' : 'L-BFGS', maxIter, params.tol as number);
    return createLogisticModel(task, params, [...X.featureNames], classes, { params: Array.from(result.w), outputs, iterations: result.iterations }, warnings);
  },
  fromJSON: (json) => createLogisticModel(json.task, json.params, json.featureNames, json.classes ?? [], json.state as LogisticState),
};
