// k-nearest neighbours: distances to every stored training row (broadcast differences, so no cancellation),
// TopK smallest (ties to the lower training row, as the studio's search), then uniform or inverse-distance weights
// where zero-distance neighbours take all the weight; classes vote, regression averages.

import { ExportError } from '../../../errors';
import type { SerializedModel } from '../../../models/types';
import { toOnnxDataType, type OnnxGraphBuilder } from '../graph-builder';
import { addClassifierOutputs, addDoubles, addInt64s, describePrediction, readClasses, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';

interface KnnState {
  /** Training rows, row-major. */
  X: number[];
  y: number[];
}

/** knn (classification and regression): the stored training rows become constants of the graph. */
export function addKnnModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const { X, y } = model.state as KnnState;
  const k = model.params.k as number;
  const cols = model.featureNames.length;
  const rows = y.length;
  if (k > rows) throw new ExportError(`The knn run has k = ${k} but stores only ${rows} training rows; retrain it.`);
  const [neighbours, indices] = addNearest(builder, features, X, rows, cols, k, model.params.metric === 'manhattan');
  const weights = addNeighbourWeights(builder, neighbours, model.params.weights === 'distance');
  const axis1 = addInt64s(builder, 'axis_1', [1], [1]);
  const [total] = builder.node('ReduceSum', [weights, axis1], ['neighbour_weight_total'], { keepdims: { i: 1 } });
  if (info.task === 'regression') {
    const [targets] = builder.node('Gather', [addDoubles(builder, 'knn_targets', [rows], y), indices], ['neighbour_targets']);
    const [weighted] = builder.node('Mul', [targets, weights], ['weighted_targets']);
    const [sum] = builder.node('ReduceSum', [weighted, axis1], ['weighted_target_sum'], { keepdims: { i: 1 } });
    return describePrediction(builder.node('Div', [sum, total], ['prediction'])[0]);
  }
  const classes = readClasses(model.kind, info);
  // One-hot classes of the training rows [rows, C]; votes = Σ over neighbours of weight × one-hot.
  const oneHot = new Float64Array(rows * classes.length);
  y.forEach((c, r) => (oneHot[r * classes.length + c] = 1));
  const [votesPerNeighbour] = builder.node('Gather', [addDoubles(builder, 'knn_class_one_hot', [rows, classes.length], oneHot), indices], ['neighbour_classes']);
  const [expanded] = builder.node('Unsqueeze', [weights, addInt64s(builder, 'axis_2', [1], [2])], ['neighbour_weights_3d']);
  const [weighted] = builder.node('Mul', [votesPerNeighbour, expanded], ['weighted_votes']);
  const [votes] = builder.node('ReduceSum', [weighted, axis1], ['votes'], { keepdims: { i: 0 } });
  const [probabilities] = builder.node('Div', [votes, total], ['probabilities']);
  return addClassifierOutputs(builder, probabilities, classes);
}

/** The k nearest training rows per query: true distances [N, k] (nearest first) and their row indices [N, k]. */
function addNearest(builder: OnnxGraphBuilder, features: string, X: readonly number[], rows: number, cols: number, k: number, manhattan: boolean): [string, string] {
  const [queries] = builder.node('Unsqueeze', [features, addInt64s(builder, 'axis_1', [1], [1])], ['queries_3d']);
  const [differences] = builder.node('Sub', [queries, addDoubles(builder, 'knn_training_rows', [1, rows, cols], X)], ['differences']);
  const [terms] = manhattan ? builder.node('Abs', [differences], ['abs_differences']) : builder.node('Mul', [differences, differences], ['squared_differences']);
  const [reduced] = builder.node('ReduceSum', [terms, addInt64s(builder, 'axis_2', [1], [2])], ['reduced_distances'], { keepdims: { i: 0 } });
  // TopK on the reduced distances (as the studio ranks them), smallest first, ties to the lower index.
  const [nearest, indices] = builder.node('TopK', [reduced, addInt64s(builder, 'k', [1], [k])], ['nearest_reduced', 'nearest_rows'], { axis: { i: 1 }, largest: { i: 0 }, sorted: { i: 1 } });
  const distances = manhattan ? nearest : builder.node('Sqrt', [nearest], ['nearest_distances'])[0];
  return [distances, indices];
}

/** Per neighbour: 1 (uniform), or 1 / distance — unless a neighbour is at distance 0, then those take weight 1, others 0. */
function addNeighbourWeights(builder: OnnxGraphBuilder, distances: string, byDistance: boolean): string {
  if (!byDistance) {
    const [shape] = builder.node('Shape', [distances], ['neighbour_shape']);
    return builder.node('ConstantOfShape', [shape], ['neighbour_weights'], { value: { t: { type: 'double', dims: [1], values: [1] } } })[0];
  }
  const [isZero] = builder.node('Equal', [distances, addDoubles(builder, 'zero', [1, 1], [0])], ['is_zero_distance']);
  const [zeroWeights] = builder.node('Cast', [isZero], ['zero_distance_weights'], { to: { i: toOnnxDataType('double') } });
  const [hasZero] = builder.node('ReduceMax', [zeroWeights, addInt64s(builder, 'axis_1', [1], [1])], ['has_zero_distance'], { keepdims: { i: 1 } });
  const [hasZeroFlag] = builder.node('Cast', [hasZero], ['has_zero_flag'], { to: { i: toOnnxDataType('bool') } });
  const [inverse] = builder.node('Reciprocal', [distances], ['inverse_distances']);
  return builder.node('Where', [hasZeroFlag, zeroWeights, inverse], ['neighbour_weights'])[0];
}
