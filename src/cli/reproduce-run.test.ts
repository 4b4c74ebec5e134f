// The whole record path in Node: a notebook run headless records each run's dataset hash, split request and
// pipeline hash (Data → Split → Train runners and the Node port), and Reproduce trains it again from that record.
import { openAsBlob } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNotebookFile } from '../core/notebook/file';
import { importFile } from '../core/ingest/import-file';
import { reproduceRun } from '../core/train/reproduce-run';
import { hashFittedPipeline } from '../core/train/record-provenance';
import { bindData, listDataCells } from './bind-data';
import { summarizeRun } from './node-compute-port';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));

describe('a headless run records provenance and reproduces', () => {
  it('records dataset, split, problem and pipeline hash on every run; logistic regression and a decision tree reproduce exactly', async () => {
    const file = readNotebookFile(readFileSync(EXAMPLE, 'utf8'));
    const cells = file.notebook.cells.filter((cell) => cell.kind !== 'evaluate').map((cell) => (cell.kind === 'train'
      ? { ...cell, spec: { ...cell.spec, crossValidate: false, candidates: [{ family: 'logistic_regression', params: {} }, { family: 'decision_tree', params: {} }] } }
      : cell));
    const withCells = { ...file, notebook: { ...file.notebook, cells } };
    const bindings = bindData(listDataCells(withCells), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });
    const { runs } = await runNotebookHeadless(createHeadlessNotebook(withCells), bindings);
    const dataCell = cells.find((cell) => cell.kind === 'data');
    if (dataCell?.kind !== 'data') throw new Error('the example has a Data cell');
    const { table } = await importFile(await openAsBlob(PENGUINS), 'penguins.csv', dataCell.spec.options);
    expect(runs.size).toBe(2);
    for (const run of runs.values()) {
      const provenance = run.provenance!;
      expect([provenance.dataset.contentHash, provenance.dataset.name, provenance.dataset.rowCount, provenance.dataset.columns.length]).toEqual(['158e58eec25499315087e2717b014f421e19dd7bcd39dac1aa340ecc8b46f1c0', 'penguins', 344, table.columns.length]);
      expect([provenance.split.request.holdout.kind, provenance.split.trainRows + provenance.split.validationRows > 0, provenance.problem.target, provenance.pipelineHash]).toEqual(['stratified', true, 'Species', hashFittedPipeline(run.pipeline)]);
      expect(await reproduceRun(table, summarizeRun(run))).toMatchObject({ outcome: 'exact', message: 'Reproduced exactly: every metric equal.', pipelineMatches: true });
    }
  }, 60_000);
});
