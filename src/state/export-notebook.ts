// "Export notebook": the open notebook as a `.notebook.json` file. Each Data cell's dataset is named from its
// stored record (name, file, columns, content hash; a bundled sample also by its path) and, when asked, carried
// inside the file as CSV, written in slices that yield so a large table never holds the page for long. The models
// its Monitor cells watch travel with it: every version not archived, its whole run and its monitoring history.

import { createCsvWriter } from '../core/csv/write-csv';
import { createNotebookFile, formatNotebookFile, type DatasetBinding, type EmbeddedDataset, type EmbeddedModel } from '../core/notebook/file';
import type { CellId, DataCellSpec, DatasetId, Notebook } from '../core/notebook/types';
import type { Table } from '../core/table/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { listDatasets, loadDataset } from '../storage/datasets';
import type { StudioDb } from '../storage/db';
import { loadModelVersions } from '../storage/registry';
import { loadTrainedRun } from '../storage/runs';
import type { SampleInfo } from './samples';
import type { Studio } from './studio.svelte';

/** Above this many bytes of embedded data the export dialog warns (JSON escaping adds ~1 byte per row on top). */
export const LARGE_EMBED_BYTES = 50 * 1024 * 1024;

/** Cells of CSV written between two yields to the page (~0.3 µs a numeric cell in Node: ~30 ms a slice). */
const CELLS_PER_SLICE = 100_000;

/** A dataset the notebook's Data cells read: its name in the file and what embedding it would add (≈ its source size). */
export interface ExportedDataset {
  readonly id: DatasetId;
  readonly name: string;
  readonly sourceBytes: number;
}

/** The datasets `notebook` reads, each once, named uniquely for the file; cells whose dataset is gone are left out. */
export async function listExportedDatasets(studio: Studio, notebook: Notebook): Promise<ExportedDataset[]> {
  const { datasets } = await describeBindings(studio, notebook);
  return datasets;
}

/** The notebook as a file named `<name>.notebook.json`; `embedDatasets` carries the datasets inside it. */
export async function exportNotebook(studio: Studio, notebook: Notebook, options: { embedDatasets: boolean }): Promise<{ fileName: string; text: string }> {
  const { bindings, datasets } = await describeBindings(studio, notebook);
  const embedded: EmbeddedDataset[] = [];
  if (options.embedDatasets) {
    const db = await studio.db();
    for (const dataset of datasets) embedded.push({ name: dataset.name, mediaType: 'text/csv', text: await writeDatasetCsv((await loadDataset(db, dataset.id)).table) });
  }
  const models = await collectMonitoredModels(await studio.db(), notebook);
  const text = formatNotebookFile(createNotebookFile(notebook, { bindings, datasets: embedded, models }));
  return { fileName: `${notebook.name.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '-').trim() || 'notebook'}.notebook.json`, text };
}

/**
 * The registered models the notebook's Monitor cells name, each with its versions that are not archived (a version
 * whose run is no longer stored is left out); a model with none left is not carried.
 */
export async function collectMonitoredModels(db: StudioDb, notebook: Notebook): Promise<EmbeddedModel[]> {
  const names = [...new Set(notebook.cells.flatMap((cell) => (cell.kind === 'monitor' && cell.spec.model !== null ? [cell.spec.model] : [])))];
  const models: EmbeddedModel[] = [];
  for (const name of names) {
    const versions: EmbeddedModel['versions'][number][] = [];
    for (const version of await loadModelVersions(db, name)) {
      if (version.stage === 'archived') continue;
      const run = await loadTrainedRun(db, version.runId);
      if (!run) continue;
      const { stage, registeredAt, monitorHistory } = version;
      versions.push({ version: version.version, stage, registeredAt, run, ...(monitorHistory && monitorHistory.length > 0 ? { monitorHistory } : {}) });
    }
    if (versions.length > 0) models.push({ name, versions });
  }
  return models;
}

async function describeBindings(studio: Studio, notebook: Notebook): Promise<{ bindings: Map<CellId, DatasetBinding>; datasets: ExportedDataset[] }> {
  const stored = new Map((await listDatasets(await studio.db())).map((meta) => [meta.id, meta]));
  const bindings = new Map<CellId, DatasetBinding>();
  const byId = new Map<DatasetId, DatasetBinding>();
  const taken = new Set<string>();
  const datasets: ExportedDataset[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind !== 'data' || cell.spec.datasetId === null) continue;
    const meta = stored.get(cell.spec.datasetId);
    if (!meta) continue;
    let binding = byId.get(meta.id);
    if (!binding) {
      binding = describeBinding(meta, chooseName(meta.name, taken), findSample(studio.samples, cell.spec, meta));
      byId.set(meta.id, binding);
      datasets.push({ id: meta.id, name: binding.name, sourceBytes: meta.sourceBytes });
    }
    bindings.set(cell.id, binding);
  }
  return { bindings, datasets };
}

function describeBinding(meta: DatasetMeta, name: string, sample: SampleInfo | undefined): DatasetBinding {
  return {
    name,
    fileName: meta.sourceFileName,
    ...(sample ? { source: `samples/${sample.file}` } : {}),
    rowCount: meta.rowCount,
    columns: meta.columns.map((column) => ({ name: column.name, kind: column.kind })),
    contentHash: meta.contentHash,
  };
}

/** The dataset's name, or "name (2)", "name (3)"… when another dataset of the notebook has it already. */
function chooseName(name: string, taken: Set<string>): string {
  let chosen = name;
  for (let n = 2; taken.has(chosen); n++) chosen = `${name} (${n})`;
  taken.add(chosen);
  return chosen;
}

/** The bundled sample a Data cell opened (it labels itself "sample: <name>" and the file keeps the sample's name). */
function findSample(samples: readonly SampleInfo[], spec: DataCellSpec, meta: DatasetMeta): SampleInfo | undefined {
  return samples.find((sample) => spec.sourceLabel === `sample: ${sample.name}` && meta.sourceFileName === sample.file);
}

async function writeDatasetCsv(table: Table): Promise<string> {
  const writer = createCsvWriter(table);
  const parts = [writer.header];
  const rowsPerSlice = Math.max(1, Math.floor(CELLS_PER_SLICE / Math.max(1, table.columns.length)));
  for (let from = 0; from < table.rowCount; from += rowsPerSlice) {
    parts.push(writer.rows(from, from + rowsPerSlice));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return parts.join('');
}
