// Which file each Data cell of a headless run reads: `--data NAME=path` binds a file to the Data cells whose dataset
// is called NAME; without one, the dataset embedded in the notebook file, else the file it names (a bundled sample,
// a file beside the notebook). `--data` may also name the dataset an embedded model version was trained on (its
// Monitor and Retrain cells read it). A binding that names no dataset, or a Data cell left without data, is an error.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors';
import type { DatasetBinding, NotebookFile } from '../core/notebook/file';
import type { CellId } from '../core/notebook/types';
import type { DataBinding } from './node-compute-port';
import type { TrainingDataSources } from './open-training-rows';

/** A Data cell as the file names it: its index, its dataset binding and, when embedded, the dataset's text. */
export interface DataCellSource {
  readonly cellId: CellId;
  readonly index: number;
  readonly dataset: DatasetBinding;
  readonly embedded: string | null;
}

/** Parses one `--data` value ("penguins=data/penguins.csv"); a DataError shows the form it wants. */
export function parseDataOption(value: string): { name: string; path: string } {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new DataError(`--data "${value}" is not NAME=path; write e.g. --data penguins=penguins.csv.`);
  return { name: value.slice(0, at).trim(), path: value.slice(at + 1).trim() };
}

/**
 * Binds every Data cell: the `--data` file for its name, else its source found next to the notebook file or in
 * `samplesDir`. A `--data` name that is neither a Data cell's dataset nor one of `modelDatasets` (the datasets the
 * file's model versions were trained on), and a Data cell left unbound, are DataErrors naming them.
 */
export function bindData(
  cells: readonly DataCellSource[],
  options: { data: readonly { name: string; path: string }[]; notebookDir: string; samplesDir: string; modelDatasets?: readonly string[] },
): Map<CellId, DataBinding> {
  const known = new Set([...cells.map((cell) => cell.dataset.name), ...(options.modelDatasets ?? [])]);
  const unused = options.data.filter((binding) => !known.has(binding.name));
  if (unused.length > 0) {
    throw new DataError(`--data ${unused.map((b) => `"${b.name}"`).join(', ')} names no Data cell of this notebook; its datasets are: ${[...known].map((n) => `"${n}"`).join(', ') || 'none'}.`);
  }
  const bindings = new Map<CellId, DataBinding>();
  for (const cell of cells) {
    const { name } = cell.dataset;
    const given = options.data.find((binding) => binding.name === name);
    const common = { name, index: cell.index, expected: cell.dataset };
    if (given) bindings.set(cell.cellId, { ...common, path: resolve(given.path) });
    else if (cell.embedded !== null) bindings.set(cell.cellId, { ...common, text: cell.embedded, fileName: cell.dataset.fileName });
    else {
      const path = findSource(cell.dataset, options.notebookDir, options.samplesDir);
      if (!path) throw new DataError(`Data cell cells[${cell.index}] (dataset "${name}") has no data: pass --data ${name}=path/to/${cell.dataset.fileName}.`);
      bindings.set(cell.cellId, { ...common, path });
    }
  }
  return bindings;
}

/** The dataset's file: its bundled sample, or a file of its name beside the notebook; null when neither exists. */
function findSource(dataset: DatasetBinding, notebookDir: string, samplesDir: string): string | null {
  const candidates = [
    ...(dataset.source ? [resolve(samplesDir, dataset.source.replace(/^samples\//, ''))] : []),
    resolve(notebookDir, dataset.fileName),
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The datasets the file's model versions were trained on (their runs' recorded dataset names), each once. */
export function listModelDatasets(file: NotebookFile): string[] {
  const names = (file.models ?? []).flatMap((model) => model.versions.flatMap((entry) => (entry.run.provenance ? [entry.run.provenance.dataset.name] : [])));
  return [...new Set(names)];
}

/** Where the champions' training data may be found: `--data` by name, the samples, the file's embedded datasets. */
export function listTrainingDataSources(file: NotebookFile, data: readonly { name: string; path: string }[], samplesDir: string): TrainingDataSources {
  const cells = listDataCells(file);
  const embedded = new Map(cells.flatMap((cell) => (cell.embedded === null ? [] : [[cell.dataset.name, { text: cell.embedded, fileName: cell.dataset.fileName, contentHash: cell.dataset.contentHash }] as const])));
  const importOptions = new Map(file.notebook.cells.flatMap((cell) => (cell.kind === 'data' && cell.dataset ? [[cell.dataset.name, cell.spec.options] as const] : [])));
  return { given: new Map(data.map((binding) => [binding.name, resolve(binding.path)])), samplesDir, embedded, importOptions };
}

/** The Data cells of `file` that read a dataset, with its embedded text when the file carries it. */
export function listDataCells(file: NotebookFile): DataCellSource[] {
  const embedded = new Map(file.datasets.map((dataset) => [dataset.name, dataset.text]));
  return file.notebook.cells.flatMap((cell, index) => {
    if (cell.kind !== 'data' || !cell.dataset) return [];
    return [{ cellId: cell.id, index, dataset: cell.dataset, embedded: embedded.get(cell.dataset.name) ?? null }];
  });
}
