import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readNotebookFile as parseNotebookFile, type NotebookFile } from '../core/notebook/file';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import { readBundle } from '../core/export/assemble-bundle';
import { updateCellSpec } from '../core/notebook/reducers';
import type { CellId } from '../core/notebook/types';
import { bindData, listDataCells, parseDataOption } from './bind-data';
import { main } from './main';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));

/** The penguins example with 3 stratified CV folds and the majority baseline beside its families, as a file. */
function readPenguins(): NotebookFile {
  const file = parseNotebookFile(readFileSync(EXAMPLE, 'utf8'));
  const cells = file.notebook.cells.map((cell) => {
    if (cell.kind === 'split') return { ...cell, spec: { ...cell.spec, cv: { kind: 'stratified' as const, k: 3 } } };
    if (cell.kind === 'train') return { ...cell, spec: { ...cell.spec, crossValidate: true, candidates: [{ family: 'logistic_regression', params: {} }, { family: 'most_frequent', params: {} }] } };
    return cell;
  }).filter((cell) => cell.kind !== 'evaluate');
  return { ...file, notebook: { ...file.notebook, cells } };
}

const bindPenguins = (file: NotebookFile) => bindData(listDataCells(file), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });

describe('runNotebookHeadless', () => {
  it('runs every cell in order through the runtime and reports each one, with the leaderboard and the whole runs', async () => {
    const file = readPenguins();
    const lines: string[] = [];
    const { results, runs } = await runNotebookHeadless(createHeadlessNotebook(file), bindPenguins(file), (line) => lines.push(line));
    expect([results.status, results.failed, results.cells.map((c) => `${c.title}: ${c.status}`)]).toEqual([
      'succeeded', null, ['Data: done', 'Problem: done', 'Split: done', 'Prepare: done', 'Train: done'],
    ]);
    const train = results.cells[4].summary as { leaderboard: { family: string; validation: Record<string, number>; cv: Record<string, { mean: number }> | null }[] };
    expect(train.leaderboard.map((row) => row.family)).toEqual(['logistic_regression', 'most_frequent']);
    expect(train.leaderboard[0].validation.accuracy).toBeGreaterThan(0.95);
    expect(train.leaderboard[0].cv?.accuracy.mean).toBeGreaterThan(0.95);
    expect([...runs.values()].map((run) => [run.family, run.model.kind, run.pipeline.steps.length > 0])).toEqual([['logistic_regression', 'logistic_regression', true], ['most_frequent', 'most_frequent', true]]);
    expect(lines).toContain('cell 5 (Train) …');
  });

  it('Explain and Compare run after Train: importance of the best run, the two best runs tested against each other', async () => {
    const file = readPenguins();
    const notebook = createHeadlessNotebook(file);
    const cells = [...notebook.cells, { id: 'explain' as CellId, kind: 'explain' as const, spec: { ...CELL_KINDS.explain.createSpec(), repeats: 2, shapRows: 20, pdFeatures: 1 } }, { id: 'compare' as CellId, kind: 'compare' as const, spec: CELL_KINDS.compare.createSpec() }];
    const { results } = await runNotebookHeadless({ ...notebook, cells }, bindPenguins(file));
    expect(results.cells.slice(-2).map((c) => `${c.title}: ${c.status}${c.error ? ` (${c.error})` : ''}`)).toEqual(['Explain: done', 'Compare: done']);
    const explain = results.cells[5].summary as { run: string; importance: { feature: string }[] };
    const compare = results.cells[6].summary as { a: string; b: string; report: { verdict: string } };
    expect([explain.run, explain.importance.length > 0, compare.a, compare.b]).toEqual(['Logistic regression', true, 'Logistic regression', 'Most frequent class']);
  }, 60_000);

  it('a Predict cell scores the test rows headless: its summary in results.json, every row in predictions/*.csv', async () => {
    const file = readPenguins();
    const notebook = createHeadlessNotebook(file);
    const cells = [...notebook.cells, { id: 'predict' as CellId, kind: 'predict' as const, spec: { ...CELL_KINDS.predict.createSpec(), source: 'test' as const } }];
    const { results, files } = await runNotebookHeadless({ ...notebook, cells }, bindPenguins(file));
    const predict = results.cells[5] as { status: string; summary: { run: string; source: string; rows: number; predictions: { kind: string; counts: { rows: number }[] } } };
    expect([predict.status, predict.summary.run, predict.summary.source]).toEqual(['done', 'Logistic regression', 'test rows']);
    expect(predict.summary.predictions.counts.reduce((n, c) => n + c.rows, 0)).toBe(predict.summary.rows);
    const csv = (await files.get('predictions/cell-6-test.csv')!.text()).trim().split('\n');
    expect([csv.length - 1, csv[0]]).toEqual([predict.summary.rows, 'Species,Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex,prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo']);
  }, 60_000);

  it('an Export cell packages the best run headless: exports/<name>.zip holds a bundle that reads back', async () => {
    const file = readPenguins();
    const notebook = createHeadlessNotebook(file);
    const cells = [...notebook.cells, { id: 'export' as CellId, kind: 'export' as const, spec: { ...CELL_KINDS.export.createSpec(), name: 'penguins-species' } }];
    const { results, files } = await runNotebookHeadless({ ...notebook, cells }, bindPenguins(file));
    const exported = results.cells[5] as { status: string; summary: { run: string; files: string[]; notes: string[] } };
    expect([exported.status, exported.summary.run, exported.summary.notes]).toEqual(['done', 'Logistic regression', []]);
    expect(exported.summary.files).toEqual(expect.arrayContaining(['model.onnx', 'predict.mjs', 'serve.mjs', 'score.mjs', 'schema.json', 'triton/penguins-species/config.pbtxt']));
    const { run } = readBundle(new Uint8Array(await files.get('exports/penguins-species.zip')!.arrayBuffer()));
    expect([run.family, run.inputContract?.target?.name]).toEqual(['logistic_regression', 'Species']);
  }, 120_000);

  it('stops at the first failing cell, naming it; the cells below are left waiting', async () => {
    const file = readPenguins();
    const notebook = updateCellSpec(createHeadlessNotebook(file), 'problem' as CellId, 'problem', (spec) => ({ ...spec, task: 'binary' }), 1);
    const { results } = await runNotebookHeadless(notebook, bindPenguins(file));
    expect([results.status, results.failed?.title, results.failed?.error, results.cells.map((c) => c.status)]).toEqual([
      'failed', 'Problem', '"Species" has 3 classes, but binary needs 2. Choose multiclass, or group the classes first.', ['done', 'error', 'waiting', 'waiting', 'waiting'],
    ]);
  });
});

