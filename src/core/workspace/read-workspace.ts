// Reads a workspace file back, refusing anything that is not exactly what was exported: not a zip, not a
// workspace, a newer format version, a listed file missing or changed (SHA-256), malformed JSON or records.

import { unzipWithinLimits, type ZipLimits } from '../budget/unzip-within-limits';
import { StudioError } from '../errors';
import { computeSha256Hex } from '../export/bundle/sha256';
import { readChunkFile } from './chunk-layout';
import { checkWorkspaceRecords } from './check-records';
import { decodeTagged } from './tagged-json';
import { nameChunkFile, WORKSPACE_FILES, WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, WORKSPACE_KINDS, type CreateBlob, type WorkspaceChunk, type WorkspaceContents, type WorkspaceManifest, type WorkspaceRecord } from './workspace-format';

const decoder = new TextDecoder('utf-8', { fatal: true });
const GIB = 1024 ** 3;

/**
 * What a workspace zip may hold: eight record files and one chunk file per dataset; a dataset's chunks up to 2 GiB
 * (the most one typed array holds in every browser), all of it up to 4 GiB (the default memory budget).
 */
export const WORKSPACE_ZIP_LIMITS: ZipLimits = { what: 'workspace file', retry: 'choose the .zip that "Export workspace" made', maxEntries: 100_000, maxEntryBytes: 2 * GIB, maxTotalBytes: 4 * GIB };

/** The manifest and every record of a workspace zip; a StorageError saying what is wrong and what to do otherwise. */
export function readWorkspaceZip(zip: Uint8Array, createBlob: CreateBlob): { manifest: WorkspaceManifest; contents: WorkspaceContents } {
  const files = unzipWorkspace(zip);
  const manifest = readManifest(files);
  const read = (path: string): Uint8Array => {
    const listed = manifest.files.find((file) => file.path === path);
    const bytes = Object.hasOwn(files, path) ? files[path] : undefined;
    if (!listed || bytes === undefined) throw fail(`The workspace file has no "${path}"${listed ? ' although workspace.json lists it' : ''}; it is incomplete. Export the workspace again.`);
    const sha256 = computeSha256Hex(bytes);
    if (sha256 !== listed.sha256) throw fail(`"${path}" was changed after export: its SHA-256 is ${sha256}, workspace.json says ${listed.sha256}. Export the workspace again.`);
    return bytes;
  };
  const records = Object.fromEntries(WORKSPACE_KINDS.map((kind) => [kind, readRecords(read(WORKSPACE_FILES[kind]), WORKSPACE_FILES[kind], createBlob)]));
  const datasets = records.datasets;
  const datasetChunks: WorkspaceChunk[] = [];
  const contents = { ...records, datasetChunks } as unknown as WorkspaceContents;
  checkWorkspaceRecords(contents);
  for (const dataset of datasets) {
    const path = nameChunkFile(String(dataset.id));
    const chunks = readChunkFile(read(path), String(dataset.id), path);
    const bad = chunks.find((chunk) => chunk.columnIndex >= (dataset.columns as unknown[]).length);
    if (bad) throw fail(`"${path}" holds a chunk of column ${bad.columnIndex + 1}, but dataset "${String(dataset.name)}" has ${(dataset.columns as unknown[]).length} columns. Export the workspace again.`);
    for (const chunk of chunks) datasetChunks.push(chunk); // no spread: a chunk file may hold 200,000 chunks
  }
  return { manifest, contents };
}

function unzipWorkspace(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipWithinLimits(zip, WORKSPACE_ZIP_LIMITS, fail);
}

function readManifest(files: Record<string, Uint8Array>): WorkspaceManifest {
  if (!Object.hasOwn(files, 'workspace.json')) {
    const hint = Object.hasOwn(files, 'manifest.json') ? ' (it looks like a model bundle: import that in a Train cell)' : '';
    throw fail(`This zip has no workspace.json, so it is not an ML Studio workspace${hint}; choose the file "Export workspace" made.`);
  }
  const manifest = parseJson(files['workspace.json'], 'workspace.json') as Partial<WorkspaceManifest> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== WORKSPACE_FORMAT) {
    throw fail(`workspace.json does not say format "${WORKSPACE_FORMAT}" (got ${JSON.stringify(manifest?.format) ?? 'nothing'}); choose the file "Export workspace" made.`);
  }
  const version = manifest.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > WORKSPACE_FORMAT_VERSION) {
    throw fail(`This workspace has format version ${version}, newer than this ML Studio reads (${WORKSPACE_FORMAT_VERSION}, ML Studio ${String(manifest.studioVersion)} wrote it): export it again from this version or update ML Studio.`);
  }
  if (version !== WORKSPACE_FORMAT_VERSION) throw fail(`workspace.json has the format version ${JSON.stringify(version) ?? 'nothing'}; this ML Studio reads version ${WORKSPACE_FORMAT_VERSION}. Export the workspace again.`);
  if (!Array.isArray(manifest.files) || !manifest.files.every((f) => typeof f?.path === 'string' && typeof f.sha256 === 'string')) {
    throw fail('workspace.json has no list of files with their SHA-256; export the workspace again.');
  }
  return manifest as WorkspaceManifest;
}

function readRecords(bytes: Uint8Array, path: string, createBlob: CreateBlob): WorkspaceRecord[] {
  const data = parseJson(bytes, path);
  if (!Array.isArray(data)) throw fail(`"${path}" must hold a list of records (got ${typeof data}); export the workspace again.`);
  return data.map((record) => decodeTagged(record, createBlob, path) as WorkspaceRecord);
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw fail(`"${path}" in the workspace file is not valid JSON (${error instanceof Error ? error.message : String(error)}); export the workspace again.`);
  }
}

function fail(message: string): StudioError {
  return new StudioError('StorageError', message);
}
