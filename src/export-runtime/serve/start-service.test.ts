// The service in-process, started from its flags as serve.mjs starts it, over real HTTP on localhost: metrics that
// parse and move with traffic, bearer tokens, canary routing by a stable hash, shadow scoring, the prediction log
// (rotation, allow-list, feedback joined by readPredictionLog), and refusals before the port opens.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPredictionLog } from '../../core/monitor/read-prediction-log';
import { assembleTestBundle, trainTestRun, writeBundleFolder } from '../fixtures/write-test-bundles';
import { readServeOptions, type ServeOptions } from './read-serve-options';
import { startService, type RunningService } from './start-service';

const ROWS = [
  { x: 1.5, colour: 'cyan', flag: true },
  { x: 9.25, colour: 'amber', flag: false, extra: 'ignored' },
  { x: null, colour: 'blue', flag: 'true' },
  { x: '4', colour: null, flag: false },
];

let mainFolder = '';
let canaryFolder = '';
const services: RunningService[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  mainFolder = writeBundleFolder(assembleTestBundle(await trainTestRun('run-main', 10)));
  canaryFolder = writeBundleFolder(assembleTestBundle(await trainTestRun('run-canary', 3)));
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  for (const folder of [mainFolder, canaryFolder]) rmSync(folder, { recursive: true, force: true });
});

async function start(args: string[]): Promise<{ service: RunningService; base: string }> {
  const options = readServeOptions(['--port', '0', ...args], {}, mainFolder) as ServeOptions;
  const service = await startService(options, { writeLine: () => undefined, warn: (message) => warnings.push(message) });
  services.push(service);
  return { service, base: `http://127.0.0.1:${service.port}` };
}

const predict = (base: string, rows: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ rows }) });

interface Family { name: string; type: string; metrics: { labels?: Record<string, string>; value?: string; count?: string; buckets?: Record<string, string> }[] }

async function readMetrics(base: string): Promise<Family[]> {
  return parsePrometheusTextFormat(await readMetricsText(base)) as Family[];
}

async function readMetricsText(base: string): Promise<string> {
  const response = await fetch(`${base}/metrics`);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  // The parser is lenient; every sample line must also have the exposition format's shape.
  for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|\+Inf|-Inf|NaN)$/);
  return text;
}

