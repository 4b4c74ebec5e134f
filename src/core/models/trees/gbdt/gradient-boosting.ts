// The 'gradient_boosting' family: histogram gradient boosting for regression, binary and multiclass
// classification, with native missing values and categorical splits; fitted models predict on raw features.

import type { FeatureMatrix, FitContext, FittedModel, Hyperparameters, ModelFamily, SerializedModel, Target, Task } from '../../types';
import { checkPredictShape, checkTrainingData } from '../shared/check-training-data';
import { inferTask, readParams } from '../../read-params';
import { deserializeTree, findLeafRaw, serializeTree, type BoostedTree } from './boosted-tree';
import { BOOSTING_PARAMS, type BoostingSettings } from './boosting-params';
import { fitBoosting } from './fit-boosting';

const KIND = 'gradient_boosting';

interface BoostingState {
  baseline: number[];
  trees: ReturnType<typeof serializeTree>[][];
  roundsRun: number;
  trainLoss: number[];
  validationLoss: number[];
}

/** Histogram gradient boosting (sklearn's HistGradientBoosting* in TypeScript). */
export const gradientBoostingFamily: ModelFamily = {
  kind: KIND,
  label: 'Gradient boosting (histogram)',
  group: 'ensemble',
  tasks: ['binary', 'multiclass', 'regression'],
  params: BOOSTING_PARAMS,
  needs: () => ({ acceptsMissing: true, categorical: 'codes', scaled: false }),
  capabilities: { treeEnsemble: 'boosted', budgetParam: 'maxIter' },
  async fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel> {
    const resolved = readParams(KIND, BOOSTING_PARAMS, params);
    checkTrainingData(KIND, X, y, true);
    const task = inferTask(y);
    const result = await fitBoosting(X, y.values, task, y.classes?.length ?? 0, resolved as unknown as BoostingSettings, ctx);
    const state: BoostingState = {
      baseline: [...result.baseline], trees: result.trees.map((round) => round.map(serializeTree)),
      roundsRun: result.roundsRun, trainLoss: result.trainLoss, validationLoss: result.validationLoss,
    };
    return createBoostingModel({ formatVersion: 1, kind: KIND, task, params: resolved, featureNames: [...X.featureNames], classes: y.classes ? [...y.classes] : undefined, state });
  },
  fromJSON: (json: SerializedModel) => createBoostingModel(json),
};

function createBoostingModel(json: SerializedModel): FittedModel {
  const state = json.state as BoostingState;
  const trees: BoostedTree[][] = state.trees.map((round) => round.map(deserializeTree));
  const baseline = Float64Array.from(state.baseline);
  const task = json.task;
  const cols = json.featureNames.length;
  const predictProba = (X: FeatureMatrix): Float64Array => toProbabilities(predictRaw(trees, baseline, X, cols), task, X.rows, baseline.length);
  return {
    kind: KIND,
    task,
    predict(X) {
      if (task === 'regression') return predictRaw(trees, baseline, X, cols);
      return argmaxRows(predictProba(X), X.rows, task === 'binary' ? 2 : baseline.length);
    },
    predictProba: task === 'regression' ? undefined : predictProba,
    info: {
      rounds: trees.length, roundsRun: state.roundsRun, trees: trees.length * baseline.length,
      trainLoss: state.trainLoss, validationLoss: state.validationLoss,
    },
    toJSON: () => json,
  };
}

/** Raw scores, row-major X.rows × outputs. */
function predictRaw(trees: BoostedTree[][], baseline: Float64Array, X: FeatureMatrix, cols: number): Float64Array {
  checkPredictShape(KIND, X, cols);
  const K = baseline.length;
  const raw = new Float64Array(X.rows * K);
  for (let i = 0; i < X.rows; i++) {
    const offset = i * cols;
    for (let k = 0; k < K; k++) {
      let sum = baseline[k];
      for (const round of trees) sum += round[k].value[findLeafRaw(round[k], X.values, offset)];
      raw[i * K + k] = sum;
    }
  }
  return raw;
}

function toProbabilities(raw: Float64Array, task: Task, rows: number, K: number): Float64Array {
  if (task === 'binary') {
    const out = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]));
      out[i * 2] = 1 - p;
      out[i * 2 + 1] = p;
    }
    return out;
  }
  const out = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += out[i * K + k] = Math.exp(raw[i * K + k] - max);
    for (let k = 0; k < K; k++) out[i * K + k] /= sum;
  }
  return out;
}

/** Index of the largest entry per row (first on ties, as numpy's argmax). */
export function argmaxRows(probabilities: Float64Array, rows: number, K: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (probabilities[i * K + k] > probabilities[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}
