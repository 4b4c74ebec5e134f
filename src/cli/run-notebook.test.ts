import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import type { CellId, DatasetId, Notebook, NotebookId } from '../core/notebook/types';
import { bindData, listDataCells, parseDataOption } from './bind-data';
import { main } from './main';
import { runNotebookHeadless } from './run-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));

/** Data (penguins) → Problem (Species) → Split (3 folds) → Prepare (no steps) → Train (logistic regression + the majority baseline, CV). */
function buildPenguins(): Notebook {
  let notebook = createNotebook('nb' as NotebookId, 'Penguins', 0);
  for (const [kind, id] of [['data', 'd'], ['problem', 'p'], ['split', 's'], ['prepare', 'q'], ['train', 't']] as const) notebook = addCell(notebook, kind, id as CellId, 0);
  notebook = updateCellSpec(notebook, 'd' as CellId, 'data', (spec) => ({ ...spec, datasetId: 'penguins' as DatasetId, sourceLabel: 'sample: penguins' }), 0);
  notebook = updateCellSpec(notebook, 'p' as CellId, 'problem', (spec) => ({ ...spec, target: 'Species', task: 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: ['macro-f1'] }), 0);
  notebook = updateCellSpec(notebook, 's' as CellId, 'split', (spec) => ({ ...spec, cv: { kind: 'stratified', k: 3 } }), 0);
  return updateCellSpec(notebook, 't' as CellId, 'train', (spec) => ({ ...spec, candidates: [{ family: 'logistic_regression', params: {} }, { family: 'most_frequent', params: {} }] }), 0);
}

const bindPenguins = (notebook: Notebook) => bindData(listDataCells(notebook), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });

describe('runNotebookHeadless', () => {
  it('runs every cell in order through the runtime and reports each one, with the leaderboard and the whole runs', async () => {
    const notebook = buildPenguins();
    const lines: string[] = [];
    const { results, runs } = await runNotebookHeadless(notebook, bindPenguins(notebook), (line) => lines.push(line));
    expect([results.status, results.failed, results.cells.map((c) => `${c.title}: ${c.status}`)]).toEqual([
      'succeeded', null, ['Data: done', 'Problem: done', 'Split: done', 'Prepare: done', 'Train: done'],
    ]);
    const train = results.cells[4].summary as { leaderboard: { family: string; validation: Record<string, number>; cv: Record<string, { mean: number }> | null }[] };
    expect(train.leaderboard.map((row) => row.family)).toEqual(['logistic_regression', 'most_frequent']);
    expect(train.leaderboard[0].validation.accuracy).toBeGreaterThan(0.95);
    expect(train.leaderboard[0].cv?.accuracy.mean).toBeGreaterThan(0.95);
    expect([...runs.values()].map((run) => [run.family, run.model.kind, run.pipeline.steps.length > 0])).toEqual([['logistic_regression', 'logistic_regression', true], ['most_frequent', 'most_frequent', false]]);
    expect(lines).toContain('cell 5 (Train) …');
  });

  it('stops at the first failing cell, naming it; the cells below are left waiting', async () => {
    const notebook = updateCellSpec(buildPenguins(), 'p' as CellId, 'problem', (spec) => ({ ...spec, target: 'Species', task: 'binary' }), 1);
    const { results } = await runNotebookHeadless(notebook, bindPenguins(notebook));
    expect([results.status, results.failed?.title, results.failed?.error, results.cells.map((c) => c.status)]).toEqual([
      'failed', 'Problem', '"Species" has 3 classes, but binary needs 2. Choose multiclass, or group the classes first.', ['done', 'error', 'waiting', 'waiting', 'waiting'],
    ]);
  });
});

describe('bindData', () => {
  it('binds --data by dataset name; an unknown name or an unbound cell is an error naming it', () => {
    const cells = listDataCells(buildPenguins());
    expect(cells).toEqual([{ cellId: 'd', name: 'penguins', source: null }]);
    expect(() => bindData(cells, { data: [{ name: 'pengwins', path: 'x.csv' }], notebookDir: '.', samplesDir: '.' })).toThrow('--data "pengwins" names no Data cell of this notebook; its datasets are: "penguins".');
    expect(() => bindData(cells, { data: [], notebookDir: '.', samplesDir: '.' })).toThrow('The Data cell "penguins" has no file: pass --data penguins=path/to/file.csv.');
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
      const dir = write(JSON.stringify({ format: 'ml-studio-notebook', formatVersion: 1, notebook: buildPenguins() }));
      const out = join(dir, 'out');
      expect(await main(['node', 'ml-studio', 'run', join(dir, 'nb.notebook.json'), '--data', `penguins=${PENGUINS}`, '--out', out, '--quiet'])).toBe(0);
      expect([JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).status, readdirSync(join(out, 'runs')).length]).toEqual(['succeeded', 2]);
      const failing = write(JSON.stringify({ notebook: updateCellSpec(buildPenguins(), 'p' as CellId, 'problem', (spec) => ({ ...spec, task: 'binary' }), 1) }));
      expect(await main(['node', 'ml-studio', 'run', join(failing, 'nb.notebook.json'), '--data', `penguins=${PENGUINS}`, '--quiet'])).toBe(1);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('ml-studio: cell 2 (Problem) failed: "Species" has 3 classes, but binary needs 2.'));
      expect(await main(['node', 'ml-studio', 'run', join(write('{ not json'), 'nb.notebook.json'), '--quiet'])).toBe(2);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^ml-studio: ".*nb\.notebook\.json" is not JSON/));
      expect(await main(['node', 'ml-studio', 'run'])).toBe(2);
      expect(await main(['node', 'ml-studio', 'walk'])).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  }, 60_000);
});
