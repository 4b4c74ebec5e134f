// readWorkspaceZip against hostile files (issue #17): regressions for what fuzzing found (bad tags, deep nesting,
// 200,000 chunks), notebooks checked against the notebook file's schema, zip bombs and path traversal refused.

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeSha256Hex } from '../export/bundle/sha256';
import { readWorkspaceZip } from './read-workspace';
import { MAX_TAGGED_DEPTH } from './tagged-json';
import { WORKSPACE_FILES, WORKSPACE_FORMAT, WORKSPACE_KINDS } from './workspace-format';

const createBlob = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
const EMPTY_FILES = Object.fromEntries(WORKSPACE_KINDS.map((kind) => [WORKSPACE_FILES[kind], '[]']));
const NOTEBOOK = { id: 'nb', name: 'N', cells: [], updatedAt: 1, formatVersion: 1 };

/** A workspace zip of `files` (path → text or bytes) whose manifest hashes them, as anyone editing a file can. */
function zipWorkspace(files: Record<string, string | Uint8Array>): Uint8Array {
  const bytes = Object.entries({ ...EMPTY_FILES, ...files }).map(([path, content]) => [path, typeof content === 'string' ? strToU8(content) : content] as const);
  const manifest = { format: WORKSPACE_FORMAT, formatVersion: 1, exportedAt: 0, studioVersion: '0.1.0', files: bytes.map(([path, b]) => ({ path, sha256: computeSha256Hex(b), bytes: b.length })) };
  return zipSync({ 'workspace.json': strToU8(JSON.stringify(manifest)), ...Object.fromEntries(bytes) });
}

function errorOf(zip: Uint8Array): string {
  try {
    readWorkspaceZip(zip, createBlob);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('accepted');
}

const withRun = (run: unknown) => zipWorkspace({ 'runs.json': JSON.stringify([{ id: 'r', notebookId: 'nb', cellId: 'c', run }]) });

describe('readWorkspaceZip: damaged tags (fuzzing regressions)', () => {
  it('a "bigint" tag that is no whole number: a StorageError (regression: SyntaxError from BigInt)', () => {
    expect(errorOf(withRun({ $t: 'bigint', v: 'zz' }))).toBe('StorageError: "runs.json" in the workspace file holds a "bigint" tag whose value "zz" is not a whole number; the file is damaged. Export the workspace again.');
  });

  it.each([
    [{ $t: 'Map', v: 5 }, 'a "Map" tag without a list of [key, value] pairs'],
    [{ $t: 'Map', v: [[1]] }, 'a "Map" tag without a list of [key, value] pairs'],
    [{ $t: 'Set', v: 'x' }, 'a "Set" tag without a list'],
    [{ $t: 'object', v: null }, 'an "object" tag without an object'],
    [{ $t: 'number', v: [] }, 'a "number" tag without its text'],
  ])('%j: a StorageError naming the tag (regression: TypeError)', (value, what) => {
    expect(errorOf(withRun(value))).toBe(`StorageError: "runs.json" in the workspace file holds ${what}; the file is damaged. Export the workspace again.`);
  });

  it('records nested 100,000 deep: a StorageError (regression: RangeError from the decoder\'s recursion)', () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    expect(errorOf(zipWorkspace({ 'notebooks.json': `[{"id":"nb","name":"N","cells":[],"updatedAt":1,"x":${deep}}]` }))).toBe(
      `StorageError: "notebooks.json" in the workspace file holds values nested more than ${MAX_TAGGED_DEPTH} levels deep; the file is damaged. Export the workspace again.`,
    );
  });

  it('a chunk file of 200,000 empty chunks is read (regression: RangeError spreading them)', () => {
    const count = 200_000;
    const file = new Uint8Array(12 + 16 * count);
    const view = new DataView(file.buffer);
    view.setUint32(0, 0x43534c4d, true);
    view.setUint32(4, 1, true);
    view.setUint32(8, count, true);
    for (let k = 0; k < count; k++) view.setUint8(12 + 16 * k + 8, 1); // Float64 chunks of 0 rows
    const dataset = { id: 'd1', name: 'd', rowCount: 0, columns: [{ name: 'x' }], storedBytes: 0 };
    const { contents } = readWorkspaceZip(zipWorkspace({ 'datasets.json': JSON.stringify([dataset]), 'dataset-chunks/d1.bin': file }), createBlob);
    expect(contents.datasetChunks.length).toBe(count);
  });
});

