// The Monitor → Retrain notebook run headless, as a scheduler runs it: penguins trained headless, its best run
// embedded as penguins-species v1 in production, then `ml-studio run … --data batch=…` on new penguins (exit 0), the
// same drifted (exit 4: the gate fails, the champion is still perfect there), a larger drifted batch (exit 3: a
// challenger passed its gate), and batches and files that cannot be monitored (exit 1, with the reason).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile } from '../core/ingest/import-file';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import { createNotebookFile, formatNotebookFile, readNotebookFile, type EmbeddedModel } from '../core/notebook/file';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type NotebookId, type RetrainCellSpec } from '../core/notebook/types';
import { runSplit } from '../core/split/run-split';
import type { TrainedRun } from '../core/train/types';
import { bindData, listDataCells } from './bind-data';
import { main } from './main';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));
const MODEL = 'penguins-species';

let champion: TrainedRun;
/** penguins.csv rows (0-based, after the header) outside the champion's training part. */
let heldOutRows: number[];

/** The penguins example trained headless on its logistic regression alone; its run is the champion. */
beforeAll(async () => {
  const file = readNotebookFile(readFileSync(EXAMPLE, 'utf8'));
  const cells = file.notebook.cells.filter((cell) => cell.kind !== 'evaluate')
    .map((cell) => (cell.kind === 'train' ? { ...cell, spec: { ...cell.spec, candidates: [{ family: 'logistic_regression', params: {} }] } } : cell));
  const bindings = bindData(listDataCells(file), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });
  const { runs } = await runNotebookHeadless(createHeadlessNotebook({ ...file, notebook: { ...file.notebook, cells } }), bindings);
  champion = [...runs.values()][0];
  const { table } = await importFile(new Blob([readFileSync(PENGUINS)]), 'penguins.csv', DEFAULT_IMPORT_OPTIONS);
  const split = runSplit(table, champion.provenance!.split.request);
  heldOutRows = [...split.validation, ...split.test].sort((a, b) => a - b);
}, 60_000);

/**
 * The penguins the champion did not train on (its validation and test rows: new data from the same world),
 * optionally with Body Mass +1500 g and Flipper Length −30 mm, optionally without Species.
 */
function writeBatch(dir: string, options: { drift: boolean; labels: boolean; all: boolean }): { path: string; text: string } {
  const [header, ...rows] = readFileSync(PENGUINS, 'utf8').trim().split('\n');
  const picked = (options.all ? rows : heldOutRows.map((row) => rows[row])).map((row) => row.split(','));
  const names = header.split(',');
  const shift = (fields: string[], column: string, by: number) => {
    const at = names.indexOf(column);
    if (fields[at] !== '') fields[at] = String(Number(fields[at]) + by);
  };
  if (options.drift) for (const fields of picked) (shift(fields, 'Body Mass (g)', 1500), shift(fields, 'Flipper Length (mm)', -30));
  const keep = (fields: string[]) => (options.labels ? fields : fields.slice(1)).join(',');
  const text = `${keep(names)}\n${picked.map(keep).join('\n')}\n`;
  const path = join(dir, 'batch.csv');
  writeFileSync(path, text);
  return { path, text };
}

/** Data ("batch") → Monitor (penguins-species, production) → Retrain, with `models` embedded, as batch.notebook.json in `dir`. */
async function writeNotebook(dir: string, batchText: string, retrain: Partial<RetrainCellSpec>, models: readonly EmbeddedModel[], monitor: { version?: number | null } = {}): Promise<string> {
  const imported = await importFile(new Blob([batchText]), 'batch.csv', DEFAULT_IMPORT_OPTIONS);
  let notebook = createNotebook('nb' as NotebookId, 'Watch penguins', 1);
  for (const [kind, id] of [['data', 'batch'], ['monitor', 'monitor'], ['retrain', 'retrain']] as const) notebook = addCell(notebook, kind, id as CellId, 1);
  notebook = updateCellSpec(notebook, 'monitor' as CellId, 'monitor', (spec) => ({ ...spec, model: MODEL, version: monitor.version ?? null }), 1);
  notebook = updateCellSpec(notebook, 'retrain' as CellId, 'retrain', () => ({ ...CELL_KINDS.retrain.createSpec(), when: 'on-alert', ...retrain }), 1);
  const binding = { name: 'batch', fileName: 'batch.csv', rowCount: imported.table.rowCount, columns: imported.table.columns.map((c) => ({ name: c.name, kind: c.kind })), contentHash: imported.contentHash };
  const path = join(dir, 'batch.notebook.json');
  writeFileSync(path, formatNotebookFile(createNotebookFile(notebook, { bindings: new Map([['batch' as CellId, binding]]), models })));
  return path;
}

