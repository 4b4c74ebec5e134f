import { expect, it } from 'vitest';
import { nameImportedModel, remapRecord, type IdRemap } from './remap-ids';

const REMAP: IdRemap = {
  datasets: new Map([['ds-old', 'ds-new']]),
  notebooks: new Map([['nb-old', 'nb-new']]),
  runs: new Map([['run-old', 'run-new']]),
  models: new Map([['churn', 'churn imported']]),
};

it('rewrites the dataset and run ids a notebook\'s cell specs name, leaving the rest as it was', () => {
  const notebook = {
    id: 'nb-old',
    cells: [
      { id: 'c1', kind: 'data', spec: { datasetId: 'ds-old', sourceLabel: 'x' } },
      { id: 'c2', kind: 'predict', spec: { runId: 'run-old', source: 'file', file: { datasetId: 'ds-old', name: 'f.csv' } } },
      { id: 'c3', kind: 'compare', spec: { runA: 'run-old', runB: 'other' } },
      { id: 'c4', kind: 'note', spec: { markdown: 'run-old' } },
    ],
  };
  const out = remapRecord('notebooks', notebook, REMAP) as typeof notebook;
  expect(out.id).toBe('nb-new');
  expect(out.cells.map((c) => c.spec)).toEqual([
    { datasetId: 'ds-new', sourceLabel: 'x' },
    { runId: 'run-new', source: 'file', file: { datasetId: 'ds-new', name: 'f.csv' } },
    { runA: 'run-new', runB: 'other' },
    { markdown: 'run-old' },
  ]);
  expect(out.cells[3]).toBe(notebook.cells[3]);
});

it('rewrites ids inside a cell output\'s strings and keeps Blobs and typed arrays', () => {
  const blob = new Blob(['run-old']);
  const bytes = new Float64Array([1]);
  const record = { notebookId: 'nb-old', cellId: 'c', output: { inputKey: 'split|run=run-old|p', output: { runs: [{ id: 'run-old' }], blob, bytes, byId: new Map([['run-old', 1]]) } } };
  const out = remapRecord('cellOutputs', record, REMAP) as typeof record;
  expect(out.notebookId).toBe('nb-new');
  expect(out.output.inputKey).toBe('split|run=run-new|p');
  expect(out.output.output.runs).toEqual([{ id: 'run-new' }]);
  expect(out.output.output.byId).toEqual(new Map([['run-new', 1]]));
  expect([out.output.output.blob, out.output.output.bytes]).toEqual([blob, bytes]);
  expect(out.output.output.blob).toBe(blob);
});

it('renames a model\'s versions and changes and points versions at remapped runs; returns untouched records as they are', () => {
  expect(remapRecord('modelVersions', { id: 'churn@2', modelName: 'churn', version: 2, runId: 'run-old', notebookId: 'nb-old' }, REMAP)).toEqual({ id: 'churn imported@2', modelName: 'churn imported', version: 2, runId: 'run-new', notebookId: 'nb-new' });
  expect(remapRecord('registryLog', { id: 'churn#3', modelName: 'churn', sequence: 3 }, REMAP)).toEqual({ id: 'churn imported#3', modelName: 'churn imported', sequence: 3 });
  expect(remapRecord('runs', { id: 'run-old', notebookId: 'nb-old', run: { id: 'run-old', provenance: { dataset: 'ds-old' } } }, REMAP)).toEqual({ id: 'run-new', notebookId: 'nb-new', run: { id: 'run-new', provenance: { dataset: 'ds-old' } } });
  const untouched = { id: 'r', notebookId: 'nb', run: { id: 'r' } };
  expect(remapRecord('runs', untouched, REMAP)).toBe(untouched);
});

it('names an imported model with a free name that follows the model name rules (64 characters at most)', () => {
  expect(nameImportedModel('churn', () => false)).toBe('churn imported');
  expect(nameImportedModel('churn', (n) => n === 'churn imported')).toBe('churn imported 2');
  const long = nameImportedModel('x'.repeat(64), () => false);
  expect([long.length, long.endsWith(' imported')]).toEqual([64, true]);
});

it('rewrites the stored table a Code cell\'s output names (its dataset key "code-output|<id>")', () => {
  const record = { notebookId: 'nb-old', cellId: 'c5', output: { kind: 'table', dataset: { key: 'code-output|ds-old', name: 'cleaned' } } };
  const out = remapRecord('cellOutputs', record, REMAP) as typeof record;
  expect(out).toEqual({ notebookId: 'nb-new', cellId: 'c5', output: { kind: 'table', dataset: { key: 'code-output|ds-new', name: 'cleaned' } } });
});