const valueOf = (families: Family[], name: string, labels: Record<string, string>) =>
  Number(families.find((f) => f.name === name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? 0);

describe('GET /metrics', () => {
  it('parses as the Prometheus text format, and its counters move with traffic', async () => {
    const { base } = await start([]);
    const before = await readMetrics(base);
    expect(before.map((f) => `${f.name} ${f.type}`)).toEqual(expect.arrayContaining(['mlstudio_requests_total COUNTER', 'mlstudio_request_duration_seconds HISTOGRAM', 'mlstudio_predictions_total COUNTER', 'mlstudio_rows_total COUNTER', 'mlstudio_validation_failures_total COUNTER', 'mlstudio_model_info GAUGE', 'process_resident_memory_bytes GAUGE', 'process_heap_bytes GAUGE', 'process_start_time_seconds GAUGE']));
    expect(before.find((f) => f.name === 'mlstudio_model_info')?.metrics).toEqual([{ labels: { version: 'run-main', task: 'binary', role: 'main' }, value: '1' }]);
    for (let i = 0; i < 3; i++) expect((await predict(base, ROWS)).status).toBe(200);
    expect((await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rows": [' })).status).toBe(400);
    expect((await predict(base, [{ x: 1, colour: 'blue' }])).status).toBe(422);
    expect((await predict(base, [{ x: 1, colour: 'mauve', flag: true }])).status).toBe(422);
    const after = await readMetrics(base);
    const ok = { route: '/predict', status: '200', version: 'run-main' };
    expect(valueOf(after, 'mlstudio_requests_total', ok)).toBe(3);
    expect(valueOf(after, 'mlstudio_requests_total', { route: '/predict', status: '422' })).toBe(2);
    expect(valueOf(after, 'mlstudio_rows_total', { version: 'run-main', role: 'main' })).toBe(12);
    const perClass = after.find((f) => f.name === 'mlstudio_predictions_total')?.metrics ?? [];
    expect(perClass.reduce((sum, m) => sum + Number(m.value), 0)).toBe(12);
    expect(perClass.every((m) => ['high', 'low'].includes(m.labels?.class ?? ''))).toBe(true);
    for (const reason of ['bad_json', 'missing_column', 'unseen_category']) expect(valueOf(after, 'mlstudio_validation_failures_total', { reason })).toBe(1);
    // parse-prometheus-text-format merges a histogram's labelled series into one, so its lines are read here.
    const series = (await readMetricsText(base)).split('\n').filter((line) => line.startsWith('mlstudio_request_duration_seconds') && line.includes('route="/predict",status="200"'));
    expect(series.filter((line) => line.startsWith('mlstudio_request_duration_seconds_bucket'))).toHaveLength(12);
    expect(series.slice(-3)).toEqual([
      'mlstudio_request_duration_seconds_bucket{route="/predict",status="200",version="run-main",le="+Inf"} 3',
      expect.stringMatching(/^mlstudio_request_duration_seconds_sum\{route="\/predict",status="200",version="run-main"\} [\d.e-]+$/),
      'mlstudio_request_duration_seconds_count{route="/predict",status="200",version="run-main"} 3',
    ]);
    expect(valueOf(after, 'mlstudio_requests_total', { route: '/metrics', status: '200' })).toBe(1);
  });
});

describe('bearer token', () => {
  it('refuses /predict and /metadata without the token (401 with a Bearer challenge), accepts it, and leaves /health open', async () => {
    const { base } = await start(['--token', 's3cret']);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const none = await predict(base, ROWS);
    expect({ status: none.status, challenge: none.headers.get('www-authenticate'), body: await none.json() }).toMatchObject({
      status: 401, challenge: 'Bearer realm="mlstudio"', body: { error: 'This server needs a token: send "Authorization: Bearer <token>".' },
    });
    const wrong = await predict(base, ROWS, { authorization: 'Bearer s3cre' });
    expect({ status: wrong.status, challenge: wrong.headers.get('www-authenticate') }).toEqual({ status: 401, challenge: 'Bearer realm="mlstudio", error="invalid_token"' });
    expect((await fetch(`${base}/metadata`, { headers: { authorization: 'Basic czNjcmV0' } })).status).toBe(401);
    expect((await predict(base, ROWS, { authorization: 'Bearer s3cret' })).status).toBe(200);
    expect((await fetch(`${base}/metadata`, { headers: { authorization: 'bearer s3cret' } })).status).toBe(200);
    expect(valueOf(await readMetrics(base), 'mlstudio_validation_failures_total', { reason: 'auth' })).toBe(3);
  });

  it('puts /metrics behind --metrics-token when one is given', async () => {
    const { base } = await start(['--metrics-token', 'scrape']);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer scrape' } })).status).toBe(200);
  });
});

describe('canary', () => {
  it('routes 25 % ± 2 % of 4,000 distinct keys to the canary at 0.25, the same key always to the same version', async () => {
    const { base } = await start(['--canary', canaryFolder, '--canary-share', '0.25']);
    const versions: string[] = new Array(4000);
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const send = (i: number) => new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ rows: [ROWS[i % 4]] });
      const request = httpRequest(`${base}/predict`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-request-key': `user-${i}` } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          versions[i] = response.headers['x-model-version'] as string;
          if ((JSON.parse(text) as { modelVersion: string }).modelVersion === versions[i]) resolve();
          else reject(new Error(`request ${i}: the body's modelVersion differs from x-model-version ${versions[i]}`));
        });
      });
      request.on('error', reject);
      request.end(body);
    });
    for (let from = 0; from < 4000; from += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => send(from + k)));
    agent.destroy();
    const share = versions.filter((v) => v === 'run-canary').length / 4000;
    expect(share).toBeGreaterThanOrEqual(0.23);
    expect(share).toBeLessThanOrEqual(0.27);
    for (const key of [3, 17, 28]) {
      const again = await Promise.all(Array.from({ length: 5 }, () => predict(base, [ROWS[0]], { 'x-request-key': `user-${key}` })));
      expect(again.map((r) => r.headers.get('x-model-version'))).toEqual(new Array(5).fill(versions[key]));
    }
    const metrics = await readMetrics(base);
    expect(valueOf(metrics, 'mlstudio_requests_total', { route: '/predict', version: 'run-canary' }) + valueOf(metrics, 'mlstudio_requests_total', { route: '/predict', version: 'run-main' })).toBe(4015);
    expect(metrics.find((f) => f.name === 'mlstudio_model_info')?.metrics.map((m) => m.labels?.role)).toEqual(['main', 'canary']);
  }, 60_000);
});

