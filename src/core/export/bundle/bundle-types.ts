// The deployable bundle's shapes: what the assembler is given (the run, its contract, the ONNX result, the runtime
// scripts) and the manifest that lists and hashes every file.

import type { Task } from '../../models/types';
import type { TrainedRun } from '../../train/types';
import type { InputContract } from '../input-contract';

export const BUNDLE_FORMAT_VERSION = 1;

/** ONNX element types as the graph declares them (onnx/graph-builder.ts). */
export type OnnxTensorType = 'float' | 'double' | 'int64' | 'string' | 'bool' | 'uint8';

/** exportOnnx's result (onnx/export-onnx.ts), or why the run has no ONNX form. Inputs are [N, 1] per raw column. */
export type OnnxResult =
  | {
      bytes: Uint8Array;
      opset: number;
      mlOpset: number;
      inputs: { name: string; type: OnnxTensorType }[];
      outputs: { name: string; type: OnnxTensorType; shape: (number | string)[] }[];
    }
  | { error: string };

/** The three runtime scripts, built from src/export-runtime (one source each). */
export type ExportRuntime = Record<'predict.mjs' | 'serve.mjs' | 'score.mjs', string>;

export interface BundleInput {
  run: TrainedRun;
  contract: InputContract;
  /** The bundle's name (Triton model name and folder; made safe: letters, digits, '-' and '_'). */
  name: string;
  onnx: OnnxResult;
  runtime: ExportRuntime;
  /** Epoch ms. */
  exportedAt: number;
  studioVersion: string;
}

/** The run as the bundle keeps it besides model.json, pipeline.json and schema.json (the curve is left out). */
export type BundledRun = Omit<TrainedRun, 'model' | 'pipeline' | 'inputContract' | 'curve'>;

export interface BundleFile {
  path: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** manifest.json: what the bundle is and every other file with its size and SHA-256. */
export interface BundleManifest {
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  name: string;
  runId: string;
  family: string;
  label: string;
  task: Task;
  target: string | null;
  classes: string[] | null;
  /** ISO 8601. */
  exportedAt: string;
  studioVersion: string;
  onnx:
    | { included: true; opset: number; mlOpset: number; inputs: { name: string; type: OnnxTensorType }[]; outputs: { name: string; type: OnnxTensorType; shape: (number | string)[] }[] }
    | { included: false; reason: string };
  files: BundleFile[];
  run: BundledRun;
}
