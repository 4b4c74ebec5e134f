// The built scripts, run as a user runs them: predict.mjs imported from a folder holding an assembled bundle,
// serve.mjs and score.mjs started with plain `node`. Each must answer exactly what core's predictTable answers.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBundle, stripTrainingSample, zipBundle } from '../core/export/assemble-bundle';
import type { InputContract } from '../core/export/input-contract';
import { predictTable, rowsToTable, writePredictionsCsv } from '../core/export/predict-table';
import { importFile } from '../core/ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import { trainCandidate } from '../core/train/train-candidate';
import type { TrainedRun } from '../core/train/types';
import { exportRuntimePlugin } from '../../scripts/export-runtime-plugin.mjs';
import { buildExportRuntime } from './build-runtime';
import { toPrediction } from './predict';
import { readCsvText } from './read-csv-text';

const COLOURS = ['amber', 'blue', 'cyan'];
const lines = ['x,colour,flag,y'];
for (let i = 0; i < 60; i++) {
  const x = ((i * 37) % 61) / 6;
  lines.push(`${i % 11 === 0 ? '' : x},${COLOURS[i % 3]},${i % 4 === 0 ? 'yes' : 'no'},${x + (i % 3 === 1 ? 3 : 0) > 6 ? 'high' : 'low'}`);
}
const CSV = `${lines.join('\n')}\n`;
const rowsOf = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);
// JSON rows to score: known values, a missing x (the column had missing values in training), a boolean as a string.
const ROWS = [
  { x: 1.5, colour: 'cyan', flag: true },
  { x: 9.25, colour: 'amber', flag: false, extra: 'ignored' },
  { x: null, colour: 'blue', flag: 'true' },
  { x: '4', colour: null, flag: false },
];

let folder = '';
let bundleFiles: Map<string, Uint8Array>;
let run: TrainedRun;
let contract: InputContract;

beforeAll(async () => {
  const table = (await importFile(new Blob([CSV]), 'train.csv', DEFAULT_IMPORT_OPTIONS)).table;
  run = await trainCandidate(table, { train: rowsOf(0, 45), validation: rowsOf(45, 60), folds: [] }, {
    id: 'run-gb', family: 'gradient_boosting', params: { maxIter: 10, minSamplesLeaf: 3 }, seed: 2, steps: [], crossValidate: false,
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
  });
  contract = run.inputContract as InputContract;
  const runtime = await buildExportRuntime();
  const { files } = assembleBundle({ run, contract, name: 'gb', onnx: { error: 'not under test here.' }, runtime, exportedAt: 0, studioVersion: 'test' });
  bundleFiles = files;
  folder = mkdtempSync(join(tmpdir(), 'ml-studio-bundle-'));
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** What serve.mjs adds to every answer: the version that answered and the request id (generated when not sent). */
const TAGS = { modelVersion: 'run-gb', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) };

async function expectedFor(rows: Record<string, unknown>[]) {
  return toPrediction(await predictTable(run, contract, rowsToTable(rows, contract).table));
}

describe('virtual:export-runtime', () => {
  it('serves the page the same three scripts buildExportRuntime builds', async () => {
    const plugin = exportRuntimePlugin() as unknown as { resolveId(id: string): string | null; load(id: string): Promise<string | null> };
    const id = plugin.resolveId('virtual:export-runtime') as string;
    expect(plugin.resolveId('other')).toBeNull();
    const code = (await plugin.load(id)) as string;
    expect(JSON.parse(code.replace(/^export default /, '').replace(/;\n$/, ''))).toEqual(await buildExportRuntime());
  });
});

describe('predict.mjs', () => {
  it('is a dependency-free ES module that predicts what predictTable predicts', async () => {
    const source = readFileSync(join(folder, 'predict.mjs'), 'utf8');
    expect(source.match(/^import .* from ["'][^.][^"']*["'];?$/gm)).toBeNull();
    const module = (await import(pathToFileURL(join(folder, 'predict.mjs')).href)) as typeof import('./predict');
    const model = await module.loadBundle(folder);
    const expected = await expectedFor(ROWS);
    expect(await model.predict(ROWS)).toEqual(expected);
    expect(expected.predictions).toHaveLength(4);
    expect(expected.probabilities?.[0]).toHaveLength(2);
    // The same from parsed files, as a browser would pass them.
    const parts = { pipeline: run.pipeline, model: run.model, schema: contract };
    expect(await (await module.loadBundle(parts)).predict(ROWS)).toEqual(expected);
    await expect(model.predict([{ x: 'ten', colour: 'blue', flag: true }])).rejects.toMatchObject({ name: 'InvalidRowsError', problems: [{ row: 0, column: 'x', message: 'row 1, column "x": expected a number, got "ten"' }] });
  });
});

/** Starts serve.mjs on port 0 and resolves with its port once it logs that it listens. */
function startServer(env: Record<string, string> = {}, args: string[] = []): Promise<{ child: ChildProcessWithoutNullStreams; port: number; logs: string[] }> {
  const child = spawn(process.execPath, [join(folder, 'serve.mjs'), ...args], { env: { ...process.env, PORT: '0', ...env }, cwd: folder });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (data: Buffer) => {
      buffer += data.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        logs.push(line);
        const record = JSON.parse(line) as { event?: string; port?: number };
        if (record.event === 'listening') resolve({ child, port: record.port as number, logs });
      }
    });
    child.stderr.on('data', (data: Buffer) => reject(new Error(data.toString())));
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
}

