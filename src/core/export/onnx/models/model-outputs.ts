// What a model converter hands back (the graph outputs it computed) and the small graph pieces every converter
// shares: constants, a row count taken from the features, and the classifier's label picked from its scores.

import { ExportError } from '../../../errors';
import type { SerializedModel, Task } from '../../../models/types';
import type { OnnxElementType, OnnxGraphBuilder } from '../graph-builder';

/** One output a model computed: the tensor, its element type and shape ("N" = rows). */
export interface OnnxModelOutput {
  readonly tensor: string;
  readonly type: OnnxElementType;
  readonly shape: readonly (number | string)[];
}

/**
 * By graph output name: classifiers `label` (string [N]) and `probabilities` (double [N, C], run.classes order);
 * regression `prediction` (double [N, 1]); k-means `label` (int64 [N]) and `distances` (double [N, k]); PCA
 * `projection` (double [N, components]).
 */
export type OnnxModelOutputs = Readonly<Record<string, OnnxModelOutput>>;

/** What a converter needs besides the model: the run's task and class labels in index order (null unless classifying). */
export interface OnnxModelInfo {
  readonly task: Task;
  readonly classes: readonly string[] | null;
}

/** A family's converter: `model` is the run's SerializedModel, `features` the [N, F] double matrix in its feature order. */
export type AddModel = (builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo) => OnnxModelOutputs;

/** A double constant of the given dims (row-major values). */
export function addDoubles(builder: OnnxGraphBuilder, hint: string, dims: readonly number[], values: ArrayLike<number>): string {
  return builder.constant(hint, { type: 'double', dims, values });
}

/** An int64 constant of the given dims. */
export function addInt64s(builder: OnnxGraphBuilder, hint: string, dims: readonly number[], values: readonly number[]): string {
  return builder.constant(hint, { type: 'int64', dims, values });
}

/** The [1, C] row `row` repeated for every row of `features` ([N, C] double). */
export function repeatRow(builder: OnnxGraphBuilder, hint: string, features: string, row: readonly number[]): string {
  const constant = addDoubles(builder, `${hint}_row`, [1, row.length], row);
  const [rows] = builder.node('Shape', [features], [`${hint}_rows`], { start: { i: 0 }, end: { i: 1 } });
  const [shape] = builder.node('Concat', [rows, addInt64s(builder, `${hint}_width`, [1], [row.length])], [`${hint}_shape`], { axis: { i: 0 } });
  return builder.node('Expand', [constant, shape], [hint])[0];
}

/**
 * The classifier's outputs from `probabilities` [N, C]: `label` is the class of the largest of `scores` (default the
 * probabilities) per row, the first on ties as every family's argmax; `probabilities` as they are.
 */
export function addClassifierOutputs(builder: OnnxGraphBuilder, probabilities: string, classes: readonly string[], scores = probabilities): OnnxModelOutputs {
  const [index] = builder.node('ArgMax', [scores], ['class_index'], { axis: { i: 1 }, keepdims: { i: 0 }, select_last_index: { i: 0 } });
  const labels = builder.constant('class_labels', { type: 'string', dims: [classes.length], values: classes });
  const [label] = builder.node('Gather', [labels, index], ['class_label'], { axis: { i: 0 } });
  return {
    label: { tensor: label, type: 'string', shape: ['N'] },
    probabilities: { tensor: probabilities, type: 'double', shape: ['N', classes.length] },
  };
}

/** Binary probabilities [1 − p, p] ([N, 2]) from p [N, 1], as the studio writes them. */
export function addBinaryProbabilities(builder: OnnxGraphBuilder, positive: string): string {
  const [negative] = builder.node('Sub', [addDoubles(builder, 'one', [1, 1], [1]), positive], ['negative_proba']);
  return builder.node('Concat', [negative, positive], ['probabilities'], { axis: { i: 1 } })[0];
}

/** The regression output from a [N, 1] double tensor. */
export function describePrediction(prediction: string): OnnxModelOutputs {
  return { prediction: { tensor: prediction, type: 'double', shape: ['N', 1] } };
}

/** The class labels a classifier converter needs, or an error naming the family when the run has none. */
export function readClasses(kind: string, info: OnnxModelInfo): readonly string[] {
  if (!info.classes || info.classes.length === 0) throw new ExportError(`The ${kind} run has no class labels to export; retrain it.`);
  return info.classes;
}
