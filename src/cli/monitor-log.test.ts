// A prediction log monitored headless, as a scheduler would run it: penguins trained headless (a one-split decision
// tree as penguins-species v1 in production, logistic regression as v2), each exported as a bundle and served
// in-process by the real service with --log-predictions, requests posted over HTTP (and feedback), then
// `ml-studio run` on a Data(log) → Monitor notebook: a drifted batch alerts (exit 4) with the column --log-fields
// left out "not logged"; a canary log (as a zip) compares both versions and its gate passes (exit 3); a log of
// another model's schema fails the Monitor cell naming both hashes (exit 1).

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InputContract } from '../core/export/input-contract';
import { importFile } from '../core/ingest/import-file';
import { zipLogFiles } from '../core/ingest/import-prediction-log';
import { computeLogSchemaHash } from '../core/monitor/read-prediction-log';
import { createNotebookFile, formatNotebookFile, readNotebookFile, type EmbeddedModel } from '../core/notebook/file';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type NotebookId } from '../core/notebook/types';
import type { TrainedRun } from '../core/train/types';
import { assembleTestBundle, trainTestRun, writeBundleFolder } from '../export-runtime/fixtures/write-test-bundles';
import { readServeOptions, type ServeOptions } from '../export-runtime/serve/read-serve-options';
import { startService } from '../export-runtime/serve/start-service';
import { bindData, listDataCells } from './bind-data';
import { main } from './main';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));
const MODEL = 'penguins-species';

let weak: TrainedRun;
let strong: TrainedRun;
const folders = new Map<string, string>();

type Row = Record<string, string | number | boolean | null>;
let rows: Row[] = [];
let species: string[] = [];

/** The penguins example trained headless on a one-split tree (weak) and logistic regression (strong); each exported as a bundle folder. */
beforeAll(async () => {
  const file = readNotebookFile(readFileSync(EXAMPLE, 'utf8'));
  const cells = file.notebook.cells.filter((cell) => cell.kind !== 'evaluate')
    .map((cell) => (cell.kind === 'train' ? { ...cell, spec: { ...cell.spec, candidates: [{ family: 'decision_tree', params: { maxDepth: 1 } as Record<string, number> }, { family: 'logistic_regression', params: {} }] } } : cell));
  const bindings = bindData(listDataCells(file), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });
  const { runs } = await runNotebookHeadless(createHeadlessNotebook({ ...file, notebook: { ...file.notebook, cells } }), bindings);
  [weak, strong] = ['decision_tree', 'logistic_regression'].map((family) => [...runs.values()].find((run) => run.family === family)!);
  for (const run of [weak, strong]) folders.set(run.id, writeBundleFolder(assembleTestBundle(run as TrainedRun & { inputContract: InputContract })));
  const [header, ...lines] = readFileSync(PENGUINS, 'utf8').trim().split('\n');
  const names = header.split(',');
  const parsed = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell === '' || cell === 'NA' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell)])));
  species = parsed.map((row) => String(row.Species));
  rows = parsed.map(({ Species: _species, ...inputs }) => inputs);
}, 120_000);

/** Body Mass +1500 g and Flipper Length −30 mm: the world changed. */
const drift = (row: Row): Row => ({ ...row, 'Body Mass (g)': row['Body Mass (g)'] === null ? null : Number(row['Body Mass (g)']) + 1500, 'Flipper Length (mm)': row['Flipper Length (mm)'] === null ? null : Number(row['Flipper Length (mm)']) - 30 });

