// The constant baselines: most_frequent and class_prior (the same class shares in every row; most_frequent puts all
// the probability on the most frequent class) and mean / median (one number for every row).

import type { SerializedModel } from '../../../models/types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { addClassifierOutputs, describePrediction, readClasses, repeatRow, type OnnxModelInfo, type OnnxModelOutputs } from './model-outputs';

interface ConstantState {
  values: number[];
}

/** most_frequent / class_prior / mean / median: the stored statistic repeated for every row of `features`. */
export function addBaselineModel(builder: OnnxGraphBuilder, model: SerializedModel, features: string, info: OnnxModelInfo): OnnxModelOutputs {
  const { values } = model.state as ConstantState;
  if (info.task === 'regression') return describePrediction(repeatRow(builder, 'prediction', features, [values[0]]));
  const classes = readClasses(model.kind, info);
  // The studio's indexOf(max): the first class with the largest share.
  const best = values.indexOf(Math.max(...values));
  const row = model.kind === 'most_frequent' ? values.map((_, c) => (c === best ? 1 : 0)) : values;
  // Scores are the shares themselves, so a most_frequent tie still picks the studio's first largest share.
  const probabilities = repeatRow(builder, 'probabilities', features, row);
  return addClassifierOutputs(builder, probabilities, classes, repeatRow(builder, 'shares', features, values));
}
