// "Import notebook": a `.notebook.json` file read, checked and stored as a new notebook. Each Data cell's
// dataset is found in this browser's store (same content hash and columns, the same name preferred), else
// imported from the file's embedded CSV or the bundled sample it names — through the Data cell's importer,
// reusing a stored copy with the same content — else the cell is left saying which file to bring.

import { DataError } from '../core/errors';
import type { ImportOptions } from '../core/ingest/types';
import { compareDatasetColumns, createNotebookFromFile, describeWantedDataset, EMBEDDED_CSV_OPTIONS, readNotebookFile } from '../core/notebook/file';
import type { DatasetBinding, NotebookFile } from '../core/notebook/file';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type DatasetId, type NotebookId } from '../core/notebook/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { findDatasetsByHash, listDatasets, saveDataset } from '../storage/datasets';
import { saveNotebook } from '../storage/notebooks';
import { importFileInWorker } from '../workers/clients';
import { createNotebookId } from './ids';
import type { Studio } from './studio.svelte';

/** A stored imported notebook; `wanted` describes each dataset no source was found for ("penguins.csv (dataset …)"). */
export interface ImportedNotebook {
  readonly id: NotebookId;
  readonly name: string;
  readonly wanted: readonly string[];
}

/** Reads `file` (a NotebookFormatError names what is wrong), finds or imports its datasets and stores it as a new notebook. */
export async function importNotebookFile(studio: Studio, file: File): Promise<ImportedNotebook> {
  const notebookFile = readNotebookFile(await file.text());
  const db = await studio.db();
  const stored = new Set((await listDatasets(db)).map((meta) => meta.id));
  const found = new Map<string, DatasetId | null>();
  const datasetIds = new Map<CellId, DatasetId | null>();
  for (const [index, cell] of notebookFile.notebook.cells.entries()) {
    if (cell.kind !== 'data') continue;
    if (!cell.dataset) {
      // A version-0 file names its dataset by this browser's id only: kept when it is still stored.
      if (cell.spec.datasetId !== null && !stored.has(cell.spec.datasetId)) datasetIds.set(cell.id, null);
      continue;
    }
    const { name } = cell.dataset;
    if (!found.has(name)) found.set(name, await findOrImportDataset(studio, notebookFile, index, cell.dataset));
    datasetIds.set(cell.id, found.get(name) ?? null);
  }
  const notebook = createNotebookFromFile(notebookFile, createNotebookId(), Date.now(), datasetIds);
  await saveNotebook(db, notebook);
  const wanted = notebookFile.notebook.cells.flatMap((cell) => (cell.kind === 'data' && cell.dataset && datasetIds.get(cell.id) === null ? [describeWantedDataset(cell.dataset)] : []));
  return { id: notebook.id, name: notebook.name, wanted: [...new Set(wanted)] };
}

async function findOrImportDataset(studio: Studio, file: NotebookFile, cellIndex: number, binding: DatasetBinding): Promise<DatasetId | null> {
  const storedMatch = await findStoredDataset(studio, binding.contentHash, binding);
  if (storedMatch) return storedMatch;
  const embedded = file.datasets.find((dataset) => dataset.name === binding.name);
  if (embedded) return importDataset(studio, new File([embedded.text], binding.fileName, { type: 'text/csv' }), EMBEDDED_CSV_OPTIONS, cellIndex, binding);
  const sample = studio.samples.find((candidate) => binding.source === `samples/${candidate.file}`);
  if (sample) return importDataset(studio, await studio.fetchSample(sample), DEFAULT_IMPORT_OPTIONS, cellIndex, binding);
  return null;
}

/** A stored dataset with this content hash and the binding's columns, the one with the binding's name first. */
async function findStoredDataset(studio: Studio, contentHash: string, binding: DatasetBinding): Promise<DatasetId | null> {
  const matches = (await findDatasetsByHash(await studio.db(), contentHash)).filter((meta) => hasColumnsOf(meta, binding));
  return (matches.find((meta) => meta.name === binding.name) ?? matches[0])?.id ?? null;
}

/** Imports a dataset file as the Data cell does, checks its columns against the binding and stores it (or reuses a stored copy). */
async function importDataset(studio: Studio, file: File, options: ImportOptions, cellIndex: number, binding: DatasetBinding): Promise<DatasetId> {
  const result = await importFileInWorker(file, options, () => {});
  const differences = compareDatasetColumns(binding.columns, result.table.columns);
  if (differences.length > 0) {
    throw new DataError(`The data for cells[${cellIndex}] (dataset "${binding.name}") does not have the notebook's columns: ${differences.join('; ')}. Export the notebook again.`);
  }
  const copy = await findStoredDataset(studio, result.contentHash, binding);
  if (copy) return copy;
  const meta = await saveDataset(await studio.db(), { name: binding.name, sourceFileName: binding.fileName, table: result.table, result });
  return meta.id;
}

function hasColumnsOf(meta: DatasetMeta, binding: DatasetBinding): boolean {
  return compareDatasetColumns(binding.columns, meta.columns).length === 0;
}
