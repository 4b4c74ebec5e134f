// Baselines every model must beat: most frequent class, class prior (probabilities = training class shares),
// and the training mean / median for regression. Sample weights count as row weights.

import type { FeatureMatrix, FittedModel, ModelFamily, SerializedModel, Target, Task } from '../types';
import { assertTarget, assertTaskSupported, readSampleWeights, throwIfAborted } from './fit-input';
import { inferTask } from '../read-params';

interface ConstantState {
  /** Classification: class shares; regression: [value]. */
  values: number[];
}

/** Builds the fitted model from its state (shared by fit and fromJSON so both predict identically). */
function createConstantModel(kind: string, task: Task, featureNames: string[], classes: string[] | undefined, state: ConstantState): FittedModel {
  const isClassifier = task !== 'regression';
  const best = isClassifier ? state.values.indexOf(Math.max(...state.values)) : state.values[0];
  const model: FittedModel = {
    kind,
    task,
    info: isClassifier ? { classPriors: state.values } : { constant: state.values[0] },
    predict: (X: FeatureMatrix) => new Float64Array(X.rows).fill(best),
    toJSON: (): SerializedModel => ({ formatVersion: 1, kind, task, params: {}, featureNames, ...(classes ? { classes } : {}), state }),
  };
  if (!isClassifier) return model;
  const k = state.values.length;
  const oneHot = state.values.map((_, c) => (c === best ? 1 : 0));
  const row = kind === 'most_frequent' ? oneHot : state.values;
  return { ...model, predictProba: (X: FeatureMatrix) => Float64Array.from({ length: X.rows * k }, (_, i) => row[i % k]) };
}

function weightedClassShares(y: Target, weights: Float64Array): number[] {
  const shares = new Array<number>(y.classes?.length ?? 0).fill(0);
  let total = 0;
  y.values.forEach((c, i) => ((shares[c] += weights[i]), (total += weights[i])));
  return shares.map((s) => s / total);
}

function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < order.length; i++) {
    seen += weights[order[i]];
    // Exactly half: average with the next value, as numpy's median does for unit weights.
    if (seen === total / 2 && i + 1 < order.length) return (values[order[i]] + values[order[i + 1]]) / 2;
    if (seen > total / 2) return values[order[i]];
  }
  return values[order[order.length - 1]];
}

const STATISTICS: Record<string, (y: Target, w: Float64Array) => number[]> = {
  most_frequent: weightedClassShares,
  class_prior: weightedClassShares,
  mean: (y, w) => [y.values.reduce((s, v, i) => s + v * w[i], 0) / w.reduce((a, b) => a + b, 0)],
  median: (y, w) => [weightedMedian(y.values, w)],
};

function createBaselineFamily(kind: string, label: string, tasks: readonly Task[]): ModelFamily {
  return {
    kind,
    label,
    group: 'baseline',
    tasks,
    params: [],
    needs: () => ({ acceptsMissing: true, categorical: 'codes', scaled: false }),
    capabilities: {},
    async fit(X, y, _params, ctx) {
      throwIfAborted(ctx);
      const task = inferTask(y);
      assertTaskSupported(kind, tasks, task);
      assertTarget(kind, X, y);
      const state = { values: STATISTICS[kind](y, readSampleWeights(ctx, X.rows)) };
      ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
      return createConstantModel(kind, task, [...X.featureNames], y.classes ? [...y.classes] : undefined, state);
    },
    fromJSON: (json) => createConstantModel(kind, json.task, json.featureNames, json.classes, json.state as ConstantState),
  };
}

export const mostFrequentFamily = createBaselineFamily('most_frequent', 'Most frequent class', ['binary', 'multiclass']);
export const classPriorFamily = createBaselineFamily('class_prior', 'Class prior', ['binary', 'multiclass']);
export const meanFamily = createBaselineFamily('mean', 'Mean', ['regression']);
export const medianFamily = createBaselineFamily('median', 'Median', ['regression']);
