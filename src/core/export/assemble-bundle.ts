// Assembles a run's deployable bundle: model.onnx (when the run has an ONNX form), the runtime scripts, the
// pipeline / model / contract JSON, tfjs/ for a neural network, metrics, model card, README, Triton / KServe / Docker
// files and a manifest that hashes every file. Zipping and reading a bundle back live in bundle/.

import { ExportError } from '../errors';
import type { InputContract } from './input-contract';
import type { BundleFile, BundleInput, BundleManifest, BundledRun } from './bundle/bundle-types';
import { BUNDLE_FORMAT_VERSION } from './bundle/bundle-types';
import { computeSha256Hex } from './bundle/sha256';
import { writeModelCard } from './bundle/write-model-card';
import { toSafeName, writeDockerfile, writeKserveYaml, writeReadme, writeTritonConfig } from './bundle/write-deploy-files';
import { TFJS_WEIGHTS_FILE, writeTfjsModel } from './bundle/write-tfjs-model';

export type { BundleFile, BundleInput, BundleManifest, BundledRun, ExportRuntime, OnnxResult, OnnxTensorType } from './bundle/bundle-types';
export { BUNDLE_FORMAT_VERSION } from './bundle/bundle-types';
export { readBundle } from './bundle/read-bundle';
export { zipBundle, zipBundleInChunks } from './bundle/zip-bundle';

const encoder = new TextEncoder();

/**
 * The contract as a bundle ships it: without the drift reference's sample of raw training values (the rows of the
 * user's data stay in the studio; a bundle imported back is monitored on its categories, counts and ranges only).
 */
export function stripTrainingSample(contract: InputContract): InputContract {
  return { ...contract, columns: contract.columns.map((column) => {
    if (!('reference' in column)) return column;
    const { reference: _reference, ...rest } = column;
    return rest;
  }) };
}

/**
 * Every file of the bundle (path → bytes, manifest.json last) with its manifest, and notes for the user (why there is
 * no model.onnx, when there is none). Deterministic: the same input gives the same bytes.
 */
export function assembleBundle(input: BundleInput): { files: Map<string, Uint8Array>; manifest: BundleManifest; notes: string[] } {
  const { run, contract, onnx, runtime } = input;
  const safeName = toSafeName(input.name);
  const notes: string[] = [];
  const files = new Map<string, Uint8Array>();
  const addText = (path: string, text: string) => files.set(path, encoder.encode(text));
  if ('error' in onnx) notes.push(`No model.onnx: ${onnx.error} The bundle's JavaScript scripts still run the model exactly as the studio does.`);
  else files.set('model.onnx', onnx.bytes);
  // The scripts leave TensorFlow.js out (export-runtime/build-runtime.ts): a neural network runs through model.onnx or tfjs/.
  if (run.family === 'neural_network') notes.push('predict.mjs, serve.mjs and score.mjs cannot run a neural network (TensorFlow.js is not bundled); run model.onnx with ONNX Runtime, Triton or KServe, or tfjs/model.json with TensorFlow.js.');
  addText('predict.mjs', runtime['predict.mjs']);
  addText('serve.mjs', runtime['serve.mjs']);
  addText('score.mjs', runtime['score.mjs']);
  addText('pipeline.json', JSON.stringify(run.pipeline));
  addText('model.json', JSON.stringify(run.model));
  const tfjsNotes = run.family === 'neural_network' ? addTfjsFiles(files, run, notes) : null;
  addText('schema.json', `${JSON.stringify(stripTrainingSample(contract), null, 2)}\n`);
  addText('metrics.json', `${JSON.stringify({ primaryMetric: run.primaryMetric, validation: run.metrics.validation, cv: run.metrics.cv }, null, 2)}\n`);
  addText('model-card.md', writeModelCard(input));
  addText('README.md', writeReadme(input, safeName, tfjsNotes));
  if (!('error' in onnx)) {
    addText(`triton/${safeName}/config.pbtxt`, writeTritonConfig(safeName, onnx));
    files.set(`triton/${safeName}/1/model.onnx`, onnx.bytes);
    addText('kserve.yaml', writeKserveYaml(safeName));
  }
  addText('Dockerfile', writeDockerfile());
  const listed: BundleFile[] = [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: computeSha256Hex(bytes) }));
  const manifest: BundleManifest = {
    formatVersion: BUNDLE_FORMAT_VERSION,
    name: input.name,
    runId: run.id,
    family: run.family,
    label: run.label,
    task: run.task,
    target: contract.target?.name ?? null,
    classes: run.classes ?? null,
    exportedAt: new Date(input.exportedAt).toISOString(),
    studioVersion: input.studioVersion,
    onnx: 'error' in onnx
      ? { included: false, reason: onnx.error }
      : { included: true, opset: onnx.opset, mlOpset: onnx.mlOpset, inputs: onnx.inputs, outputs: onnx.outputs },
    files: listed,
    run: summarizeForBundle(run),
  };
  addText('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, manifest, notes };
}

/** tfjs/model.json and its weights; the model's description for the README, or null (and a note) when it has none. */
function addTfjsFiles(files: Map<string, Uint8Array>, run: BundleInput['run'], notes: string[]): string[] | null {
  try {
    const tfjs = writeTfjsModel(run.model, run.featureNames.length, run.classes ?? null);
    files.set('tfjs/model.json', encoder.encode(tfjs.modelJson));
    files.set(`tfjs/${TFJS_WEIGHTS_FILE}`, tfjs.weights);
    return tfjs.notes;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    notes.push(`No TensorFlow.js files: ${error.message}`);
    return null;
  }
}

function summarizeForBundle(run: BundleInput['run']): BundledRun {
  const { model: _model, pipeline: _pipeline, inputContract: _contract, curve: _curve, ...summary } = run;
  return summary;
}
