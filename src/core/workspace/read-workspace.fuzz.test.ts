// Fuzzing readWorkspaceZip (issue #17): any bytes, zips of any entries, and workspace files whose records and chunk
// files are rewritten with hostile content under a manifest whose SHA-256s match (whoever edits a file can rehash it)
// end in the workspace's contents or a named StudioError (StorageError) — never a TypeError, a SyntaxError from
// BigInt, a stack overflow or a polluted Object.prototype. Seeded; FUZZ_SEED / FUZZ_SCALE widen a local hunt.

import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { computeSha256Hex } from '../export/bundle/sha256';
import { readWorkspaceZip } from './read-workspace';
import { nameChunkFile, WORKSPACE_FILES, WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, WORKSPACE_KINDS } from './workspace-format';

const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1));
const MAX_MS = 2_000;
const createBlob = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

/** Reads `zip`; fails on anything but contents or a StudioError, or when too slow. */
function expectNamedOutcome(zip: Uint8Array): void {
  const started = performance.now();
  try {
    const { contents } = readWorkspaceZip(zip, createBlob);
    for (const kind of WORKSPACE_KINDS) expect(Array.isArray(contents[kind])).toBe(true);
  } catch (error) {
    if (!(error instanceof StudioError)) throw new Error(`Not a named error: ${String((error as Error)?.stack ?? error)}`);
    expect(error.message.length).toBeLessThan(4_000);
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** A workspace zip of `files` (path → text or bytes) with a manifest whose SHA-256s match them. */
function zipWorkspace(files: Record<string, string | Uint8Array>, manifestEdit: Record<string, unknown> = {}): Uint8Array {
  const bytes = Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? strToU8(content) : content] as const);
  const manifest = { format: WORKSPACE_FORMAT, formatVersion: WORKSPACE_FORMAT_VERSION, exportedAt: 0, studioVersion: '0.1.0', files: bytes.map(([path, b]) => ({ path, sha256: computeSha256Hex(b), bytes: b.length })), ...manifestEdit };
  return zipSync({ 'workspace.json': strToU8(JSON.stringify(manifest)), ...Object.fromEntries(bytes) });
}

const EMPTY_FILES = Object.fromEntries(WORKSPACE_KINDS.map((kind) => [WORKSPACE_FILES[kind], '[]']));

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '$t', 'v', 'id', 'name', 'polluted', 'toString');
/** Tagged values as tagged-json.ts writes them, with bad payloads among them. */
const tagged = fc.oneof(
  fc.record({ $t: fc.constantFrom('bigint', 'number', 'Date', 'Map', 'Set', 'Blob', 'ArrayBuffer', 'Float64Array', 'BigInt64Array', 'Int16Array', 'object', 'Error', 'undefined', 'nope', '__proto__'), v: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('AAAA', 'AA==', 'x', '12', '1e3', '-0', 'Infinity', [[1, 2]], [1], {})) }),
  fc.constant({ $t: 'Map', v: [[{ $t: 'bigint', v: 'zz' }, 1]] }),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tagged, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(hostileKey, tie('v'), { maxKeys: 3 })),
})).v;
/** A record of `kind` with its key fields usually right (so decoding and checks past them are reached). */
const record = fc.tuple(fc.dictionary(fc.oneof(hostileKey, fc.constantFrom('id', 'name', 'rowCount', 'columns', 'storedBytes', 'cells', 'updatedAt', 'notebookId', 'cellId', 'run', 'modelName', 'version', 'runId', 'sequence')), value, { maxKeys: 4 }), fc.boolean()).map(([extra, plain]) =>
  plain ? extra : { id: 'd1', name: 'm', rowCount: 1, columns: [], storedBytes: 0, cells: [], updatedAt: 0, notebookId: 'n', cellId: 'c', run: {}, modelName: 'm', version: 1, runId: 'r', sequence: 1, ...extra },
);

/** JSON text with `__proto__` kept as a key (JSON.stringify of a parsed object keeps it; an object literal would not). */
const asJson = (value: unknown) => JSON.stringify(value);

describe('readWorkspaceZip fuzzing: any file ends in contents or a named error', () => {
  it('arbitrary bytes, and bytes after a zip signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, signed) => {
        expectNamedOutcome(signed ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('zips of arbitrary entries, workspace.json among them', () => {
    const entryName = fc.oneof(fc.constantFrom('workspace.json', 'datasets.json', '__proto__', '../x', '/etc/passwd', 'a\\b', 'dataset-chunks/d1.bin'), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.dictionary(entryName, fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }).map((v) => strToU8(asJson(v) ?? 'null')))), (files) => {
        expectNamedOutcome(zipSync(Object.fromEntries(Object.entries(files).filter(([name]) => name !== '__proto__'))));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('workspace files with hostile records and tags, rehashed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORKSPACE_KINDS), fc.array(record, { maxLength: 3 }), fc.constantFrom({}, { formatVersion: 2 }, { files: 'x' }, { files: [null] }, { format: ['x'] }), (kind, records, manifestEdit) => {
        expectNamedOutcome(zipWorkspace({ ...EMPTY_FILES, [WORKSPACE_FILES[kind]]: asJson(records) }, manifestEdit));
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });

  it('dataset chunk files of arbitrary bytes and headers, rehashed', () => {
    const header = (count: number, kind: number, rows: number) => {
      const view = new DataView(new ArrayBuffer(28));
      view.setUint32(0, 0x43534c4d, true);
      view.setUint32(4, 1, true);
      view.setUint32(8, count, true);
      view.setUint8(20, kind);
      view.setUint32(24, rows, true);
      return new Uint8Array(view.buffer);
    };
    const chunkFile = fc.oneof(
      fc.uint8Array({ maxLength: 100 }),
      fc.tuple(fc.constantFrom(0, 1, 2, 0xffffffff), fc.constantFrom(0, 1, 2, 3, 4, 5, 255), fc.constantFrom(0, 1, 3, 0x3fffffff, 0xffffffff), fc.uint8Array({ maxLength: 60 })).map(([count, kind, rows, tail]) => Uint8Array.from([...header(count, kind, rows), ...tail])),
    );
    fc.assert(
      fc.property(chunkFile, fc.constantFrom('d1', '../d1', '__proto__', 'constructor'), (bytes, id) => {
        const dataset = { id, name: 'd', rowCount: 1, columns: [{ name: 'x' }], storedBytes: 0 };
        expectNamedOutcome(zipWorkspace({ ...EMPTY_FILES, 'datasets.json': asJson([dataset]), [nameChunkFile(id)]: bytes }));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('deeply nested records', () => {
    fc.assert(
      fc.property(fc.constantFrom(1_000, 100_000), fc.constantFrom('[', '{"a":', '{"$t":"object","v":{"a":', '{"$t":"Set","v":['), (n, open) => {
        const close = { '[': ']', '{"a":': '}', '{"$t":"object","v":{"a":': '}}', '{"$t":"Set","v":[': ']}' }[open] as string;
        const text = `[{"id":"n","name":"n","cells":[],"updatedAt":0,"deep":${open.repeat(n)}1${close.repeat(n)}}]`;
        expectNamedOutcome(zipWorkspace({ ...EMPTY_FILES, 'notebooks.json': text }));
      }),
      { seed: SEED, numRuns: runs(8) },
    );
  });
});
