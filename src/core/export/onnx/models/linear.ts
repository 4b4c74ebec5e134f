// Linear models: linear regression (intercept + X·w) and logistic regression (binary: one sigmoid, [1 − p, p];
// multiclass: multinomial softmax over one score per class), as the studio's predict / predictProba compute them.

import type { SerializedModel } from '../../../models/types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { addBinaryProbabilities, addClassifierOutputs, addDoubles, describePrediction, readClasses, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';

interface LinearState {
  coefficients: number[];
  intercept: number;
}

interface LogisticState {
  /** Per output (1 for binary, one per class otherwise): [w₀ … w_{p−1}, bias]. */
  params: number[];
  outputs: number;
}

/** linear_regression: prediction = X·w + intercept, [N, 1] double. */
export function addLinearRegressionModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string): OnnxModelOutputs {
  const { coefficients, intercept } = model.state as LinearState;
  const weights = addDoubles(builder, 'coefficients', [coefficients.length, 1], coefficients);
  const [product] = builder.node('MatMul', [features, weights], ['linear_product']);
  const [prediction] = builder.node('Add', [product, addDoubles(builder, 'intercept', [1, 1], [intercept])], ['prediction']);
  return describePrediction(prediction);
}

/** logistic_regression: scores X·Wᵀ + b, then sigmoid (binary) or softmax (multiclass). */
export function addLogisticRegressionModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const classes = readClasses(model.kind, info);
  const { params, outputs } = model.state as LogisticState;
  const p = params.length / outputs - 1;
  // Kernel [p, outputs]: column k holds output k's weights.
  const kernel = new Float64Array(p * outputs);
  const biases = new Float64Array(outputs);
  for (let k = 0; k < outputs; k++) {
    for (let j = 0; j < p; j++) kernel[j * outputs + k] = params[k * (p + 1) + j];
    biases[k] = params[k * (p + 1) + p];
  }
  const [product] = builder.node('MatMul', [features, addDoubles(builder, 'logistic_kernel', [p, outputs], kernel)], ['logistic_product']);
  const [scores] = builder.node('Add', [product, addDoubles(builder, 'logistic_bias', [1, outputs], biases)], ['logistic_scores']);
  if (outputs === 1) {
    const [positive] = builder.node('Sigmoid', [scores], ['positive_proba']);
    return addClassifierOutputs(builder, addBinaryProbabilities(builder, positive), classes);
  }
  const [probabilities] = builder.node('Softmax', [scores], ['probabilities'], { axis: { i: 1 } });
  return addClassifierOutputs(builder, probabilities, classes);
}
