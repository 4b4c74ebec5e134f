// The unsupervised families: k-means (label = nearest centre's index, the first on ties; distances = Euclidean
// distance to every centre, as sklearn's transform) and PCA (the kept components' scores of the centred rows).

import type { SerializedModel } from '../../../models/types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { addDoubles, addInt64s, type OnnxModelOutputs } from './model-outputs';

interface KmeansState {
  centers: number[];
}

interface PcaState {
  means: number[];
  /** Row-major components × features. */
  components: number[];
  explainedVariance: number[];
}

/** kmeans: `label` int64 [N] and `distances` double [N, k]. */
export function addKmeansModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string): OnnxModelOutputs {
  const { centers } = model.state as KmeansState;
  const cols = model.featureNames.length;
  const k = centers.length / cols;
  const [rows] = builder.node('Unsqueeze', [features, addInt64s(builder, 'axis_1', [1], [1])], ['rows_3d']);
  const [difference] = builder.node('Sub', [rows, addDoubles(builder, 'centers', [1, k, cols], centers)], ['center_differences']);
  const [squared] = builder.node('Mul', [difference, difference], ['center_squared']);
  const [reduced] = builder.node('ReduceSum', [squared, addInt64s(builder, 'axis_2', [1], [2])], ['squared_distances'], { keepdims: { i: 0 } });
  const [label] = builder.node('ArgMin', [reduced], ['cluster'], { axis: { i: 1 }, keepdims: { i: 0 }, select_last_index: { i: 0 } });
  const [distances] = builder.node('Sqrt', [reduced], ['distances']);
  return {
    label: { tensor: label, type: 'int64', shape: ['N'] },
    distances: { tensor: distances, type: 'double', shape: ['N', k] },
  };
}

/** pca: `projection` double [N, components] = (X − means)·componentsᵀ. */
export function addPcaModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string): OnnxModelOutputs {
  const { means, components, explainedVariance } = model.state as PcaState;
  const p = means.length;
  const kept = explainedVariance.length;
  const transposed = new Float64Array(p * kept);
  for (let c = 0; c < kept; c++) for (let j = 0; j < p; j++) transposed[j * kept + c] = components[c * p + j];
  const [centred] = builder.node('Sub', [features, addDoubles(builder, 'pca_means', [1, p], means)], ['centred']);
  const [projection] = builder.node('MatMul', [centred, addDoubles(builder, 'pca_components', [p, kept], transposed)], ['projection']);
  return { projection: { tensor: projection, type: 'double', shape: ['N', kept] } };
}
