// One run's part of an ONNX graph: its fitted pipeline from the raw input tensors, its features concatenated in the
// run's order, then its model. A single run's graph is this once; an ensemble's is this once per member.

import { ExportError } from '../../errors';
import type { SerializedModel } from '../../models/types';
import type { FittedPipeline } from '../../transform/fitted-types';
import type { InputContract } from '../input-contract';
import { exportPipeline, toFeatureTensor } from './export-pipeline';
import type { OnnxGraphBuilder } from './graph-builder';
import { addModel, type OnnxModelInfo, type OnnxModelOutputs } from './models';

/** What of a run the graph needs: its fitted pipeline, feature names and model JSON. */
export interface GraphRun {
  readonly pipeline: FittedPipeline;
  readonly featureNames: readonly string[];
  readonly model: SerializedModel;
}

/** Adds `run`'s pipeline and model reading the raw `inputs` (column name → tensor, as the contract lists them); its outputs by name. */
export function addRunGraph(builder: OnnxGraphBuilder, run: GraphRun, inputs: ReadonlyMap<string, string>, contract: InputContract, info: OnnxModelInfo): OnnxModelOutputs {
  const columns = exportPipeline(builder, run.pipeline, inputs, contract);
  const featureTensors = run.featureNames.map((name) => {
    const column = columns.get(name);
    if (!column) throw new ExportError(`The run's feature "${name}" is not among the pipeline's outputs in the ONNX graph; retrain the run before exporting it.`);
    const raw = contract.columns.find((c) => c.name === name);
    return toFeatureTensor(builder, column, raw?.kind === 'categorical' ? raw.levels : null);
  });
  const [features] = builder.node('Concat', featureTensors, ['features'], { axis: { i: 1 } });
  return addModel(builder, run.model, features, info);
}
