// A trained run packaged as a deployable bundle: the whole pipeline as one ONNX graph (when every step and the
// family have a faithful form; otherwise the reason is a note and every other file still ships), the runtime
// scripts, configs, contract, metrics and card — zipped. The caller brings the runtime scripts (built from core).

import { ExportError } from '../errors';
import type { TrainedRun } from '../train/types';
import { assembleBundle, zipBundle, type BundleManifest, type ExportRuntime } from './assemble-bundle';
import { exportOnnx } from './onnx/export-onnx';
import { isEnsembleModel, readEnsembleState } from '../models/ensemble/ensemble-model';

export interface PackagedRun {
  readonly zip: Uint8Array;
  readonly manifest: BundleManifest;
  readonly notes: string[];
}

/** `run` as the zip of a bundle named `name`; a run without an input contract cannot be packaged (retrain it). */
export function packageRun(run: TrainedRun, name: string, runtime: ExportRuntime, studioVersion: string, exportedAt: number): PackagedRun {
  const contract = run.inputContract;
  if (!contract) throw new ExportError(`The run "${run.label}" was trained before ML Studio recorded the columns a run reads; train it again to export it.`);
  let onnx: Parameters<typeof assembleBundle>[0]['onnx'];
  try {
    onnx = exportOnnx(run, contract);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    onnx = { error: error.message };
  }
  const { files, manifest, notes } = assembleBundle({ run, contract, name, onnx, runtime, exportedAt, studioVersion });
  return { zip: zipBundle(files), manifest, notes: [...notes, ...describeEnsembleLimits(run)] };
}

/** An ensemble with a neural network member: the JavaScript scripts cannot run it (TensorFlow.js is not bundled). */
function describeEnsembleLimits(run: TrainedRun): string[] {
  if (!isEnsembleModel(run.model)) return [];
  const neural = readEnsembleState(run.model).members.some((m) => m.model.kind === 'neural_network');
  return neural ? ['predict.mjs, serve.mjs and score.mjs cannot run this ensemble: one of its members is a neural network (TensorFlow.js is not bundled); run model.onnx with ONNX Runtime, Triton or KServe.'] : [];
}
