import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from '../../errors';
import { addCell, createNotebook, renameCell, updateCellSpec } from '../reducers';
import type { CellId, DatasetId, Notebook, NotebookId } from '../types';
import { NOTEBOOK_FILE_VERSION, type DatasetBinding } from './file-types';
import { createNotebookFromFile } from './notebook-from-file';
import { readNotebookFile } from './read-notebook-file';
import { UPGRADES } from './upgrade-notebook-file';
import { createNotebookFile, formatNotebookFile } from './write-notebook-file';

const id = (s: string) => s as CellId;
const HASH = 'c30eea583d6bad9063d6bcaf26f1d1e8d6e24d92696f9f0164b361dd478fa069';
const PENGUINS: DatasetBinding = {
  name: 'penguins',
  fileName: 'penguins.csv',
  source: 'samples/penguins.csv',
  rowCount: 344,
  columns: [{ name: 'Species', kind: 'categorical' }, { name: 'Body Mass (g)', kind: 'numeric' }],
  contentHash: HASH,
};

/** Data (penguins, one override) → Problem → Split → Evaluate (a run picked), as the browser stores it. */
function buildNotebook(): Notebook {
  let nb = createNotebook('nb-1' as NotebookId, 'Penguins', 1000);
  nb = addCell(nb, 'data', id('c-data'), 1000);
  nb = addCell(nb, 'problem', id('c-problem'), 1000);
  nb = addCell(nb, 'split', id('c-split'), 1000);
  nb = addCell(nb, 'evaluate', id('c-eval'), 1000);
  nb = updateCellSpec(nb, id('c-data'), 'data', (s) => ({ ...s, datasetId: 'ds-local' as DatasetId, sourceLabel: 'penguins.csv', columnOverrides: { 'Body Mass (g)': 'categorical' } }), 1000);
  nb = updateCellSpec(nb, id('c-problem'), 'problem', (s) => ({ ...s, target: 'Species', task: 'multiclass', primaryMetric: 'macro-f1', secondaryMetrics: ['accuracy'] }), 1000);
  nb = updateCellSpec(nb, id('c-eval'), 'evaluate', (s) => ({ ...s, runId: 'run-local', threshold: 0.3 }), 1000);
  nb = renameCell(nb, id('c-split'), 'Stratified 60/20/20', 1000);
  return nb;
}

/** The text of a valid file with `edit` applied to its parsed JSON. */
function fileWith(edit: (document: any) => void): string {
  const document = JSON.parse(formatNotebookFile(createNotebookFile(buildNotebook(), { bindings: new Map([[id('c-data'), PENGUINS]]) })));
  edit(document);
  return JSON.stringify(document);
}

/** The error readNotebookFile throws for `text`, as its message and problems. */
function errorOf(text: string): { message: string; problems: readonly string[] } {
  try {
    readNotebookFile(text);
  } catch (error) {
    if (error instanceof NotebookFormatError) return { message: error.message, problems: error.problems };
    throw error;
  }
  throw new Error('readNotebookFile accepted the file');
}

describe('notebook file round trip', () => {
  it('writes a notebook without its browser-local ids and with its Data cell dataset', () => {
    const file = createNotebookFile(buildNotebook(), { bindings: new Map([[id('c-data'), PENGUINS]]) });
    expect(file.notebook.cells.map((cell) => [cell.id, cell.kind])).toEqual([['c-data', 'data'], ['c-problem', 'problem'], ['c-split', 'split'], ['c-eval', 'evaluate']]);
    expect(file.notebook.cells[0]).toMatchObject({ spec: { datasetId: null, sourceLabel: 'penguins.csv' }, dataset: PENGUINS });
    expect(file.notebook.cells[3].spec).toMatchObject({ runId: null, threshold: 0.3 });
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'notebook', 'datasets']);
  });

  it('reads back the same cells: notebook → file → notebook', () => {
    const notebook = buildNotebook();
    const text = formatNotebookFile(createNotebookFile(notebook, { bindings: new Map([[id('c-data'), PENGUINS]]) }));
    const file = readNotebookFile(text);
    const back = createNotebookFromFile(file, 'nb-2' as NotebookId, 5000, new Map([[id('c-data'), 'ds-local' as DatasetId]]));
    const withoutRun = notebook.cells.map((cell) => (cell.kind === 'evaluate' ? { ...cell, spec: { ...cell.spec, runId: null } } : cell));
    expect(back).toEqual({ ...notebook, id: 'nb-2', cells: withoutRun, createdAt: 5000, updatedAt: 5000 });
    expect(formatNotebookFile(file)).toBe(text);
  });

  it('keeps a cell\'s name and refuses one over 120 characters', () => {
    const file = createNotebookFile(buildNotebook(), { bindings: new Map([[id('c-data'), PENGUINS]]) });
    expect(file.notebook.cells.map((cell) => cell.title)).toEqual([undefined, undefined, 'Stratified 60/20/20', undefined]);
    expect(errorOf(fileWith((doc) => (doc.notebook.cells[0].title = 'x'.repeat(121)))).problems.join()).toMatch(/title.*120/);
  });

  it('says which file a Data cell wants when its dataset was not found', () => {
    const file = readNotebookFile(fileWith(() => {}));
    const back = createNotebookFromFile(file, 'nb-2' as NotebookId, 5000, new Map([[id('c-data'), null]]));
    expect(back.cells[0].spec).toMatchObject({ datasetId: null, sourceLabel: 'penguins.csv (dataset "penguins", 344 rows × 2 columns)' });
  });

  it('completes specs with the defaults of fields the file leaves out', () => {
    const file = readNotebookFile(fileWith((d) => {
      delete d.notebook.cells[2].spec.gapDays;
      delete d.notebook.cells[3].spec.calibration;
    }));
    expect([file.notebook.cells[2].spec, file.notebook.cells[3].spec]).toMatchObject([{ gapDays: 0 }, { calibration: 'none' }]);
  });

  it('reads a file without "datasets" as one with none embedded', () => {
    expect(readNotebookFile(fileWith((d) => delete d.datasets)).datasets).toEqual([]);
  });

  it('drops keys a spec does not know', () => {
    const file = readNotebookFile(fileWith((d) => (d.notebook.cells[1].spec.legacyField = 1)));
    expect(Object.keys(file.notebook.cells[1].spec)).not.toContain('legacyField');
  });
});

