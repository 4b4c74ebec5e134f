// The model converters by family kind: one line per family, as the model registry lists them.

import { ExportError } from '../../../errors';
import type { SerializedModel } from '../../../models/types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { addBaselineModel } from './baselines';
import { addKmeansModel, addPcaModel } from './clustering';
import { addKnnModel } from './knn';
import { addLinearRegressionModel, addLogisticRegressionModel } from './linear';
import type { AddModel, OnnxModelInfo, OnnxModelOutputs } from './model-outputs';
import { addNaiveBayesModel } from './naive-bayes';
import { addNeuralNetworkModel } from './neural-network';
import { addCartEnsembleModel, addGradientBoostingModel } from './trees';

export type { OnnxModelInfo, OnnxModelOutput, OnnxModelOutputs } from './model-outputs';

const CONVERTERS: Readonly<Record<string, AddModel>> = {
  most_frequent: addBaselineModel,
  class_prior: addBaselineModel,
  mean: addBaselineModel,
  median: addBaselineModel,
  linear_regression: addLinearRegressionModel,
  logistic_regression: addLogisticRegressionModel,
  knn: addKnnModel,
  naive_bayes: addNaiveBayesModel,
  kmeans: addKmeansModel,
  pca: addPcaModel,
  decision_tree: addCartEnsembleModel,
  random_forest: addCartEnsembleModel,
  gradient_boosting: addGradientBoostingModel,
  neural_network: addNeuralNetworkModel,
};

/** Families that have an ONNX form. */
export const ONNX_MODEL_KINDS: readonly string[] = Object.keys(CONVERTERS);

/** Adds `model`'s nodes reading `features` ([N, F] double, the model's feature order); an unknown family is an ExportError. */
export function addModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const convert = CONVERTERS[model.kind];
  if (!convert) throw new ExportError(`The model family "${model.kind}" has no ONNX export; export the run as a bundle instead, or train one of: ${ONNX_MODEL_KINDS.join(', ')}.`);
  return convert(builder, model, features, info);
}
