import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { loadModel } from '../models/registry';
import { trainCandidate } from '../train/train-candidate';
import type { TrainedRun } from '../train/types';
import { assembleBundle, readBundle, stripTrainingSample, zipBundle, zipBundleInChunks, type BundleInput, type OnnxResult } from './assemble-bundle';
import type { InputContract } from './input-contract';

const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8]),
  categoricalColumn('colour', ['red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'green']),
  categoricalColumn('y', ['no', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes']),
);
const RUNTIME = { 'predict.mjs': 'export const p = 1;\n', 'serve.mjs': '// serve\n', 'score.mjs': '// score\n' };
const ONNX: OnnxResult = {
  bytes: Uint8Array.of(8, 7, 6), opset: 17, mlOpset: 3,
  inputs: [{ name: 'x', type: 'double' }, { name: 'colour', type: 'string' }],
  outputs: [{ name: 'label', type: 'string', shape: ['N'] }, { name: 'probabilities', type: 'double', shape: ['N', 2] }],
};

async function makeInput(onnx: OnnxResult = ONNX, family = 'logistic_regression', params: Record<string, number | string> = { C: 1 }): Promise<BundleInput> {
  const run = await trainCandidate(TABLE, { train: Uint32Array.of(0, 1, 2, 3, 4, 5), validation: Uint32Array.of(6, 7), folds: [] }, {
    id: 'run-7', family, params, seed: 3, steps: [], crossValidate: false,
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc'] },
  });
  return { run: { ...run, trainedAt: 0, durationMs: 0 }, contract: run.inputContract as InputContract, name: 'Churn model v1', onnx, runtime: RUNTIME, exportedAt: Date.UTC(2025, 0, 2), studioVersion: '0.9.0' };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('assembleBundle', () => {
  it('writes every file, with the manifest hashing each one', async () => {
    const input = await makeInput();
    const { files, manifest, notes } = assembleBundle(input);
    expect([...files.keys()]).toEqual([
      'model.onnx', 'predict.mjs', 'serve.mjs', 'score.mjs', 'pipeline.json', 'model.json', 'schema.json', 'metrics.json', 'model-card.md', 'README.md',
      'triton/Churn-model-v1/config.pbtxt', 'triton/Churn-model-v1/1/model.onnx', 'kserve.yaml', 'Dockerfile', 'manifest.json',
    ]);
    expect(notes).toEqual([]);
    expect(manifest.files).toEqual([...files].filter(([path]) => path !== 'manifest.json').map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) })));
    expect({ ...manifest, files: [], run: null }).toEqual({
      formatVersion: 1, name: 'Churn model v1', runId: 'run-7', family: 'logistic_regression', label: input.run.label, task: 'binary', target: 'y', classes: ['no', 'yes'],
      exportedAt: '2025-01-02T00:00:00.000Z', studioVersion: '0.9.0', files: [], run: null,
      onnx: { included: true, opset: 17, mlOpset: 3, inputs: ONNX.inputs, outputs: (ONNX as { outputs: unknown }).outputs },
    });
    expect(JSON.parse(strFromU8(files.get('manifest.json') as Uint8Array))).toEqual(manifest);
    // The contract without the drift reference's sample of raw training values: no training rows leave in a bundle.
    const schema = JSON.parse(strFromU8(files.get('schema.json') as Uint8Array)) as InputContract;
    expect(input.contract.columns.some((c) => 'reference' in c)).toBe(true);
    expect(schema.columns.some((c) => 'reference' in c)).toBe(false);
    expect(schema).toEqual(stripTrainingSample(input.contract));
    expect(JSON.parse(strFromU8(files.get('metrics.json') as Uint8Array))).toEqual({ primaryMetric: 'accuracy', validation: input.run.metrics.validation, cv: null });
    expect(strFromU8(files.get('predict.mjs') as Uint8Array)).toBe(RUNTIME['predict.mjs']);
  });

  it('writes a Triton config whose inputs and outputs match the graph\'s, and KServe and Docker files', async () => {
    const { files } = assembleBundle(await makeInput());
    expect(strFromU8(files.get('triton/Churn-model-v1/config.pbtxt') as Uint8Array)).toBe([
      'name: "Churn-model-v1"', 'backend: "onnxruntime"',
      '# Inputs are [N, 1] per raw column, so the batch is the first dim of every tensor: no Triton batching axis.', 'max_batch_size: 0',
      'input [', '  {\n    name: "x"\n    data_type: TYPE_FP64\n    dims: [ -1, 1 ]\n  },', '  {\n    name: "colour"\n    data_type: TYPE_STRING\n    dims: [ -1, 1 ]\n  }', ']',
      'output [', '  {\n    name: "label"\n    data_type: TYPE_STRING\n    dims: [ -1 ]\n  },', '  {\n    name: "probabilities"\n    data_type: TYPE_FP64\n    dims: [ -1, 2 ]\n  }', ']', '',
    ].join('\n'));
    const kserve = strFromU8(files.get('kserve.yaml') as Uint8Array);
    expect(kserve).toContain('kind: InferenceService');
    expect(kserve).toContain('  name: churn-model-v1\n');
    expect(kserve).toContain('        name: onnx\n');
    expect(strFromU8(files.get('Dockerfile') as Uint8Array)).toContain('FROM node:20-slim\n');
    expect(strFromU8(files.get('Dockerfile') as Uint8Array)).toContain('CMD ["node", "serve.mjs"]');
  });

  it('a model card with what it predicts, the family, the training size, the metrics and the input columns', async () => {
    const input = await makeInput();
    const card = strFromU8(assembleBundle(input).files.get('model-card.md') as Uint8Array);
    expect(card).toContain('Predicts "y", one of 2 classes: `no`, `yes` (binary classification).');
    expect(card).toContain('family `logistic_regression`, seed 3');
    expect(card).toContain('on 6 training rows');
    expect(card).toContain('| C | 1 |');
    expect(card).toContain(`| Accuracy (primary) | ${String(input.run.metrics.validation.accuracy?.value)} |`);
    expect(card).toContain('| x | numeric | 1 to 6 | 0 |');
    expect(card).toContain('| colour | categorical | red (3), blue (3), green (0) | 0 |');
  });

  it('without ONNX: no model.onnx, Triton or KServe files, and the reason in the manifest, README and notes', async () => {
    const { files, manifest, notes } = assembleBundle(await makeInput({ error: 'The step "derive" has no ONNX form yet.' }));
    expect([...files.keys()].filter((p) => p.includes('onnx') || p.startsWith('triton') || p === 'kserve.yaml')).toEqual([]);
    expect(manifest.onnx).toEqual({ included: false, reason: 'The step "derive" has no ONNX form yet.' });
    expect(notes).toEqual(['No model.onnx: The step "derive" has no ONNX form yet. The bundle\'s JavaScript scripts still run the model exactly as the studio does.']);
    expect(strFromU8(files.get('README.md') as Uint8Array)).toContain('This run has no ONNX model: The step "derive" has no ONNX form yet.');
  });
});