/** Serves `bundle` with `flags` and the log on, posts `batch` in requests of 10 rows (with their labels as feedback when `labelled`); the log's files. */
async function serveAndLog(bundle: string, flags: string[], batch: Row[], labels: string[] | null): Promise<{ name: string; bytes: Uint8Array }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-studio-log-'));
  // --allow-unseen: one penguin's Sex is ".", never seen in training.
  const options = readServeOptions(['--port', '0', '--model', bundle, '--log-predictions', dir, '--allow-unseen', ...flags], {}, bundle) as ServeOptions;
  const service = await startService(options, { writeLine: () => undefined, warn: () => undefined });
  const base = `http://127.0.0.1:${service.port}`;
  for (let start = 0; start < batch.length; start += 10) {
    const headers = { 'content-type': 'application/json', 'x-request-id': `q${start}`, 'x-request-key': `customer-${start}` };
    const response = await fetch(`${base}/predict`, { method: 'POST', headers, body: JSON.stringify({ rows: batch.slice(start, start + 10) }) });
    if (response.status !== 200) throw new Error(`POST /predict answered ${response.status}: ${await response.text()}`);
  }
  if (labels) {
    const feedback = Array.from({ length: Math.ceil(batch.length / 10) }, (_, i) => ({ requestId: `q${i * 10}`, labels: labels.slice(i * 10, i * 10 + 10) }));
    expect((await fetch(`${base}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(feedback) })).status).toBe(202);
  }
  await service.close();
  return readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

const embedVersions = (): EmbeddedModel[] => [{ name: MODEL, versions: [
  { version: 1, stage: 'production', registeredAt: 1_700_000_000_000, run: weak },
  { version: 2, stage: 'none', registeredAt: 1_700_000_100_000, run: strong },
] }];

/** `ml-studio run` on Data ("batch": the log file `name`) → Monitor (penguins-species in production): exit code, last line, results. */
async function monitorLog(name: string, bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-studio-monitor-log-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const imported = await importFile(new Blob([bytes as BlobPart]), name, DEFAULT_IMPORT_OPTIONS);
  let notebook = createNotebook('nb' as NotebookId, 'Watch the service', 1);
  for (const [kind, id] of [['data', 'batch'], ['monitor', 'monitor']] as const) notebook = addCell(notebook, kind, id as CellId, 1);
  notebook = updateCellSpec(notebook, 'monitor' as CellId, 'monitor', (spec) => ({ ...spec, model: MODEL }), 1);
  const binding = { name: 'batch', fileName: name, rowCount: imported.table.rowCount, columns: imported.table.columns.map((c) => ({ name: c.name, kind: c.kind })), contentHash: imported.contentHash };
  const notebookPath = join(dir, 'watch.notebook.json');
  writeFileSync(notebookPath, formatNotebookFile(createNotebookFile(notebook, { bindings: new Map([['batch' as CellId, binding]]), models: embedVersions() })));
  const out = join(dir, 'out');
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(['node', 'ml-studio', 'run', notebookPath, '--data', `batch=${path}`, '--out', out, '--quiet']);
  const printed = stderr.mock.calls.map(([text]) => String(text));
  stderr.mockRestore();
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  return { code, last: printed.at(-1), data: results.cells[0].summary, monitor: results.cells[1].summary };
}

describe('a prediction log monitored headless', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sees the drift of a drifted batch the service logged, with the column --log-fields left out "not logged": exit 4', async () => {
    const logged = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];
    const files = await serveAndLog(folders.get(weak.id)!, ['--log-fields', logged.join(',')], rows.map(drift), null);
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^predictions-\d{8}T\d{9}Z-00001\.jsonl$/)]);
    const { code, last, data, monitor } = await monitorLog(files[0].name, files[0].bytes);
    expect([code, data.rows, monitor.status, monitor.log.version, monitor.log.rows, monitor.log.notLogged, monitor.log.comparisons]).toEqual([4, rows.length, 'alert', weak.id, rows.length, ['Island'], []]);
    expect(monitor.alerts).toEqual(expect.arrayContaining([expect.stringMatching(/^Feature "Body Mass \(g\)" drifted: PSI \d/), expect.stringMatching(/^Feature "Flipper Length \(mm\)" drifted: PSI \d/)]));
    expect(monitor.features.map((f: { column: string }) => f.column).sort()).toEqual(logged.filter((c) => c !== 'Sex' || weak.inputContract!.columns.some((k) => k.name === 'Sex')).sort());
    expect(typeof monitor.prediction.psi).toBe('number'); // the logged scores against the version's own validation rows
    expect(last).toMatch(/^ml-studio: exit 4: a person should look — a Monitor cell alerted and no Retrain cell ran\. penguins-species v1 on "batch": Feature /);
  }, 120_000);

  it('compares a canary with the monitored version from a zip of the log: the gate passes, exit 3', async () => {
    const files = await serveAndLog(folders.get(weak.id)!, ['--canary', folders.get(strong.id)!, '--canary-share', '0.5'], rows, species);
    const { code, last, monitor } = await monitorLog('log.zip', zipLogFiles(files));
    const [comparison] = monitor.log.comparisons;
    const versions = monitor.log.versions as { version: string; role: string; rows: number }[];
    // Routed by a stable hash of each request's x-request-key: about half the rows each, every one labelled.
    const byRole = Object.fromEntries(versions.map((v) => [v.role, v]));
    expect([versions.length, byRole.main.version, byRole.canary.version, byRole.main.rows + byRole.canary.rows, monitor.log.rows, monitor.log.labelled]).toEqual([2, weak.id, strong.id, rows.length, byRole.main.rows, byRole.main.rows]);
    expect([comparison.champion.version, comparison.challenger.version, comparison.paired, comparison.metric, comparison.registered, comparison.gate.passed]).toEqual([weak.id, strong.id, false, 'macro-f1', { version: 2, stage: 'none' }, true]);
    expect(comparison.difference.low).toBeGreaterThan(0);
    expect(comparison.challenger.metric.value).toBeGreaterThan(comparison.champion.metric.value);
    expect([code, last]).toEqual([3, `ml-studio: exit 3: a challenger passed its gate — ${MODEL} v2 (the canary in "batch") beats ${MODEL} v1 (promote it after review).\n`]);
  }, 120_000);

  it('refuses the log of another model\'s schema, naming both hashes: exit 1', async () => {
    const other = await trainTestRun('run-other', 5);
    const files = await serveAndLog(writeBundleFolder(assembleTestBundle(other)), [], [{ x: 1.5, colour: 'cyan', flag: true }, { x: 2, colour: 'blue', flag: false }], null);
    const { code, last } = await monitorLog(files[0].name, files[0].bytes);
    expect([code, last]).toEqual([1, `ml-studio: cell 2 (Monitor) failed: The log was written for another input schema: its lines carry schema hash ${computeLogSchemaHash(other.inputContract)} (from run-other (main, 2 rows)), but ${MODEL} v1 (run ${weak.id}) reads an input whose hash is ${computeLogSchemaHash(weak.inputContract!)}. Load the log of a service serving this model, or monitor the model that wrote it.\n`]);
  }, 120_000);
});