describe('readWorkspaceZip: notebooks against the notebook file\'s schema', () => {
  it('reads a notebook whose cells are valid', () => {
    const notebook = { ...NOTEBOOK, cells: [{ id: 'c1', kind: 'split', spec: { kind: 'random', seed: 3 } }] };
    expect(readWorkspaceZip(zipWorkspace({ 'notebooks.json': JSON.stringify([notebook]) }), createBlob).contents.notebooks).toEqual([notebook]);
  });

  it('refuses a notebook whose cell is of no known kind or whose spec breaks its rule, naming the record and the path', () => {
    const notebook = { ...NOTEBOOK, name: 'Churn', cells: [{ id: 'c1', kind: 'rocket', spec: {} }] };
    expect(errorOf(zipWorkspace({ 'notebooks.json': JSON.stringify([notebook]) }))).toMatch(/^StorageError: The workspace file is damaged: notebooks\.json, record 1 \("Churn"\): cells\[0\]\.kind must be one of "data", .*\(got "rocket"\)\. Nothing was imported; export the workspace again\.$/);
    const split = { ...NOTEBOOK, cells: [{ id: 'c1', kind: 'split', spec: { fractions: { train: 1.5, validation: 0, test: 0 } } }] };
    expect(errorOf(zipWorkspace({ 'notebooks.json': JSON.stringify([split]) }))).toMatch(/^StorageError: The workspace file is damaged: notebooks\.json, record 1 \("N"\): cells\[0\]\.spec\.fractions\.train must be between 0 and 1 \(got 1\.5\)/);
  });

  it('"__proto__" as a notebook id, a cell id and a record key stays data', () => {
    const text = '[{"id":"__proto__","name":"N","cells":[{"id":"__proto__","kind":"note","spec":{}}],"updatedAt":1,"__proto__":{"polluted":1}}]';
    const [notebook] = readWorkspaceZip(zipWorkspace({ 'notebooks.json': text }), createBlob).contents.notebooks;
    expect([notebook.id, Object.hasOwn(notebook, '__proto__'), Object.getPrototypeOf(notebook) === Object.prototype, ({} as Record<string, unknown>).polluted]).toEqual(['__proto__', true, true, undefined]);
  });
});

describe('readWorkspaceZip: zip bombs and path traversal', () => {
  it('refuses a chunk file declaring 3 GB (one entry may hold 2 GB)', () => {
    const zip = zipWorkspace({ 'dataset-chunks/d1.bin': new Uint8Array(100) });
    const view = new DataView(zip.buffer);
    for (let at = 0; at + 46 < zip.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))) === 'dataset-chunks/d1.bin') view.setUint32(at + 24, 3 * 1024 ** 3, true);
    }
    expect(errorOf(zip)).toBe('StorageError: This workspace file was refused: its entry "dataset-chunks/d1.bin" would inflate to 3.0 GB, more than the 2.0 GB one entry may, which one ML Studio made never does; choose the .zip that "Export workspace" made.');
  });

  it('refuses a climbing entry name', () => {
    expect(errorOf(zipWorkspace({ 'dataset-chunks/../../x.bin': strToU8('x') }))).toBe(
      'StorageError: This workspace file was refused: its entry "dataset-chunks/../../x.bin" climbs out of the folder with "..", which one ML Studio made never does; choose the .zip that "Export workspace" made.',
    );
  });
});
