// "Import notebook": a `.notebook.json` file read, checked and stored as a new notebook. Each Data cell's
// dataset is found in this browser's store (same content hash and columns, the same name preferred), else
// imported from the file's embedded CSV or the bundled sample it names — through the Data cell's importer,
// reusing a stored copy with the same content — else the cell is left saying which file to bring. The model
// versions the file carries are registered when this registry has no model of that name (runs stored under the
// new notebook, stages and monitoring history kept); a Monitor cell pinned to a renumbered version follows it.

import { DataError } from '../core/errors';
import type { ImportOptions } from '../core/ingest/types';
import { compareDatasetColumns, createNotebookFromFile, describeWantedDataset, EMBEDDED_CSV_OPTIONS, readNotebookFile } from '../core/notebook/file';
import type { DatasetBinding, EmbeddedModel, NotebookFile } from '../core/notebook/file';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type DatasetId, type Notebook, type NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { findDatasetsByHash, listDatasets, saveDataset } from '../storage/datasets';
import type { StudioDb } from '../storage/db';
import { saveNotebook } from '../storage/notebooks';
import { appendMonitorBatch, listChanges, loadModelVersions, registerVersion, setStage } from '../storage/registry';
import { loadTrainedRun, saveRunFit, saveRunSummary } from '../storage/runs';
import { importFileInWorker } from '../workers/clients';
import { createNotebookId } from './ids';
import { announceChange } from './registry-state.svelte';
import type { Studio } from './studio.svelte';

/**
 * A stored imported notebook; `wanted` describes each dataset no source was found for ("penguins.csv (dataset …)"),
 * `models` what became of each model version the file carried, one sentence per model.
 */
export interface ImportedNotebook {
  readonly id: NotebookId;
  readonly name: string;
  readonly wanted: readonly string[];
  readonly models: readonly string[];
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
  const created = createNotebookFromFile(notebookFile, createNotebookId(), Date.now(), datasetIds);
  const models = await importModels(db, notebookFile.models ?? [], created);
  const notebook = followRenumbering(created, models.renumbered);
  await saveNotebook(db, notebook);
  const wanted = notebookFile.notebook.cells.flatMap((cell) => (cell.kind === 'data' && cell.dataset && datasetIds.get(cell.id) === null ? [describeWantedDataset(cell.dataset)] : []));
  return { id: notebook.id, name: notebook.name, wanted: [...new Set(wanted)], models: models.notes };
}

/** Registers each model this registry does not have; what was done or skipped, and each model's version numbers old → new. */
async function importModels(db: StudioDb, models: readonly EmbeddedModel[], notebook: Notebook): Promise<{ notes: string[]; renumbered: Map<string, Map<number, number>> }> {
  const notes: string[] = [];
  const renumbered = new Map<string, Map<number, number>>();
  for (const model of models) {
    const existing = await loadModelVersions(db, model.name);
    if (existing.length > 0) {
      notes.push(`"${model.name}" is registered here already (${existing.map((v) => `v${v.version} ${v.stage}`).join(', ')}), so the file's versions of it were not imported.`);
      continue;
    }
    try {
      const numbers = await registerModel(db, model, notebook);
      renumbered.set(model.name, numbers);
      notes.push(`Registered "${model.name}" from the file: ${[...numbers].map(([from, to]) => `v${to}${from === to ? '' : ` (v${from} in the file)`} ${model.versions.find((v) => v.version === from)!.stage}`).join(', ')}.`);
    } catch (error) {
      notes.push(`"${model.name}" could not be registered: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { notes, renumbered };
}

/** Stores each version's run under `notebook` (a run stored already is kept), registers it, sets its stage, adds its history. */
async function registerModel(db: StudioDb, model: EmbeddedModel, notebook: Notebook): Promise<Map<number, number>> {
  const cellId = notebook.cells.find((cell) => cell.kind === 'monitor' && cell.spec.model === model.name)?.id ?? notebook.cells[0]?.id ?? ('' as CellId);
  const numbers = new Map<number, number>();
  for (const entry of [...model.versions].sort((a, b) => a.version - b.version)) {
    if (!(await loadTrainedRun(db, entry.run.id))) {
      const { summary, fit } = splitRun(entry.run);
      await saveRunFit(db, notebook.id, entry.run.id, fit);
      await saveRunSummary(db, notebook.id, cellId, summary);
    }
    const reason = `Imported with the notebook "${notebook.name}" (v${entry.version} there, ${entry.stage}).`;
    const version = await registerVersion(db, { modelName: model.name, runId: entry.run.id, reason });
    const registered = (await listChanges(db, model.name)).find((c) => c.action === 'register' && c.version === version.version);
    if (registered) announceChange(registered);
    if (entry.stage !== 'none') announceChange(await setStage(db, { modelName: model.name, version: version.version, stage: entry.stage, reason }));
    for (const batch of entry.monitorHistory ?? []) await appendMonitorBatch(db, { ...batch, version: version.version });
    numbers.set(entry.version, version.version);
  }
  return numbers;
}

/** Monitor cells pinned to a version of an imported model point at its new number. */
function followRenumbering(notebook: Notebook, renumbered: ReadonlyMap<string, ReadonlyMap<number, number>>): Notebook {
  const cells = notebook.cells.map((cell) => {
    if (cell.kind !== 'monitor' || cell.spec.model === null || cell.spec.version === null) return cell;
    const to = renumbered.get(cell.spec.model)?.get(cell.spec.version);
    return to === undefined ? cell : { ...cell, spec: { ...cell.spec, version: to } };
  });
  return { ...notebook, cells };
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