const embedChampion = (run: TrainedRun = champion): EmbeddedModel[] => [{ name: MODEL, versions: [{ version: 1, stage: 'production', registeredAt: 1_700_000_000_000, run }] }];

/** `ml-studio run` on a notebook over a batch: the exit code, what it printed and what it wrote. */
async function runHeadless(options: { drift: boolean; all?: boolean; labels?: boolean; retrain?: Partial<RetrainCellSpec>; models?: readonly EmbeddedModel[]; version?: number | null; data?: string[] }) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-studio-monitor-'));
  const batch = writeBatch(dir, { drift: options.drift, labels: options.labels ?? true, all: options.all ?? false });
  const notebook = await writeNotebook(dir, batch.text, options.retrain ?? { data: 'append', promote: 'auto' }, options.models ?? embedChampion(), { version: options.version ?? null });
  const out = join(dir, 'out');
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(['node', 'ml-studio', 'run', notebook, '--data', `batch=${batch.path}`, ...(options.data ?? []), '--out', out, '--quiet']);
  const printed = stderr.mock.calls.map(([text]) => String(text));
  stderr.mockRestore();
  const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));
  return { code, printed, out, results: read('results.json'), registry: read('registry.json'), history: read('monitor-history.json') };
}

describe('a Monitor → Retrain notebook run headless', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 0 on new penguins like the training data: no alert, the champion stays, the batch joins the history', async () => {
    const { code, printed, results, registry, history } = await runHeadless({ drift: false });
    const [, monitor, retrain] = results.cells;
    expect([code, printed, monitor.summary.status === 'alert', retrain.summary.skipped]).toEqual([
      0, ['ml-studio: exit 0: no Monitor cell alerted and no model changed.\n'], false,
      'The Monitor cell above raised no alert on this batch, so the champion stays; set "Retrain" to "always" to retrain anyway.',
    ]);
    expect(typeof monitor.summary.prediction.psi).toBe('number'); // the champion's validation rows were found: the bundled sample
    expect(registry).toEqual({
      format: 'ml-studio-registry', formatVersion: 1,
      models: [{ name: MODEL, production: 1, versions: [{ version: 1, stage: 'production', runId: champion.id, label: 'Logistic regression', family: 'logistic_regression', origin: 'notebook file', registeredAt: 1_700_000_000_000 }], changes: [] }],
    });
    expect(history.versions.map((v: { model: string; version: number; batches: { batch: string; rows: number }[] }) => [v.model, v.version, v.batches.map((b) => [b.batch, b.rows])])).toEqual([[MODEL, 1, [['batch', heldOutRows.length]]]]);
  }, 60_000);

  it('exits 4 on the same penguins drifted when the champion still scores them perfectly: the gate fails, a person should look', async () => {
    const { code, printed, results, registry } = await runHeadless({ drift: true });
    const [, monitor, retrain] = results.cells;
    expect(monitor.summary.status).toBe('alert');
    expect(monitor.summary.alerts).toEqual(expect.arrayContaining([expect.stringMatching(/^Feature "Body Mass \(g\)" drifted: PSI \d/), expect.stringMatching(/^Feature "Flipper Length \(mm\)" drifted: PSI \d/)]));
    expect([code, retrain.summary.scores.champion, retrain.summary.scores.challenger, retrain.summary.gate.passed, retrain.summary.registered]).toEqual([4, 1, 1, false, null]);
    expect(printed.at(-1)).toBe(`ml-studio: exit 4: a person should look — the challenger of ${MODEL} v1 failed its gate: Macro F1: the challenger does not beat the champion by at least δ — challenger 1, champion 1 (higher is better; gain 0, δ = 0.01).\n`);
    expect([registry.models[0].versions.map((v: { stage: string }) => v.stage), registry.models[0].changes]).toEqual([['production'], []]);
  }, 60_000);

  it('exits 3 on a larger drifted batch: retrained on the old training rows and the batch, the challenger passes its gate and is promoted', async () => {
    const { code, printed, results, registry, out } = await runHeadless({ drift: true, all: true, retrain: { data: 'append', promote: 'auto' } });
    const retrain = results.cells[2];
    expect([code, retrain.summary.rows, retrain.summary.gate.passed, retrain.summary.registered.version, retrain.summary.registered.stage]).toEqual([3, { old: 241, batch: 241, holdout: 103 }, true, 2, 'production']);
    expect(printed.at(-1)).toBe(`ml-studio: exit 3: a challenger passed its gate — ${MODEL} v2 registered and promoted to production.\n`);
    const [model] = registry.models;
    expect([model.production, model.versions.map((v: { version: number; stage: string; origin: string }) => [v.version, v.stage, v.origin])]).toEqual([2, [[1, 'archived', 'notebook file'], [2, 'production', 'this run']]]);
    expect(model.changes.map((c: { action: string; version: number; after: unknown }) => [c.action, c.version, c.after])).toEqual([
      ['register', 2, [{ version: 1, stage: 'production' }, { version: 2, stage: 'none' }]],
      ['set-stage', 2, [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }]],
    ]);
    expect(model.changes[1].reason).toBe("Retrained on the champion's 241 training rows and 241 rows of batch; gate passed: Macro F1: the challenger beats the champion by at least δ — challenger 0.988207, champion 0.975364 (higher is better; gain 0.012843, δ = 0.01).");
    // The new version's run is written beside the others, so `ml-studio export runs/<id>.json` can package it.
    expect(JSON.parse(readFileSync(join(out, 'runs', `${model.versions[1].runId}.json`), 'utf8')).family).toBe('logistic_regression');
  }, 60_000);

  it('exits 3 when the challenger trained on the batch alone passes and waits for confirmation: registered, not promoted', async () => {
    const { code, printed, results, registry } = await runHeadless({ drift: true, all: true, retrain: { data: 'batch', promote: 'confirm' } });
    const retrain = results.cells[2];
    expect([code, retrain.summary.rows, retrain.summary.registered.stage, retrain.summary.awaitingConfirmation]).toEqual([3, { old: 0, batch: 241, holdout: 103 }, 'none', true]);
    expect(printed.at(-1)).toBe(`ml-studio: exit 3: a challenger passed its gate — ${MODEL} v2 registered (promote it after review).\n`);
    expect([registry.models[0].production, registry.models[0].versions.map((v: { stage: string }) => v.stage), registry.models[0].changes.map((c: { action: string }) => c.action)]).toEqual([1, ['production', 'none'], ['register']]);
  }, 60_000);

  it('a batch without the target fails the Retrain cell ("needs labels"): exit 1', async () => {
    const { code, printed, results } = await runHeadless({ drift: true, labels: false });
    expect([code, results.cells.map((c: { status: string }) => c.status)]).toEqual([1, ['done', 'done', 'error']]);
    expect(printed.at(-1)).toBe('ml-studio: cell 3 (Retrain) failed: The batch has no "Species" column: retraining needs labels. Add the labels to the batch file, or monitor it without retraining.\n');
  }, 60_000);

  it('a version the file does not carry, or a run without a contract, fails the Monitor cell with a clear message', async () => {
    const missing = await runHeadless({ drift: false, version: 7 });
    expect([missing.code, missing.printed.at(-1)]).toEqual([1, `ml-studio: cell 2 (Monitor) failed: "${MODEL}" has no v7; its versions: v1 production. Pick one of those in the Monitor cell, or leave the version empty for the one in production.\n`]);
    const { inputContract: _contract, ...withoutContract } = champion;
    const old = await runHeadless({ drift: false, models: embedChampion(withoutContract) });
    expect([old.code, old.printed.at(-1)]).toEqual([1, 'ml-studio: cell 2 (Monitor) failed: The run "Logistic regression" has no stored input contract (it was trained before contracts existed), so there is no reference to monitor against; retrain it and register the new run.\n']);
    const none = await runHeadless({ drift: false, models: [] });
    expect(none.printed.at(-1)).toBe(`ml-studio: cell 2 (Monitor) failed: No model "${MODEL}" is registered: the notebook file carries no model versions. Export the notebook from ML Studio with this Monitor cell picking a registered model (the export embeds its versions).\n`);
  }, 60_000);

  it('--data may name the champion\'s dataset; a file of other content is refused naming both hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-studio-other-'));
    const other = join(dir, 'penguins.csv');
    writeFileSync(other, `${readFileSync(PENGUINS, 'utf8')}Adelie,Dream,40,18,190,3800,MALE\n`);
    const { code, printed } = await runHeadless({ drift: false, data: ['--data', `penguins=${other}`] });
    expect(code).toBe(1);
    expect(printed.at(-1)).toMatch(new RegExp(`^ml-studio: cell 2 \\(Monitor\\) failed: --data penguins=${other}: the file's content hash is [0-9a-f]{12}…, but "Logistic regression" was trained on dataset "penguins" with content hash ${champion.provenance!.dataset.contentHash.slice(0, 12)}…; pass the file it was trained on.\\n$`));
  }, 60_000);
});