describe('notebook file versions', () => {
  it('has one upgrade step per version below the current one', () => {
    expect(UPGRADES).toHaveLength(NOTEBOOK_FILE_VERSION);
  });

  it('upgrades version 0 — a notebook as IndexedDB stores it — to version 1', () => {
    const stored = buildNotebook();
    const file = readNotebookFile(JSON.stringify(stored));
    expect(file.formatVersion).toBe(1);
    expect(file.datasets).toEqual([]);
    expect(file.notebook.name).toBe('Penguins');
    // A stored notebook names its dataset by this browser's id: kept, so the same browser can still link it.
    expect(file.notebook.cells).toEqual(stored.cells);
  });
});

describe('bad notebook files', () => {
  it('refuses text that is not JSON', () => {
    const text = '{"format": "ml-studio-notebook",';
    const detail = (() => {
      try {
        return JSON.parse(text);
      } catch (error) {
        return (error as Error).message; // the engine's wording, e.g. "Expected double-quoted property name in JSON at position 32"
      }
    })();
    expect(errorOf(text).message).toBe(`Cannot read this notebook file: it is not JSON (${detail}). Choose a .notebook.json file exported by ML Studio.`);
  });

  it('refuses JSON that is not a notebook', () => {
    expect(errorOf('[1, 2]').message).toBe('Cannot read this notebook file: it holds a list, not a notebook (an object with "format": "ml-studio-notebook").');
    expect(errorOf('{"rows": []}').message).toBe('Cannot read this notebook file: it has no "format": "ml-studio-notebook" field, so it is not an ML Studio notebook.');
    expect(errorOf('{"format": "jupyter"}').message).toBe('Cannot read this notebook file: format is "jupyter", not "ml-studio-notebook", so it is not an ML Studio notebook.');
  });

  it('names an unknown format version and the supported ones', () => {
    expect(errorOf(fileWith((d) => (d.formatVersion = 7))).message).toBe(
      'Cannot read this notebook file: formatVersion 7 is newer than this build reads (versions 0, 1); open it in a newer ML Studio.',
    );
    expect(errorOf(fileWith((d) => (d.formatVersion = '1'))).message).toBe('Cannot read this notebook file: formatVersion must be a whole number of at least 1 (got "1").');
  });

  it('names the index of an unknown cell kind and the known kinds', () => {
    expect(errorOf(fileWith((d) => (d.notebook.cells[2].kind = 'plot'))).message).toBe(
      'Cannot read this notebook file: cells[2].kind must be one of "data", "problem", "profile", "split", "prepare", "train", "tune", "evaluate", "explain", "compare", "predict", "export", "monitor", "retrain", "code", "note" (got "plot").',
    );
  });

  it('names the path and rule of a spec that fails validation', () => {
    expect(errorOf(fileWith((d) => (d.notebook.cells[2].spec.fractions.train = 1.5))).message).toBe(
      'Cannot read this notebook file: cells[2].spec.fractions.train must be between 0 and 1 (got 1.5).',
    );
  });

  it('lists the first three problems in the message and keeps them all', () => {
    const { message, problems } = errorOf(fileWith((d) => {
      d.notebook.name = ' ';
      d.notebook.cells[0].id = 42;
      d.notebook.cells[1].spec = [];
      delete d.notebook.cells[2].kind;
    }));
    expect(problems).toEqual(['name must not be empty (got " ")', 'cells[0].id must be text (got 42)', 'cells[1].spec must be an object (got a list)', 'cells[2].kind is missing']);
    expect(message).toBe('Cannot read this notebook file: name must not be empty (got " "); cells[0].id must be text (got 42); cells[1].spec must be an object (got a list); and 1 more.');
  });

  it('checks cell ids, dataset bindings and embedded datasets across cells', () => {
    // Problems of the envelope are reported before the checks across cells run.
    expect(errorOf(fileWith((d) => {
      d.notebook.cells[1].id = 'c-data';
      d.notebook.cells[0].dataset.contentHash = 'abc';
    })).problems).toEqual(['cells[0].dataset.contentHash must be 64 lowercase hexadecimal digits (a SHA-256) (got "abc")']);
    expect(errorOf(fileWith((d) => {
      d.notebook.cells[1].id = 'c-data';
      d.notebook.cells[2].dataset = d.notebook.cells[0].dataset;
      d.notebook.cells.push({ ...d.notebook.cells[0], id: 'c-data-2', dataset: { ...d.notebook.cells[0].dataset, rowCount: 10 } });
      d.datasets = [{ name: 'cars', mediaType: 'text/csv', text: 'a\n1\n' }];
    })).problems).toEqual([
      'cells[1].id must be unique (got "c-data", the id of cells[0])',
      'cells[2].dataset is only allowed on a Data cell (this is a split cell)',
      'cells[4].dataset.name names another dataset than cells[0] does (got "penguins"); give each dataset its own name',
      'datasets[0].name must be the dataset name of a Data cell (got "cars")',
    ]);
  });
});
