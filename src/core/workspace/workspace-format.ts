// The workspace file's shape: a zip holding workspace.json (this manifest), one JSON file per record kind and each
// dataset's column chunks in a binary file (chunk-layout.ts). Records are kept as IndexedDB holds them; storage/
// gives them their types, core checks only what makes them storable (keys) and the references between files.

/** The manifest's `format`: what tells a workspace file from a notebook file or a model bundle. */
export const WORKSPACE_FORMAT = 'ml-studio-workspace';

/** The version this build writes and the newest it reads. */
export const WORKSPACE_FORMAT_VERSION = 1;

/** The record kinds kept as JSON files, in the order they are written (a dataset's chunks follow it). */
export const WORKSPACE_KINDS = ['datasets', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'models', 'modelVersions', 'registryLog'] as const;

export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

/** The file of each record kind inside the zip. */
export const WORKSPACE_FILES: { readonly [K in WorkspaceKind]: string } = {
  datasets: 'datasets.json',
  notebooks: 'notebooks.json',
  cellOutputs: 'cell-outputs.json',
  runs: 'runs.json',
  runFits: 'run-fits.json',
  models: 'models.json',
  modelVersions: 'model-versions.json',
  registryLog: 'registry-log.json',
};

/** The binary file holding dataset `datasetId`'s chunks. */
export function nameChunkFile(datasetId: string): string {
  return `dataset-chunks/${datasetId}.bin`;
}

/** A record as stored: a plain object whose key fields core checks (storage/records.ts has the full types). */
export type WorkspaceRecord = Readonly<Record<string, unknown>>;

/** One column's values for a range of rows, as storage/records.ts `ChunkValues` (legacy string arrays are packed on export). */
export type WorkspaceChunkValues = Float64Array | Int32Array | Uint8Array | { bytes: Uint8Array; offsets: Uint32Array; missing: Uint8Array };

export interface WorkspaceChunk {
  datasetId: string;
  columnIndex: number;
  chunkIndex: number;
  values: WorkspaceChunkValues;
}

/** Everything a workspace holds, store by store. */
export type WorkspaceContents = { readonly [K in WorkspaceKind]: readonly WorkspaceRecord[] } & { readonly datasetChunks: readonly WorkspaceChunk[] };

/** workspace.json. `exportedAt` is epoch ms; `files` lists every other file of the zip with its SHA-256 (hex). */
export interface WorkspaceManifest {
  format: typeof WORKSPACE_FORMAT;
  formatVersion: number;
  exportedAt: number;
  studioVersion: string;
  counts: { [K in WorkspaceKind | 'datasetChunks']: number };
  files: { path: string; sha256: string; bytes: number }[];
}

/** How core makes a Blob back from its bytes (core has no Blob constructor; the caller's platform does). */
export type CreateBlob = (bytes: Uint8Array, type: string) => unknown;
