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
    ...writeServingSection(),
    '## Batch scoring', '', '```sh', 'node score.mjs input.csv predictions.csv   # "-" or no output path writes to stdout', '```', '',
    'It reads and writes in chunks (constant memory), prints progress on stderr and exits 1 with a message when the file does not fit schema.json.', '',
    '## Docker', '', '```sh', `docker build -t ${safeName.toLowerCase()} . && docker run -p 8080:8080 ${safeName.toLowerCase()}`,
    `docker run -p 8080:8080 -e SERVE_TOKEN_FILE=/run/secrets/token -v $PWD/token:/run/secrets/token:ro -e SERVE_LOG_PREDICTIONS=/logs -v $PWD/logs:/logs ${safeName.toLowerCase()}`, '```', '',
    'The image runs as the user `node` (uid 1000): the log folder you mount must be writable by it.', '',
    ...onnxPart,
    ...tfjsPart,
  ].join('\n');
}

/** README's HTTP server section: the short version of docs/serving.md (flags, auth, metrics, log, canary). */
function writeServingSection(): string[] {
  return [
    '## HTTP server', '',
    '```sh', 'node serve.mjs --port 8080            # node serve.mjs --help lists every flag', "curl -s localhost:8080/health",
    "curl -s -X POST localhost:8080/predict -H 'content-type: application/json' -d '{\"rows\": [{ ... }]}'",
    "curl -s -X POST localhost:8080/predict -H 'content-type: text/csv' --data-binary @rows.csv", '```', '',
    'Every answer carries `modelVersion` and `requestId` (also the `x-model-version` and `x-request-id` headers; send `x-request-id` to choose the id). GET /metadata returns the schema, metrics and model card.', '',
    'Every flag has an environment variable for containers: PORT, SERVE_MODEL or BUNDLE_DIR (a bundle folder or zip; default: this folder), MAX_BODY_BYTES (10485760), REQUEST_TIMEOUT_MS (30000), ALLOW_UNSEEN=1 (score unseen categories instead of answering 422), SERVE_TOKEN or SERVE_TOKEN_FILE, SERVE_LOG_PREDICTIONS, SERVE_CANARY… A bad flag stops it with a sentence and exit code 2.', '',
    '- **Auth**: `--token-file /run/secrets/token` (or SERVE_TOKEN) requires `Authorization: Bearer <token>` on /predict, /metadata and /feedback; /health stays open. Terminate TLS in a reverse proxy (nginx, Caddy) in front of it.',
    '- **Metrics**: GET /metrics in the Prometheus text format (requests and latency per route, status and version; predictions per class or a histogram of values; validation failures by reason; memory). Open unless `--metrics-token` is set. Alert on the 5xx rate, the p99 of `mlstudio_request_duration_seconds` and the rate of `mlstudio_validation_failures_total`.',
    '- **Prediction log**: `--log-predictions DIR` appends every request (rows, predictions, version, request id) to `predictions-<start>-<n>.jsonl`; `--log-max-bytes`, `--log-sample 0.1`, `--log-fields a,b` (keep sensitive columns out). POST /feedback `{"requestId": "…", "labels": [ … ]}` records true labels; ML Studio\'s Monitor cell reads the files.',
    '- **Canary**: `--model this.zip --canary next.zip --canary-share 0.1` answers 10 % of requests from the second bundle (the same `x-request-key` value always gets the same version); `--shadow` scores every request with it without returning its answer. The second bundle must read the same columns and categories. Roll back by restarting without `--canary`.', '',
    'Prometheus: scrape it, and alert on these three (rules with `for:` and annotations in the full guide):', '',
    '```yaml', 'scrape_configs:', '  - job_name: mlstudio-model', '    static_configs: [{ targets: [\'model:8080\'] }]', '```', '',
    '```promql', '# error rate over 1 %',
    'sum(rate(mlstudio_requests_total{route="/predict",status=~"5.."}[5m])) / sum(rate(mlstudio_requests_total{route="/predict"}[5m])) > 0.01',
    '# p99 latency over 500 ms',
    'histogram_quantile(0.99, sum by (le) (rate(mlstudio_request_duration_seconds_bucket{route="/predict",status="200"}[5m]))) > 0.5',
    '# over 5 % of requests refused for their input (a caller changed its columns or categories)',
    'sum(rate(mlstudio_validation_failures_total{reason!="auth"}[15m])) / sum(rate(mlstudio_requests_total{route="/predict"}[15m])) > 0.05',
    '```', '',
    'The full guide (alert rules, a reverse-proxy example for TLS, the prediction log\'s format, canary metrics) is docs/serving.md in ML Studio\'s documentation.', '',
  ];
}