describe('bindData', () => {
  it('binds --data by dataset name; an unknown name or an unbound cell is an error naming it', () => {
    const cells = listDataCells(readPenguins());
    expect(cells.map((cell) => [cell.cellId, cell.index, cell.dataset.name, cell.embedded])).toEqual([['data', 0, 'penguins', null]]);
    expect(() => bindData(cells, { data: [{ name: 'pengwins', path: 'x.csv' }], notebookDir: '.', samplesDir: '.' })).toThrow('--data "pengwins" names no Data cell of this notebook; its datasets are: "penguins".');
    expect(() => bindData(cells, { data: [], notebookDir: '/nowhere', samplesDir: '/nowhere' })).toThrow('Data cell cells[0] (dataset "penguins") has no data: pass --data penguins=path/to/penguins.csv.');
    expect(() => parseDataOption('penguins')).toThrow('--data "penguins" is not NAME=path; write e.g. --data penguins=penguins.csv.');
  });
});

describe('ml-studio run', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-studio-'));
    writeFileSync(join(dir, 'nb.notebook.json'), text);
    return dir;
  };

  it('writes results.json and runs/<id>.json and exits 0; exits 1 naming a failed cell, 2 for a bad file or invocation', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const dir = write(JSON.stringify(readPenguins()));
      const out = join(dir, 'out');
      expect(await main(['node', 'ml-studio', 'run', join(dir, 'nb.notebook.json'), '--data', `penguins=${PENGUINS}`, '--out', out, '--quiet'])).toBe(0);
      expect([JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).status, readdirSync(join(out, 'runs')).length]).toEqual(['succeeded', 2]);
      const penguins = readPenguins();
      const binary = { ...penguins, notebook: { ...penguins.notebook, cells: penguins.notebook.cells.map((cell) => (cell.kind === 'problem' ? { ...cell, spec: { ...cell.spec, task: 'binary' as const } } : cell)) } };
      expect(await main(['node', 'ml-studio', 'run', join(write(JSON.stringify(binary)), 'nb.notebook.json'), '--data', `penguins=${PENGUINS}`, '--quiet'])).toBe(1);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('ml-studio: cell 2 (Problem) failed: "Species" has 3 classes, but binary needs 2.'));
      expect(await main(['node', 'ml-studio', 'run', join(write('{ not json'), 'nb.notebook.json'), '--quiet'])).toBe(2);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^ml-studio: Cannot read this notebook file: it is not JSON/));
      expect(await main(['node', 'ml-studio', 'run'])).toBe(2);
      expect(await main(['node', 'ml-studio', 'walk'])).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  }, 60_000);
});
