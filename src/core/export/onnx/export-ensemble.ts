// An ensemble run as one ONNX graph: every member's pipeline and model read the same raw input tensors, and their
// outputs are blended as predict-ensemble blends them — the weighted sum of class probabilities (label: the argmax,
// first on ties) or of values.

import { ExportError } from '../../errors';
import { readEnsembleState } from '../../models/ensemble/ensemble-model';
import type { SerializedModel } from '../../models/types';
import type { InputContract } from '../input-contract';
import { addRunGraph } from './add-run-graph';
import type { OnnxGraphBuilder } from './graph-builder';
import { addClassifierOutputs, addDoubles, describePrediction, type OnnxModelInfo, type OnnxModelOutputs } from './models/model-outputs';

/**
 * Adds ensemble `model`'s members and their weighted blend. Members whose filter steps differ would score different
 * rows (the studio blends the rows all keep; a graph cannot line them up): an ExportError says so.
 */
export function addEnsembleGraph(builder: OnnxGraphBuilder, model: SerializedModel, inputs: ReadonlyMap<string, string>, contract: InputContract, info: OnnxModelInfo): OnnxModelOutputs {
  const { members } = readEnsembleState(model);
  const filters = members.map((m) => JSON.stringify(m.pipeline.steps.filter((s) => s.spec.kind === 'filter').map((s) => s.spec)));
  if (filters.some((f) => f !== filters[0])) {
    throw new ExportError('The ensemble\'s members filter rows differently, so their predictions cannot be lined up in one ONNX graph; give them the same filter steps (one Prepare cell) and build the ensemble again.');
  }
  const output = info.task === 'regression' ? 'prediction' : 'probabilities';
  const weighted = members.map((member, m) => {
    const outputs = addRunGraph(builder, member, inputs, contract, info);
    const tensor = outputs[output]?.tensor;
    if (!tensor) throw new ExportError(`Ensemble member ${m + 1} (${member.model.kind}) gives no ${output} in ONNX; an ensemble blends ${output}.`);
    return builder.node('Mul', [tensor, addDoubles(builder, `member${m}_weight`, [1], [member.weight])], [`member${m}_weighted`])[0];
  });
  const [blended] = builder.node('Sum', weighted, [info.task === 'regression' ? 'blended_prediction' : 'blended_probabilities']);
  if (info.task === 'regression') return describePrediction(blended);
  if (!info.classes) throw new ExportError('The ensemble run has no class labels to export; build it again.');
  return addClassifierOutputs(builder, blended, info.classes);
}