describe('shadow and the prediction log', () => {
  it('answers from main, scores the shadow too, logs both, rotates files and joins feedback', async () => {
    const dir = join(mainFolder, 'log');
    const { service, base } = await start(['--canary', canaryFolder, '--shadow', '--log-predictions', dir, '--log-max-bytes', '3000', '--log-fields', 'x,flag']);
    for (let i = 0; i < 10; i++) {
      const response = await predict(base, ROWS, { 'x-request-id': `r${i}` });
      expect({ version: response.headers.get('x-model-version'), id: response.headers.get('x-request-id') }).toEqual({ version: 'run-main', id: `r${i}` });
    }
    const csv = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-request-id': 'csv-1' }, body: 'flag,colour,x\nyes,cyan,1.5\nno,blue,\n' });
    expect(csv.status).toBe(200);
    const feedback = await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ requestId: 'r0', labels: ['high', 'low', null, 'low'] }, { requestId: 'r9', labels: ['low', 'low', 'low', 'low'] }]) });
    expect({ status: feedback.status, body: await feedback.json() }).toEqual({ status: 202, body: { recorded: 2 } });
    expect((await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"requestId": "r1"}' })).status).toBe(400);
    await service.close();
    const names = readdirSync(dir).sort();
    expect(names.length).toBeGreaterThan(2);
    expect(names.every((name) => /^predictions-\d{8}T\d{9}Z-\d{5}\.jsonl$/.test(name))).toBe(true);
    const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    for (const file of files) {
      expect(Buffer.byteLength(file.text)).toBeLessThanOrEqual(3000);
      for (const line of file.text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    }
    const read = readPredictionLog(files, { schemaHash: service.context.main.schemaHash, columns: ['x', 'colour', 'flag'] });
    expect(read.warnings).toEqual([]);
    expect(read.batches.map((b) => [b.version, b.role, b.rows.length])).toEqual([['run-main', 'main', 42], ['run-canary', 'shadow', 42]]);
    const main = read.batches[0];
    expect(main.rows[1]).toEqual({ x: 9.25, flag: false }); // colour left out by --log-fields; "extra" never logged
    expect(main.labels?.slice(0, 4)).toEqual(['high', 'low', null, 'low']);
    expect(main.labels?.slice(4, 36).every((label) => label === null)).toBe(true);
    expect(main.requestIds.slice(36)).toEqual(['r9', 'r9', 'r9', 'r9', 'csv-1', 'csv-1']);
    expect(read.batches[1].labels?.slice(36)).toEqual(['low', 'low', 'low', 'low', null, null]);
    expect(main.rows.slice(40)).toEqual([{ x: '1.5', flag: 'yes' }, { x: null, flag: 'no' }]); // CSV cells as text, an empty one null
    expect(main.probabilities?.[0]).toHaveLength(2);
    const metrics = await readMetricsOf(service);
    expect(valueOf(metrics, 'mlstudio_rows_total', { version: 'run-canary', role: 'shadow' })).toBe(42);
    expect(valueOf(metrics, 'mlstudio_prediction_log_lines_total', { type: 'prediction' })).toBe(22);
    expect(valueOf(metrics, 'mlstudio_prediction_log_lines_total', { type: 'feedback' })).toBe(2);
  });

  it('keeps answering when the log cannot be written, counting the failure', async () => {
    const dir = join(mainFolder, 'doomed-log');
    const { service, base } = await start(['--log-predictions', dir]);
    rmSync(dir, { recursive: true });
    expect((await predict(base, ROWS)).status).toBe(200);
    await service.context.log?.flush();
    expect((await predict(base, ROWS)).status).toBe(200);
    await service.context.log?.flush();
    expect(valueOf(await readMetrics(base), 'mlstudio_prediction_log_errors_total', { kind: 'write' })).toBe(2);
    expect(warnings.some((w) => w.startsWith('prediction log: writing') && w.includes('ENOENT'))).toBe(true);
  });
});

