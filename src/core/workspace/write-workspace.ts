// Writes a workspace file: workspace.json (counts and the SHA-256 of every other file), one tagged-JSON file per
// record kind, and each dataset's chunks in the binary layout of chunk-layout.ts, zipped with fflate.

import { computeSha256Hex } from '../export/bundle/sha256';
import { zipBundle } from '../export/bundle/zip-bundle';
import { STUDIO_VERSION } from '../version';
import { writeChunkFile } from './chunk-layout';
import { encodeTagged, readBlobBytes } from './tagged-json';
import { nameChunkFile, WORKSPACE_FILES, WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, WORKSPACE_KINDS, type WorkspaceChunk, type WorkspaceContents, type WorkspaceManifest } from './workspace-format';

const encoder = new TextEncoder();

/** The zip of `contents`; chunks of datasets not in `contents.datasets` are left out. `exportedAtMs` is epoch ms. */
export async function writeWorkspaceZip(contents: WorkspaceContents, exportedAtMs: number): Promise<Uint8Array> {
  const blobBytes = await readBlobBytes(WORKSPACE_KINDS.flatMap((kind) => contents[kind]));
  const files = new Map<string, Uint8Array>();
  for (const kind of WORKSPACE_KINDS) {
    files.set(WORKSPACE_FILES[kind], encoder.encode(JSON.stringify(contents[kind].map((record) => encodeTagged(record, blobBytes)))));
  }
  const byDataset = groupChunks(contents.datasetChunks);
  let chunkCount = 0;
  for (const dataset of contents.datasets) {
    const chunks = byDataset.get(String(dataset.id)) ?? [];
    chunkCount += chunks.length;
    files.set(nameChunkFile(String(dataset.id)), writeChunkFile(chunks));
  }
  const manifest: WorkspaceManifest = {
    format: WORKSPACE_FORMAT,
    formatVersion: WORKSPACE_FORMAT_VERSION,
    exportedAt: exportedAtMs,
    studioVersion: STUDIO_VERSION,
    counts: { ...countRecords(contents), datasetChunks: chunkCount },
    files: Array.from(files, ([path, bytes]) => ({ path, sha256: computeSha256Hex(bytes), bytes: bytes.length })),
  };
  return zipBundle(new Map([['workspace.json', encoder.encode(JSON.stringify(manifest, null, 2))], ...files]), exportedAtMs);
}

function countRecords(contents: WorkspaceContents): Omit<WorkspaceManifest['counts'], 'datasetChunks'> {
  return Object.fromEntries(WORKSPACE_KINDS.map((kind) => [kind, contents[kind].length])) as Omit<WorkspaceManifest['counts'], 'datasetChunks'>;
}

function groupChunks(chunks: readonly WorkspaceChunk[]): Map<string, WorkspaceChunk[]> {
  const groups = new Map<string, WorkspaceChunk[]>();
  for (const chunk of chunks) {
    const group = groups.get(chunk.datasetId);
    if (group) group.push(chunk);
    else groups.set(chunk.datasetId, [chunk]);
  }
  return groups;
}