describe('serve.mjs', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let base = '';
  beforeAll(async () => {
    server = await startServer({ MAX_BODY_BYTES: '4000' });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.child.kill('SIGKILL'));

  const post = (body: string, type = 'application/json') => fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': type }, body });

  it('answers /health and /metadata', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', task: 'binary' });
    const metadata = (await (await fetch(`${base}/metadata`)).json()) as Record<string, { runId?: string }>;
    expect(metadata.schema).toEqual(stripTrainingSample(contract)); // no training values leave in a bundle
    expect(metadata.manifest.runId).toBe('run-gb');
    expect(metadata.metrics).toEqual({ primaryMetric: 'accuracy', validation: run.metrics.validation, cv: null });
    expect(String(metadata.modelCard)).toContain('# Model card: gb');
  });

  it('predicts JSON rows and CSV text as predictTable does', async () => {
    const json = await post(JSON.stringify({ rows: ROWS }));
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ ...JSON.parse(JSON.stringify(await expectedFor(ROWS))), ...TAGS });
    const csv = 'flag,x,colour\nyes,1.5,cyan\nno,9.25,amber\ntrue,,blue\n';
    const table = readCsvText(csv);
    const response = await post(csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...JSON.parse(JSON.stringify(toPrediction(await predictTable(run, contract, table)))), ...TAGS });
  });

  it('refuses bad requests with a status and a message naming the row and column', async () => {
    const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });
    expect(await answer(await post('{"rows": ['))).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^The body is not valid JSON/) } });
    expect(await answer(await post('x', 'text/plain'))).toMatchObject({ status: 415 });
    expect(await answer(await post(JSON.stringify({ rows: [{ x: 1, colour: 'blue' }] })))).toMatchObject({ status: 422, body: { missingColumns: ['flag'], error: 'Missing column "flag": the model reads it (see schema.json; send null for a missing value).' } });
    expect(await answer(await post(JSON.stringify({ rows: [ROWS[0], { x: 'ten', colour: 'blue', flag: true }] })))).toMatchObject({
      status: 422, body: { problems: [{ row: 1, column: 'x', message: 'row 2, column "x": expected a number, got "ten"' }] },
    });
    expect(await answer(await post(JSON.stringify({ rows: [{ x: 1, colour: 'mauve', flag: true }] })))).toMatchObject({
      status: 422, body: { unseenCategories: [{ column: 'colour', rows: 1, values: ['mauve'], distinct: 1 }] },
    });
    expect(await answer(await post(JSON.stringify({ rows: new Array(200).fill(ROWS[0]) })))).toMatchObject({ status: 413 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the last request's log line is written after its answer
    const logged = server.logs.map((line) => JSON.parse(line) as { status?: number; path?: string }).filter((r) => r.path === '/predict').map((r) => r.status);
    expect(logged).toEqual(expect.arrayContaining([400, 415, 422, 413]));
  });

  it('scores unseen categories with ALLOW_UNSEEN=1, and exits 0 on SIGTERM', async () => {
    const lenient = await startServer({ ALLOW_UNSEEN: '1' });
    const rows = [{ x: 1, colour: 'mauve', flag: true }];
    const response = await fetch(`http://127.0.0.1:${lenient.port}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
    expect(await response.json()).toEqual({ ...JSON.parse(JSON.stringify(await expectedFor(rows))), ...TAGS });
    const exited = new Promise<number | null>((resolve) => lenient.child.on('exit', resolve));
    lenient.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** Runs serve.mjs with `args` until it exits (a refusal, or --help). */
function runServeOnce(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(folder, 'serve.mjs'), ...args], { cwd: folder });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('serve.mjs flags', () => {
  it('imports only Node and ./predict.mjs (fflate is bundled in)', () => {
    const source = readFileSync(join(folder, 'serve.mjs'), 'utf8');
    const imports = [...source.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(imports.filter((spec) => !spec.startsWith('node:'))).toEqual(['./predict.mjs']);
  });

  it('prints its flags with --help, and refuses bad ones with exit 2 and a sentence naming the flag', async () => {
    const help = await runServeOnce(['--help']);
    expect({ code: help.code, usage: help.stdout.startsWith('Usage: node serve.mjs [flags]') }).toEqual({ code: 0, usage: true });
    expect(await runServeOnce(['--tokn', 'x'])).toEqual({ code: 2, stdout: '', stderr: 'serve.mjs: Unknown flag --tokn: run "node serve.mjs --help" for the list.\n' });
    expect(await runServeOnce(['--canary', folder, '--canary-share', '1.5'])).toEqual({ code: 2, stdout: '', stderr: 'serve.mjs: --canary-share must be a share between 0 and 1 (0.1 = 10 %), got "1.5".\n' });
    expect(await runServeOnce(['--token-file', join(folder, 'no-such-token')])).toMatchObject({ code: 2, stderr: `serve.mjs: --token-file "${join(folder, 'no-such-token')}" cannot be read (ENOENT): give a readable file that holds the token.\n` });
    expect(await runServeOnce(['--canary', folder])).toMatchObject({ code: 2, stderr: 'serve.mjs: --model and --canary are both version run-gb: their answers and metrics could not be told apart. Give the canary another run\'s bundle.\n' });
  });

  it('serves a bundle zip behind a token, tagging answers with the model version', async () => {
    const zip = join(folder, 'served.zip');
    writeFileSync(zip, zipBundle(bundleFiles));
    const server = await startServer({ SERVE_TOKEN: 's3cret' }, ['--model', zip]);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const post = (headers: Record<string, string>) => fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ rows: ROWS }) });
      expect((await post({})).status).toBe(401);
      const response = await post({ authorization: 'Bearer s3cret', 'x-request-id': 'req-1' });
      expect({ version: response.headers.get('x-model-version'), body: await response.json() }).toEqual({
        version: 'run-gb', body: { ...JSON.parse(JSON.stringify(await expectedFor(ROWS))), modelVersion: 'run-gb', requestId: 'req-1' },
      });
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('mlstudio_rows_total{version="run-gb",role="main"} 4');
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

function runScore(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(folder, 'score.mjs'), ...args], { env: { ...process.env, ...env }, cwd: folder });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('score.mjs', () => {
  it('writes, chunk by chunk, the CSV writePredictionsCsv writes for the whole file', async () => {
    const input = join(folder, 'input.csv');
    writeFileSync(input, CSV.replace('x,colour,flag,y', 'x,colour,flag,label'));
    const { code, stderr } = await runScore([input, join(folder, 'out.csv')], { SCORE_CHUNK_ROWS: '7' });
    expect({ code, progress: stderr.includes('scored 60 rows, 100 % read') }).toEqual({ code: 0, progress: true });
    const table = readCsvText(readFileSync(input, 'utf8'));
    expect(readFileSync(join(folder, 'out.csv'), 'utf8')).toBe(writePredictionsCsv(table, await predictTable(run, contract, table)));
  });

  it('exits 1 with a message naming a missing column', async () => {
    const input = join(folder, 'bad.csv');
    writeFileSync(input, 'x,colour\n1,blue\n');
    const { code, stderr } = await runScore([input, '-']);
    expect(code).toBe(1);
    expect(stderr).toContain('score.mjs: Column "flag" is missing: the model reads it, so no row can be scored.');
  });
});
