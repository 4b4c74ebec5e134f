// Naive Bayes over mixed features: Gaussian likelihoods for numeric features (scikit-learn's GaussianNB, variances
// smoothed by var_smoothing × the largest feature variance) and categorical likelihoods with additive smoothing
// for categorical-flagged features (CategoricalNB), multiplied together with the class prior.

import type { FeatureMatrix, FittedModel, HyperparameterSpec, Hyperparameters, ModelFamily, SerializedModel, Task } from '../types';
import { argmaxRows, assertFeatureCount, checkFitInput, readSampleWeights, throwIfAborted } from './fit-input';
import { fitNaiveBayesState, type NaiveBayesState } from './naive-bayes-fit';

const KIND = 'naive_bayes';

const PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'float', name: 'var_smoothing', label: 'Variance smoothing', min: 0, max: 1, default: 1e-9, log: true, help: 'Share of the largest numeric variance added to every variance', tune: { min: 1e-12, max: 1e-3, log: true } },
  { kind: 'float', name: 'alpha', label: 'Category smoothing (alpha)', min: 0, max: 100, default: 1, help: 'Additive smoothing for categorical features' },
];

/** Row-major rows × classes joint log-likelihoods log P(c) + Σ log P(xⱼ | c). */
export function computeJointLogLikelihood(state: NaiveBayesState, X: FeatureMatrix): Float64Array {
  const k = state.logPriors.length;
  const out = new Float64Array(X.rows * k);
  for (let r = 0; r < X.rows; r++) {
    for (let c = 0; c < k; c++) {
      let sum = state.logPriors[c];
      for (const g of state.gaussian) {
        const x = X.values[r * X.cols + g.feature];
        const variance = g.variances[c];
        sum -= 0.5 * Math.log(2 * Math.PI * variance) + ((x - g.means[c]) ** 2) / (2 * variance);
      }
      for (const f of state.categorical) {
        const code = X.values[r * X.cols + f.feature];
        // A category unseen in training gets the smoothed zero count.
        sum += code >= 0 && code < f.categories ? f.logProbabilities[c * f.categories + code] : f.unseenLogProbabilities[c];
      }
      out[r * k + c] = sum;
    }
  }
  return out;
}

function createNaiveBayesModel(task: Task, params: Hyperparameters, featureNames: string[], classes: string[], state: NaiveBayesState): FittedModel {
  const k = classes.length;
  const predictProba = (X: FeatureMatrix): Float64Array => {
    assertFeatureCount(KIND, X, featureNames);
    const joint = computeJointLogLikelihood(state, X);
    for (let r = 0; r < X.rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, joint[r * k + c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += (joint[r * k + c] = Math.exp(joint[r * k + c] - max));
      for (let c = 0; c < k; c++) joint[r * k + c] /= sum;
    }
    return joint;
  };
  return {
    kind: KIND,
    task,
    info: { classPriors: state.logPriors.map(Math.exp), gaussianFeatures: state.gaussian.length, categoricalFeatures: state.categorical.length },
    predictProba,
    predict(X) {
      const joint = computeJointLogLikelihood(state, X);
      return argmaxRows(joint, X.rows, k);
    },
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind: KIND, task, params, featureNames, classes, state }),
  };
}

export const naiveBayesFamily: ModelFamily = {
  kind: KIND,
  label: 'Naive Bayes (Gaussian + categorical)',
  group: 'bayes',
  tasks: ['binary', 'multiclass'],
  params: PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'codes', scaled: false }),
  capabilities: {},
  async fit(X, y, rawParams, ctx) {
    const { params, task } = checkFitInput(KIND, PARAMS, this.tasks, X, y, rawParams);
    throwIfAborted(ctx);
    const state = fitNaiveBayesState(X, y, readSampleWeights(ctx, X.rows), params.var_smoothing as number, params.alpha as number);
    ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    return createNaiveBayesModel(task, params, [...X.featureNames], [...(y.classes ?? [])], state);
  },
  fromJSON: (json) => createNaiveBayesModel(json.task, json.params, json.featureNames, json.classes ?? [], json.state as NaiveBayesState),
};