describe('start-up refusals', () => {
  it('refuses a canary whose input contract differs, or that is the same version', async () => {
    const other = writeBundleFolder(assembleTestBundle(await trainTestRun('run-other', 3)), { levels: ['amber', 'blue', 'cyan', 'mauve'] });
    const options = (args: string[]) => readServeOptions(args, {}, mainFolder) as ServeOptions;
    const hooks = { writeLine: () => undefined, warn: () => undefined };
    await expect(startService(options(['--canary', other]), hooks)).rejects.toThrow('--canary run-other takes other input than --model run-main: column "colour" has level "mauve" that the main model never saw. A canary must read the same columns and categories; export both from the same data, or serve it alone.');
    await expect(startService(options(['--canary', mainFolder, '--shadow']), hooks)).rejects.toThrow('--model and --canary are both version run-main');
    await expect(startService(options(['--model', join(mainFolder, 'nothing-here')]), hooks)).rejects.toThrow(`--model "${join(mainFolder, 'nothing-here')}": cannot be read (ENOENT); give a bundle's folder or zip.`);
    await expect(startService(options(['--log-predictions', join(mainFolder, 'l'), '--log-fields', 'x,colour,age']), hooks)).rejects.toThrow('--log-fields names "age", which the model does not read; choose among "x", "colour", "flag".');
    rmSync(other, { recursive: true, force: true });
  });
});

async function readMetricsOf(service: RunningService): Promise<Family[]> {
  return parsePrometheusTextFormat(service.context.metrics.render()) as Family[];
}

describe('hostile requests', () => {
  it('keeps keys such as __proto__ and constructor in rows as data: nothing is polluted and the rows are scored', async () => {
    const { base } = await start([]);
    const body = `{"rows": [{"x": 1.5, "colour": "cyan", "flag": true, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}]}`;
    const response = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect((await response.json() as { predictions: unknown[] }).predictions).toHaveLength(1);
    expect([({} as { polluted?: unknown }).polluted, (Object.prototype as { polluted?: unknown }).polluted]).toEqual([undefined, undefined]);
  });

  it('cuts off a client that trickles its request past the request timeout', async () => {
    const { service } = await start(['--request-timeout-ms', '400']);
    const { connect } = await import('node:net');
    const socket = connect(service.port, '127.0.0.1');
    const started = performance.now();
    const closed = new Promise<{ ms: number; answer: string }>((resolve) => {
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ ms: performance.now() - started, answer }));
    });
    socket.write('POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"rows": [');
    const timer = setInterval(() => socket.write(' '), 100); // a byte now and then, never the whole body
    const { ms, answer } = await closed;
    clearInterval(timer);
    expect(ms).toBeLessThan(3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });
});
