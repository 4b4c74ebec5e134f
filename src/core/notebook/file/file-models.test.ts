import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from '../../errors';
import type { TrainedRun } from '../../train/types';
import { addCell, createNotebook, updateCellSpec } from '../reducers';
import type { CellId, NotebookId } from '../types';
import type { EmbeddedModel } from './file-types';
import { readNotebookFile } from './read-notebook-file';
import { createNotebookFile, formatNotebookFile } from './write-notebook-file';

/** A logistic regression run as runs/<id>.json holds it (model and pipeline cut to what the reader looks at). */
const RUN: TrainedRun = {
  id: 'run-1', family: 'logistic_regression', label: 'Logistic regression', baseline: false, params: { C: 1 }, task: 'multiclass', seed: 42,
  primaryMetric: 'accuracy', metrics: { validation: { accuracy: { value: 0.97 } }, cv: null }, curve: [], durationMs: 12, trainedAt: 1_700_000_000_000,
  stopped: false, model: { formatVersion: 1, kind: 'logistic_regression', task: 'multiclass', params: {}, featureNames: ['x'], state: { weights: [1, 2] } } as unknown as TrainedRun['model'],
  pipeline: { formatVersion: 1, steps: [], inputColumns: [{ name: 'x', kind: 'numeric' }], outputColumns: [{ name: 'x', kind: 'numeric' }], trainRowCount: 10 },
  featureNames: ['x'], classes: ['a', 'b', 'c'], info: {}, tags: ['kept'],
  inputContract: { formatVersion: 1, columns: [{ name: 'x', kind: 'numeric', missing: 0, min: 0, max: 9, reference: { sample: [0, 1, 2] } }], target: { name: 'y', classes: ['a', 'b', 'c'] }, trainRowCount: 10 },
};

const MODEL: EmbeddedModel = { name: 'species', versions: [{ version: 2, stage: 'production', registeredAt: 5, run: RUN }, { version: 1, stage: 'none', registeredAt: 4, run: { ...RUN, id: 'run-0' } }] };

/** Data → Monitor (species, production), with `models` in the file. */
function fileText(models: readonly EmbeddedModel[]): string {
  let notebook = addCell(addCell(createNotebook('nb' as NotebookId, 'Watch', 1), 'data', 'd' as CellId, 1), 'monitor', 'm' as CellId, 1);
  notebook = updateCellSpec(notebook, 'm' as CellId, 'monitor', (spec) => ({ ...spec, model: 'species' }), 1);
  return formatNotebookFile(createNotebookFile(notebook, { bindings: new Map(), models }));
}

function problemsOf(edit: (document: any) => void): readonly string[] {
  const document = JSON.parse(fileText([MODEL]));
  edit(document);
  try {
    readNotebookFile(JSON.stringify(document));
  } catch (error) {
    if (error instanceof NotebookFormatError) return error.problems;
    throw error;
  }
  return [];
}

describe('models in a notebook file', () => {
  it('are written after the datasets, versions ascending, and read back whole: every field of the run kept', () => {
    const text = fileText([MODEL]);
    const document = JSON.parse(text);
    expect([Object.keys(document), document.models[0].versions.map((v: { version: number }) => v.version)]).toEqual([['format', 'formatVersion', 'notebook', 'datasets', 'models'], [1, 2]]);
    const file = readNotebookFile(text);
    expect(file.models).toEqual([{ name: 'species', versions: [{ version: 1, stage: 'none', registeredAt: 4, run: { ...RUN, id: 'run-0' } }, { version: 2, stage: 'production', registeredAt: 5, run: RUN }] }]);
  });

  it('are left out of a file that carries none, and a file without them reads as before', () => {
    expect(Object.keys(JSON.parse(fileText([])))).toEqual(['format', 'formatVersion', 'notebook', 'datasets']);
    expect(readNotebookFile(fileText([])).models).toBeUndefined();
  });

  it('give a run written by an older build the empty values of the fields it lacks', () => {
    const problems = problemsOf((d) => {
      for (const key of ['curve', 'info', 'stopped', 'durationMs', 'baseline']) delete d.models[0].versions[0].run[key];
    });
    expect(problems).toEqual([]);
    const document = JSON.parse(fileText([MODEL]));
    delete document.models[0].versions[0].run.curve;
    expect(readNotebookFile(JSON.stringify(document)).models?.[0].versions[0].run.curve).toEqual([]);
  });

  it('name the path of a bad entry', () => {
    expect(problemsOf((d) => {
      d.models[0].name = 'species/v2';
      d.models[0].versions[0].stage = 'live';
      d.models[0].versions[1].run.primaryMetric = 'speed';
      delete d.models[0].versions[1].run.pipeline;
      d.models[0].versions[1].run.inputContract.columns[0].kind = 'number';
    })).toEqual([
      'models[0].name must be 1–64 letters, digits, spaces, ".", "-" or "_", without spaces around it (got "species/v2")',
      'models[0].versions[0].stage must be one of "none", "staging", "production", "archived" (got "live")',
      expect.stringMatching(/^models\[0\]\.versions\[1\]\.run\.primaryMetric must be one of "roc-auc", .* \(got "speed"\)$/),
      'models[0].versions[1].run.pipeline is missing',
      'models[0].versions[1].run.inputContract.columns[0].kind must be one of "numeric", "categorical", "datetime", "boolean", "text" (got "number")',
    ]);
    expect(problemsOf((d) => (d.models[0].versions = []))).toEqual(['models[0].versions must hold at least one version (got a list)']);
  });

  it('refuse two models of one name, two versions of one number or run, and two versions in production', () => {
    expect(problemsOf((d) => {
      d.models.push(JSON.parse(JSON.stringify(d.models[0])));
      d.models[1].versions[1].version = 1;
      d.models[1].versions[1].run.id = 'run-0';
      d.models[1].versions[0].stage = 'production';
      d.models[1].versions[0].monitorHistory = [{ modelName: 'species', version: 2, at: 1, batch: 'b', rows: 3, status: 'ok', psi: {}, predictionPsi: null, performance: null }];
    })).toEqual([
      'models[1].name must be unique (got "species", the name of models[0])',
      'models[1].versions[0].monitorHistory[0] must be a batch of species v1 (got "species v2")',
      'models[1].versions[1].version must be unique (got 1, the number of versions[0])',
      'models[1].versions[1].run.id must be unique in the model (got "run-0", the run of versions[0])',
      'models[1].versions[1].stage must not be "production" too: versions[0] is in production, and a model has one production version at most (got "production")',
    ]);
  });
});
