// Naive Bayes over mixed features: the joint log-likelihood log P(c) + Σ Gaussian log densities of the numeric
// features + Σ smoothed log probabilities of the categorical codes (a code the training rows never had — or a
// missing one — takes the family's "unseen" row); the label is its argmax, the probabilities its softmax.

import type { SerializedModel } from '../../../models/types';
import { toOnnxDataType, type OnnxGraphBuilder } from '../graph-builder';
import { addClassifierOutputs, addDoubles, addInt64s, readClasses, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';

interface NaiveBayesState {
  logPriors: number[];
  gaussian: { feature: number; means: number[]; variances: number[] }[];
  categorical: { feature: number; categories: number; logProbabilities: number[]; unseenLogProbabilities: number[] }[];
}

/** naive_bayes (binary and multiclass). */
export function addNaiveBayesModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const classes = readClasses(model.kind, info);
  const state = model.state as NaiveBayesState;
  const k = state.logPriors.length;
  // Everything that does not depend on x: log P(c) − Σ_g ½·log(2π·v_gc).
  const constant = state.logPriors.map((prior, c) => state.gaussian.reduce((sum, g) => sum - 0.5 * Math.log(2 * Math.PI * g.variances[c]), prior));
  let joint = addDoubles(builder, 'naive_bayes_constant', [1, k], constant);
  if (state.gaussian.length > 0) joint = builder.node('Add', [joint, addGaussianTerms(builder, features, state.gaussian, k)], ['joint_gaussian'])[0];
  for (const feature of state.categorical) joint = builder.node('Add', [joint, addCategoricalTerm(builder, features, feature, k)], ['joint_categorical'])[0];
  const [probabilities] = builder.node('Softmax', [joint], ['probabilities'], { axis: { i: 1 } });
  return addClassifierOutputs(builder, probabilities, classes, joint);
}

/** −Σ_g (x_g − m_gc)² / (2·v_gc), [N, C]. */
function addGaussianTerms(builder: OnnxGraphBuilder, features: string, gaussian: NaiveBayesState['gaussian'], k: number): string {
  const count = gaussian.length;
  const [selected] = builder.node('Gather', [features, addInt64s(builder, 'gaussian_features', [count], gaussian.map((g) => g.feature))], ['gaussian_x'], { axis: { i: 1 } });
  const [x] = builder.node('Unsqueeze', [selected, addInt64s(builder, 'axis_2', [1], [2])], ['gaussian_x_3d']);
  const means = gaussian.flatMap((g) => g.means);
  const halfInverseVariances = gaussian.flatMap((g) => g.variances.map((v) => -1 / (2 * v)));
  const [difference] = builder.node('Sub', [x, addDoubles(builder, 'gaussian_means', [1, count, k], means)], ['gaussian_difference']);
  const [squared] = builder.node('Mul', [difference, difference], ['gaussian_squared']);
  const [scaled] = builder.node('Mul', [squared, addDoubles(builder, 'gaussian_scale', [1, count, k], halfInverseVariances)], ['gaussian_terms']);
  return builder.node('ReduceSum', [scaled, addInt64s(builder, 'axis_1', [1], [1])], ['gaussian_sum'], { keepdims: { i: 0 } })[0];
}

/** log P(code | c) [N, C]: a table lookup, row `categories` being the unseen-code row. */
function addCategoricalTerm(builder: OnnxGraphBuilder, features: string, feature: NaiveBayesState['categorical'][number], k: number): string {
  const { categories } = feature;
  const [code] = builder.node('Gather', [features, addInt64s(builder, 'category_feature', [], [feature.feature])], ['category_code'], { axis: { i: 1 } });
  // A code in [0, categories) reads its row; anything else (NaN, negative, too large) the unseen row.
  const [atLeastZero] = builder.node('GreaterOrEqual', [code, addDoubles(builder, 'zero', [], [0])], ['code_at_least_zero']);
  const [belowCount] = builder.node('Less', [code, addDoubles(builder, 'category_count', [], [categories])], ['code_below_count']);
  const [known] = builder.node('And', [atLeastZero, belowCount], ['code_known']);
  const [row] = builder.node('Where', [known, code, addDoubles(builder, 'unseen_row', [], [categories])], ['category_row']);
  const [index] = builder.node('Cast', [row], ['category_index'], { to: { i: toOnnxDataType('int64') } });
  // Stored class-major ([C, categories]); the lookup wants category-major rows, the unseen row last.
  const table = new Float64Array((categories + 1) * k);
  for (let c = 0; c < k; c++) {
    for (let code = 0; code < categories; code++) table[code * k + c] = feature.logProbabilities[c * categories + code];
    table[categories * k + c] = feature.unseenLogProbabilities[c];
  }
  return builder.node('Gather', [addDoubles(builder, 'category_log_probabilities', [categories + 1, k], table), index], ['category_term'], { axis: { i: 0 } })[0];
}
