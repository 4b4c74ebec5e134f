// Which file each Data cell of a headless run reads: `--data NAME=path` binds a file to the Data cell whose dataset
// is called NAME; without one, the notebook's own source (a bundled sample, a file beside it) is used. A binding
// that names no Data cell, or a Data cell left without a file, is an error naming it.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors';
import type { CellId, Notebook } from '../core/notebook/types';
import type { DataBinding } from './node-compute-port';

/** A Data cell as the file names it: its dataset's name and, when known, where its data came from. */
export interface DataCellSource {
  readonly cellId: CellId;
  readonly name: string;
  /** A path relative to the notebook file (or the project, for bundled samples); null when unknown. */
  readonly source: string | null;
}

/** Parses one `--data` value ("penguins=data/penguins.csv"); a DataError shows the form it wants. */
export function parseDataOption(value: string): { name: string; path: string } {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new DataError(`--data "${value}" is not NAME=path; write e.g. --data penguins=penguins.csv.`);
  return { name: value.slice(0, at).trim(), path: value.slice(at + 1).trim() };
}

/**
 * Binds every Data cell: the `--data` file for its name, else its source found next to the notebook file or in
 * `samplesDir`. Unused bindings and unbound cells are DataErrors naming them.
 */
export function bindData(cells: readonly DataCellSource[], options: { data: readonly { name: string; path: string }[]; notebookDir: string; samplesDir: string }): Map<CellId, DataBinding> {
  const known = new Set(cells.map((cell) => cell.name));
  const unused = options.data.filter((binding) => !known.has(binding.name));
  if (unused.length > 0) {
    throw new DataError(`--data ${unused.map((b) => `"${b.name}"`).join(', ')} names no Data cell of this notebook; its datasets are: ${[...known].map((n) => `"${n}"`).join(', ') || 'none'}.`);
  }
  const bindings = new Map<CellId, DataBinding>();
  for (const cell of cells) {
    const given = options.data.find((binding) => binding.name === cell.name);
    const path = given ? resolve(given.path) : findSource(cell, options.notebookDir, options.samplesDir);
    if (!path) throw new DataError(`The Data cell "${cell.name}" has no file: pass --data ${cell.name}=path/to/file.csv.`);
    bindings.set(cell.cellId, { path, name: cell.name });
  }
  return bindings;
}

function findSource(cell: DataCellSource, notebookDir: string, samplesDir: string): string | null {
  if (!cell.source) return null;
  const candidates = [resolve(notebookDir, cell.source), resolve(samplesDir, cell.source.replace(/^samples\//, ''))];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The Data cells of `notebook`, named by their source label when the file gives no dataset name ("sample: penguins" → "penguins"). */
export function listDataCells(notebook: Notebook): DataCellSource[] {
  return notebook.cells.flatMap((cell) => {
    if (cell.kind !== 'data') return [];
    const label = cell.spec.sourceLabel ?? `data-${cell.id}`;
    const name = label.replace(/^sample:\s*/, '').replace(/\.(csv|tsv|txt|json|parquet)$/i, '');
    return [{ cellId: cell.id, name, source: null }];
  });
}
