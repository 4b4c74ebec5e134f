// The bundle's deployment files: README.md (how to run each part), the Triton model config, a KServe
// InferenceService and a Dockerfile for serve.mjs. Plain text templates over the run's facts.

import type { BundleInput, OnnxResult, OnnxTensorType } from './bundle-types';

const TRITON_TYPES: Record<OnnxTensorType, string> = {
  float: 'TYPE_FP32', double: 'TYPE_FP64', int64: 'TYPE_INT64', string: 'TYPE_STRING', bool: 'TYPE_BOOL', uint8: 'TYPE_UINT8',
};

/** Files that copy the runtime and data files into a Node image; serve.mjs reads them from its own folder. */
export const SERVED_FILES = ['predict.mjs', 'serve.mjs', 'score.mjs', 'pipeline.json', 'model.json', 'schema.json', 'metrics.json', 'model-card.md', 'manifest.json'];

/** `name` made safe for a folder and a Triton model name: letters, digits, '-' and '_' (others become '-'). */
export function toSafeName(name: string): string {
  const safe = name.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe === '' ? 'model' : safe.slice(0, 64);
}

/** triton/<name>/config.pbtxt for the ONNX Runtime backend; dims are the graph's, −1 for the symbolic batch. */
export function writeTritonConfig(name: string, onnx: Exclude<OnnxResult, { error: string }>): string {
  const tensor = (t: { name: string; type: OnnxTensorType; shape?: (number | string)[] }) => {
    const dims = (t.shape ?? ['N', 1]).map((d) => (typeof d === 'number' ? String(d) : '-1')).join(', ');
    return `  {\n    name: ${JSON.stringify(t.name)}\n    data_type: ${TRITON_TYPES[t.type]}\n    dims: [ ${dims} ]\n  }`;
  };
  return [
    `name: ${JSON.stringify(name)}`,
    'backend: "onnxruntime"',
    '# Inputs are [N, 1] per raw column, so the batch is the first dim of every tensor: no Triton batching axis.',
    'max_batch_size: 0',
    `input [\n${onnx.inputs.map(tensor).join(',\n')}\n]`,
    `output [\n${onnx.outputs.map(tensor).join(',\n')}\n]`,
    '',
  ].join('\n');
}

/** kserve.yaml: an InferenceService with modelFormat onnx, pointed at the triton/ folder once uploaded. */
export function writeKserveYaml(name: string): string {
  const dnsName = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'model';
  return [
    'apiVersion: serving.kserve.io/v1beta1',
    'kind: InferenceService',
    'metadata:',
    `  name: ${dnsName}`,
    'spec:',
    '  predictor:',
    '    model:',
    '      modelFormat:',
    '        name: onnx',
    '      protocolVersion: v2',
    '      # Upload the triton/ folder of this bundle and point storageUri at it.',
    `      storageUri: s3://REPLACE-ME/${name}/triton`,
    '',
  ].join('\n');
}

/** A Dockerfile running serve.mjs on node:20-slim (no npm install: the scripts have no dependencies). */
export function writeDockerfile(): string {
  return [
    'FROM node:20-slim',
    'WORKDIR /app',
    `COPY ${SERVED_FILES.join(' ')} ./`,
    'ENV PORT=8080',
    'EXPOSE 8080',
    'USER node',
    'CMD ["node", "serve.mjs"]',
    '',
  ].join('\n');
}

/** README.md: what is in the bundle and how to run each part; `tfjsNotes` (writeTfjsModel's) when it has tfjs/ files. */
export function writeReadme(input: BundleInput, safeName: string, tfjsNotes: readonly string[] | null = null): string {
  const { run, onnx } = input;
  const tfjsPart = tfjsNotes === null ? [] : [
    '## TensorFlow.js', '',
    ...tfjsNotes.flatMap((note) => [note, '']),
    '```js',
    "import * as tf from '@tensorflow/tfjs-node';   // in a page: import * as tf from '@tensorflow/tfjs'",
    "const model = await tf.loadLayersModel(`file://${process.cwd()}/tfjs/model.json`);   // in a page: tf.loadLayersModel('https://…/tfjs/model.json')",
    'const output = model.predict(tf.tensor2d([[/* one number per feature, in featureNames order */]]));',
    'console.log(await output.array());', '```', '',
  ];
  const onnxPart = 'error' in onnx
    ? ['## ONNX', '', `This run has no ONNX model: ${onnx.error}`, 'predict.mjs, serve.mjs and score.mjs still run it exactly as the studio does.', '']
    : [
        '## ONNX Runtime', '',
        `\`model.onnx\` holds the whole pipeline and model (opset ${onnx.opset}, ai.onnx.ml ${onnx.mlOpset}). One input per raw column, shape [N, 1]: numbers, dates (epoch ms) and booleans (0/1, missing = NaN) as double; categories and text as string ("" = missing).`, '',
        '```python', 'import numpy as np, onnxruntime as ort', 'session = ort.InferenceSession("model.onnx")',
        `feeds = {${onnx.inputs.slice(0, 2).map((i) => `${JSON.stringify(i.name)}: np.array([[${i.type === 'string' ? '"value"' : '1.0'}]]${i.type === 'string' ? ', dtype=object' : ''})`).join(', ')}${onnx.inputs.length > 2 ? ', ...' : ''}}`,
        'print(session.run(None, feeds))', '```', '',
        '## Triton', '', `\`triton/${safeName}/\` is a model repository entry (ONNX Runtime backend): \`tritonserver --model-repository=$PWD/triton\`.`, '',
        '## KServe', '', '`kserve.yaml` is an InferenceService with `modelFormat: onnx`; upload `triton/` and set `storageUri`, then `kubectl apply -f kserve.yaml`.', '',
      ];
  return [
    `# ${input.name}`, '',
    `${run.label} (${run.family}, ${run.task}), exported from ML Studio ${input.studioVersion}. See model-card.md for what it predicts and how well, schema.json for the input columns, manifest.json for every file's SHA-256.`, '',
    'The scripts need Node 20 or newer and nothing else (no npm install).', '',
    '## In JavaScript (Node or a browser)', '',
    '```js', "import { loadBundle } from './predict.mjs';", "const model = await loadBundle('.');   // or { pipeline, model, schema } objects in a browser",
    'const { predictions, probabilities, warnings } = await model.predict([{ /* column: value, … */ }]);', '```', '',
    '## HTTP server', '',
    '```sh', 'PORT=8080 node serve.mjs', "curl -s localhost:8080/health", "curl -s -X POST localhost:8080/predict -H 'content-type: application/json' -d '{\"rows\": [{ ... }]}'",
    "curl -s -X POST localhost:8080/predict -H 'content-type: text/csv' --data-binary @rows.csv", '```', '',
    'GET /metadata returns the schema, metrics and model card. Settings (environment): PORT (0 picks a free port), MAX_BODY_BYTES (default 10485760), REQUEST_TIMEOUT_MS (default 30000), ALLOW_UNSEEN=1 (score unseen categories instead of answering 422).', '',
    '## Batch scoring', '', '```sh', 'node score.mjs input.csv predictions.csv   # "-" or no output path writes to stdout', '```', '',
    'It reads and writes in chunks (constant memory), prints progress on stderr and exits 1 with a message when the file does not fit schema.json.', '',
    '## Docker', '', '```sh', `docker build -t ${safeName.toLowerCase()} . && docker run -p 8080:8080 ${safeName.toLowerCase()}`, '```', '',
    ...onnxPart,
    ...tfjsPart,
  ].join('\n');
}