describe('zipBundle and readBundle', () => {
  it('round-trips: the zip holds every file, and reading it gives the run, contract and manifest back', async () => {
    const input = await makeInput();
    const { files, manifest } = assembleBundle(input);
    const zip = zipBundle(files);
    expect(Object.keys(unzipSync(zip))).toEqual([...files.keys()]);
    const read = readBundle(zip);
    const { curve: _curve, ...rest } = input.run;
    expect(read).toEqual({ run: { ...rest, curve: [], inputContract: stripTrainingSample(input.contract) }, contract: stripTrainingSample(input.contract), manifest });
  });

  it('the streamed zip has the same bytes as the one-call zip', async () => {
    const { files } = assembleBundle(await makeInput());
    const chunks: Uint8Array[] = [];
    let finals = 0;
    zipBundleInChunks(files, (chunk, final) => {
      chunks.push(chunk);
      if (final) finals++;
    });
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
    expect(finals).toBe(1);
    expect(Object.fromEntries(Object.entries(unzipSync(joined)).map(([p, b]) => [p, sha256(b)]))).toEqual(Object.fromEntries([...files].map(([p, b]) => [p, sha256(b)])));
    expect(readBundle(joined).manifest.runId).toBe('run-7');
  });

  it('refuses a corrupt zip, a zip without manifest, another format version, a missing or changed file', async () => {
    const { files, manifest } = assembleBundle(await makeInput());
    const entries = Object.fromEntries(files);
    const zipWith = (changes: Record<string, Uint8Array | null>) => {
      const next: Record<string, Uint8Array> = { ...entries };
      for (const [path, bytes] of Object.entries(changes)) if (bytes === null) delete next[path]; else next[path] = bytes;
      return zipSync(next);
    };
    expect(() => readBundle(strToU8('not a zip at all'))).toThrow(/^This file is not a readable zip/);
    expect(() => readBundle(zipBundle(files).subarray(0, 200))).toThrow(/not a readable zip/);
    expect(() => readBundle(zipWith({ 'manifest.json': null }))).toThrow('The zip has no manifest.json, so it is not an ML Studio bundle; choose the zip the Export cell made.');
    expect(() => readBundle(zipWith({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 2 })) })))
      .toThrow('The bundle\'s format version is 2; this ML Studio reads version 1. Export it again with this version.');
    expect(() => readBundle(zipWith({ 'model.json': null }))).toThrow('The bundle lists "model.json" but the zip does not hold it; the bundle is incomplete.');
    const changed = strToU8('{"formatVersion":1}');
    expect(() => readBundle(zipWith({ 'model.json': changed })))
      .toThrow(`"model.json" was changed after export: its SHA-256 is ${sha256(changed)}, the manifest says ${manifest.files.find((f) => f.path === 'model.json')?.sha256}.`);
    expect(() => readBundle(zipWith({ 'manifest.json': strToU8('{"files": 3') }))).toThrow(/^"manifest.json" in the bundle is not valid JSON/);
  });
});

