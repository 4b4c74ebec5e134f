// A trained run packaged as a deployable bundle: the whole pipeline as one ONNX graph (when every step and the
// family have a faithful form; otherwise the reason is a note and every other file still ships), the runtime
// scripts, configs, contract, metrics and card — zipped. The caller brings the runtime scripts (built from core).

import { ExportError } from '../errors';
import type { TrainedRun } from '../train/types';
import { assembleBundle, zipBundle, type BundleManifest, type ExportRuntime } from './assemble-bundle';
import { exportOnnx } from './onnx/export-onnx';

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
  return { zip: zipBundle(files), manifest, notes };
}
