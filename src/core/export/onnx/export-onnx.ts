// A trained run as ONE ONNX graph: one input per raw column of its input contract (named as the column, [N, 1]),
// the fitted pipeline's nodes, the features concatenated in the run's order, then the model and its outputs (an
// ensemble: every member's pipeline and model on the same inputs, blended).

import { ExportError } from '../../errors';
import type { TrainedRun } from '../../train/types';
import { STUDIO_VERSION } from '../../version';
import type { InputContract } from '../input-contract';
import { isEnsembleModel } from '../../models/ensemble/ensemble-model';
import { addRunGraph } from './add-run-graph';
import { addEnsembleGraph } from './export-ensemble';
import { OnnxGraphBuilder, ONNX_ML_OPSET, ONNX_OPSET, type OnnxElementType } from './graph-builder';
import { elementTypeOf } from './steps/step-exporter';

export interface OnnxExport {
  bytes: Uint8Array;
  opset: number;
  mlOpset: number;
  inputs: { name: string; type: OnnxElementType }[];
  outputs: { name: string; type: OnnxElementType; shape: (number | string)[] }[];
}

/** Every name a model output may take; a raw column of the same name would clash with it. */
const OUTPUT_NAMES = ['label', 'probabilities', 'prediction', 'distances', 'projection'];

/**
 * The ONNX model of `run` scored on raw columns as `contract` describes them: numbers, datetimes (epoch ms) and
 * booleans (0/1) as double [N, 1] with NaN missing, categories and text as string [N, 1] with "" missing. Throws an
 * ExportError naming the step, family or column that has no faithful ONNX form.
 */
export function exportOnnx(run: TrainedRun, contract: InputContract): OnnxExport {
  const clash = contract.columns.find((column) => OUTPUT_NAMES.includes(column.name));
  if (clash) throw new ExportError(`The input column "${clash.name}" has the name of an ONNX output (${OUTPUT_NAMES.join(', ')}); rename the column in the Data cell and retrain to export this run.`);
  const builder = new OnnxGraphBuilder(`ml_studio_${run.family}`);
  OUTPUT_NAMES.forEach((name) => builder.reserve(name));
  const inputs = contract.columns.map((column) => ({ name: column.name, type: elementTypeOf(column.kind) as OnnxElementType }));
  const tensors = new Map(inputs.map((input) => [input.name, builder.addInput(input.name, input.type, ['N', 1])]));
  const info = { task: run.task, classes: run.classes ?? null };
  const modelOutputs = isEnsembleModel(run.model) ? addEnsembleGraph(builder, run.model, tensors, contract, info) : addRunGraph(builder, run, tensors, contract, info);
  const outputs = Object.entries(modelOutputs).map(([name, output]) => {
    builder.output(output.tensor, name, output.type, output.shape);
    return { name, type: output.type, shape: [...output.shape] };
  });
  const bytes = builder.toBytes({ producerVersion: STUDIO_VERSION, docString: `ML Studio run "${run.label}" (${run.family}, ${run.task})` });
  return { bytes, opset: ONNX_OPSET, mlOpset: ONNX_ML_OPSET, inputs, outputs };
}