describe('assembleBundle input', () => {
  it('keeps the run summary in the manifest without its model, pipeline, contract or curve', async () => {
    const input = await makeInput();
    const { manifest } = assembleBundle(input);
    const keys = Object.keys(manifest.run);
    expect(keys.filter((k) => ['model', 'pipeline', 'inputContract', 'curve'].includes(k))).toEqual([]);
    expect((manifest.run as Partial<TrainedRun>).featureNames).toEqual(input.run.featureNames);
  });
});

describe('assembleBundle for a neural network', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('adds tfjs/model.json and its weights, listed and hashed, that tf.loadLayersModel reads as the studio predicts', async () => {
    const input = await makeInput(ONNX, 'neural_network', { layers: 1, units: 4, epochs: 5 });
    const { files, manifest, notes } = assembleBundle(input);
    expect(manifest.files.filter((f) => f.path.startsWith('tfjs/'))).toEqual(['tfjs/model.json', 'tfjs/group1-shard1of1.bin'].map((path) => {
      const bytes = files.get(path) as Uint8Array;
      return { path, bytes: bytes.length, sha256: sha256(bytes) };
    }));
    expect(notes).toEqual(['predict.mjs, serve.mjs and score.mjs cannot run a neural network (TensorFlow.js is not bundled); run model.onnx with ONNX Runtime, Triton or KServe, or tfjs/model.json with TensorFlow.js.']);
    const readme = strFromU8(files.get('README.md') as Uint8Array);
    expect(readme).toContain('## TensorFlow.js');
    expect(readme).toContain(`tfjs/model.json takes a float32 tensor [N, ${input.run.featureNames.length}]: the pipeline's output features in the run's featureNames order`);
    expect(readme).toContain("tf.loadLayersModel(`file://${process.cwd()}/tfjs/model.json`)");
    // Loaded over "HTTP" from the bundle's files, as a page would: model.json names its weights file relative to itself.
    const fetchFunc = async (url: Parameters<typeof fetch>[0]) => new Response((files.get(String(url).replace('https://host/', '')) as Uint8Array).slice());
    const model = await tf.loadLayersModel('https://host/tfjs/model.json', { fetchFunc });
    const cols = input.run.featureNames.length;
    const X = { values: Float64Array.from({ length: 4 * cols }, (_, i) => ((i * 7) % 5) - 1.5), rows: 4, cols, featureNames: input.run.featureNames };
    const output = tf.tidy(() => (model.predict(tf.tensor2d(Float32Array.from(X.values), [4, cols])) as tf.Tensor).dataSync());
    model.dispose();
    const studio = loadModel(input.run.model).predictProba!(X);
    expect(Array.from(output, (v, i) => Math.abs(v - studio[i]) <= 1e-5)).toEqual(Array(8).fill(true));
  }, 60_000);

  it('leaves tfjs/ out with a note when the network cannot be written for TensorFlow.js', async () => {
    const input = await makeInput(ONNX, 'neural_network', { layers: 1, units: 4, epochs: 1 });
    const state = input.run.model.state as { topology: object };
    const model = { ...input.run.model, state: { ...state, topology: { ...state.topology, activation: 'swish' } } };
    const { files, notes } = assembleBundle({ ...input, run: { ...input.run, model } });
    expect([...files.keys()].filter((p) => p.startsWith('tfjs/'))).toEqual([]);
    expect(notes[1]).toBe('No TensorFlow.js files: The activation "swish" has no Keras name, so TensorFlow.js cannot load the network; use one of relu, tanh, sigmoid, elu.');
    expect(strFromU8(files.get('README.md') as Uint8Array)).not.toContain('## TensorFlow.js');
  }, 60_000);
});
