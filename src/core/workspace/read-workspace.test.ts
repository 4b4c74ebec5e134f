import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { createTextColumn } from '../table/text-column';
import { readChunkFile, writeChunkFile } from './chunk-layout';
import { readWorkspaceZip } from './read-workspace';
import { decodeTagged, encodeTagged } from './tagged-json';
import { WORKSPACE_KINDS, type WorkspaceContents } from './workspace-format';
import { writeWorkspaceZip } from './write-workspace';

const createBlob = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
const EMPTY = { ...Object.fromEntries(WORKSPACE_KINDS.map((kind) => [kind, []])), datasetChunks: [] } as unknown as WorkspaceContents;
const NOTEBOOK = { id: 'nb', name: 'N', cells: [], updatedAt: 1 };

async function exportWith(edit: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = unzipSync(await writeWorkspaceZip({ ...EMPTY, notebooks: [NOTEBOOK] }, Date.UTC(2025, 0, 1)));
  edit(files);
  return zipSync(files);
}

it('reads back what it wrote, with a manifest listing counts and hashes', async () => {
  const { manifest, contents } = readWorkspaceZip(await exportWith(() => {}), createBlob);
  expect(contents.notebooks).toEqual([NOTEBOOK]);
  expect(manifest).toMatchObject({ format: 'ml-studio-workspace', formatVersion: 1, exportedAt: Date.UTC(2025, 0, 1), counts: { notebooks: 1, datasets: 0, datasetChunks: 0 } });
  expect(manifest.files.map((f) => f.path)).toEqual(['datasets.json', 'notebooks.json', 'cell-outputs.json', 'runs.json', 'run-fits.json', 'models.json', 'model-versions.json', 'registry-log.json']);
});

it('refuses a file that is not a zip, not a workspace, newer, changed, incomplete or malformed, saying what to do', async () => {
  const read = (zip: Uint8Array) => () => readWorkspaceZip(zip, createBlob);
  expect(read(strToU8('hello'))).toThrow(/^This file is not a readable zip \(.*\); choose the \.zip that "Export workspace" made\.$/);
  expect(read(zipSync({ 'manifest.json': strToU8('{}') }))).toThrow('This zip has no workspace.json, so it is not an ML Studio workspace (it looks like a model bundle: import that in a Train cell)');
  const newer = await exportWith((files) => { files['workspace.json'] = strToU8(JSON.stringify({ format: 'ml-studio-workspace', formatVersion: 2, studioVersion: '9.0.0', files: [] })); });
  expect(read(newer)).toThrow('This workspace has format version 2, newer than this ML Studio reads (1, ML Studio 9.0.0 wrote it): export it again from this version or update ML Studio.');
  const changed = await exportWith((files) => { files['notebooks.json'] = strToU8('[]'); });
  expect(read(changed)).toThrow(/^"notebooks.json" was changed after export: its SHA-256 is 4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945, workspace.json says [0-9a-f]{64}\. Export the workspace again\.$/);
  const missing = await exportWith((files) => { delete files['runs.json']; });
  expect(read(missing)).toThrow('The workspace file has no "runs.json" although workspace.json lists it; it is incomplete. Export the workspace again.');
  const malformed = await exportWith((files) => { files['workspace.json'] = strToU8('{"format":'); });
  expect(read(malformed)).toThrow(/^"workspace.json" in the workspace file is not valid JSON/);
  expect(() => readWorkspaceZip(zipSync({ 'workspace.json': strToU8('{"format":"other"}') }), createBlob)).toThrow('workspace.json does not say format "ml-studio-workspace" (got "other")');
});

it('keeps NaN, -0, ±Infinity, undefined, Maps, Sets, typed-array views and data that looks like a tag', () => {
  const value = { n: [NaN, -0, Infinity, -Infinity, 1.5], u: undefined, m: new Map<unknown, unknown>([[1, new Set(['a'])]]), v: new Int16Array([1, -2, 3]).subarray(1), $t: 'Blob' };
  const back = decodeTagged(JSON.parse(JSON.stringify(encodeTagged(value, new Map()))), createBlob, 'x.json') as typeof value;
  expect(back).toEqual(value);
  expect([Object.is(back.n[1], -0), back.v instanceof Int16Array, 'u' in back]).toEqual([true, true, true]);
  expect(() => decodeTagged({ $t: 'Float64Array', v: 'AAA' }, createBlob, 'runs.json')).toThrow('"runs.json" in the workspace file holds a Float64Array whose bytes are not base64');
});

it('writes chunks bit for bit (UTF-8 text, missing flags, NaN payloads) and refuses a damaged chunk file', () => {
  const text = createTextColumn('t', ['naïve', null, '', '日本 ☕']);
  const weird = new Float64Array(new BigUint64Array([0x7ff8_0000_0000_0001n]).buffer);
  const chunks = [
    { datasetId: 'd', columnIndex: 0, chunkIndex: 0, values: { bytes: text.bytes, offsets: text.offsets, missing: text.missing } },
    { datasetId: 'd', columnIndex: 1, chunkIndex: 3, values: Float64Array.of(-0, NaN, weird[0]) },
    { datasetId: 'd', columnIndex: 2, chunkIndex: 0, values: Int32Array.of(-1, 7) },
    { datasetId: 'd', columnIndex: 3, chunkIndex: 0, values: Uint8Array.of(255, 0, 1) },
  ];
  const file = writeChunkFile(chunks);
  const back = readChunkFile(file, 'd', 'dataset-chunks/d.bin');
  expect(back).toEqual(chunks);
  expect(new BigUint64Array((back[1].values as Float64Array).buffer)[2]).toBe(0x7ff8_0000_0000_0001n);
  expect(() => readChunkFile(file.subarray(0, file.length - 1), 'd', 'dataset-chunks/d.bin')).toThrow('"dataset-chunks/d.bin" in the workspace file is damaged (chunk 4 of 4 runs past the end). Export the workspace again.');
});
