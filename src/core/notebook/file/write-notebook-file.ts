// Writes a notebook as a file: cells as saved, minus what only means something in this browser (the stored
// dataset's id, the ids of trained runs), plus each Data cell's portable dataset binding and, when asked, the
// datasets themselves and registered model versions.

import type { CellId, CellKind, CellSpecs, Notebook } from '../types';
import { NOTEBOOK_FILE_FORMAT, NOTEBOOK_FILE_VERSION, type DatasetBinding, type EmbeddedDataset, type EmbeddedModel, type FileCell, type NotebookFile } from './file-types';

/** What a file is made of besides the notebook. */
export interface NotebookFileParts {
  /** Each Data cell's dataset, by cell id; a Data cell without one has no dataset yet. */
  readonly bindings: ReadonlyMap<CellId, DatasetBinding>;
  /** The datasets to carry inside the file (CSV text, see write-csv.ts); none by default. */
  readonly datasets?: readonly EmbeddedDataset[];
  /** The registered model versions to carry (Monitor cells read them); none by default, and then no `models` key. */
  readonly models?: readonly EmbeddedModel[];
}

/**
 * Per kind, the spec as another browser or `ml-studio run` should see it: references into this browser's store
 * become null (a Data cell is bound by its `dataset`; Evaluate, Explain and Compare fall back to the best run).
 */
const PORTABLE_SPECS: { readonly [K in CellKind]?: (spec: CellSpecs[K]) => CellSpecs[K] } = {
  data: (spec) => ({ ...spec, datasetId: null }),
  evaluate: (spec) => ({ ...spec, runId: null }),
  explain: (spec) => ({ ...spec, runId: null }),
  compare: (spec) => ({ ...spec, runA: null, runB: null }),
  predict: (spec) => ({ ...spec, runId: null, file: null, source: spec.source === 'file' ? 'validation' : spec.source }),
  export: (spec) => ({ ...spec, runId: null }),
};

/** The file for `notebook` (its id and times stay in this browser). */
export function createNotebookFile(notebook: Notebook, parts: NotebookFileParts): NotebookFile {
  const cells = notebook.cells.map((cell): FileCell => {
    const portable = PORTABLE_SPECS[cell.kind] as ((spec: unknown) => unknown) | undefined;
    const spec = portable ? portable(cell.spec) : cell.spec;
    const binding = cell.kind === 'data' ? parts.bindings.get(cell.id) : undefined;
    return { id: cell.id, kind: cell.kind, ...(cell.title ? { title: cell.title } : {}), spec, ...(binding ? { dataset: orderBinding(binding) } : {}) } as FileCell;
  });
  return {
    format: NOTEBOOK_FILE_FORMAT,
    formatVersion: NOTEBOOK_FILE_VERSION,
    notebook: { name: notebook.name, cells },
    datasets: parts.datasets ?? [],
    ...(parts.models && parts.models.length > 0 ? { models: parts.models.map(orderModel) } : {}),
  };
}

/** The file as the text of a `.notebook.json` (two-space indented, so a diff of two versions reads well). */
export function formatNotebookFile(file: NotebookFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A model's fields in the documented order, versions ascending. */
function orderModel(model: EmbeddedModel): EmbeddedModel {
  const versions = [...model.versions].sort((a, b) => a.version - b.version).map(({ version, stage, registeredAt, run, monitorHistory }) => ({
    version, stage, registeredAt, run, ...(monitorHistory && monitorHistory.length > 0 ? { monitorHistory } : {}),
  }));
  return { name: model.name, versions };
}

/** The binding's fields in the documented order, so files diff cleanly. */
function orderBinding(binding: DatasetBinding): DatasetBinding {
  const { name, fileName, source, rowCount, columns, contentHash } = binding;
  return {
    name,
    fileName,
    ...(source !== undefined ? { source } : {}),
    rowCount,
    columns: columns.map(({ name: column, kind }) => ({ name: column, kind })),
    contentHash,
  };
}
