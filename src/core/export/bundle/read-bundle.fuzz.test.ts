// Fuzzing readBundle (issue #17): any bytes, zips of any entries (climbing, absolute and backslashed names among
// them), and a real bundle whose manifest, model, pipeline and schema are rewritten with hostile content under a
// manifest that hashes them again end in a run or an ExportError — never a TypeError, a stack overflow or a polluted
// Object.prototype. Seeded; FUZZ_SEED / FUZZ_SCALE widen a local hunt.

import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../errors';
import { categoricalColumn, numericColumn, tableOf } from '../../../test-support/table-builders';
import { trainCandidate } from '../../train/train-candidate';
import { readBundle } from './read-bundle';

const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1));
const MAX_MS = 2_000;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads `zip`; fails on anything but a run or an ExportError, or when too slow. */
function expectNamedOutcome(zip: Uint8Array): void {
  const started = performance.now();
  try {
    const { run, contract } = readBundle(zip);
    expect(typeof run.model.kind).toBe('string');
    expect(contract).toBe(run.inputContract);
  } catch (error) {
    if (!(error instanceof ExportError)) throw new Error(`Not an ExportError: ${String((error as Error)?.stack ?? error)}`);
    expect(error.message.length).toBeLessThan(2_000);
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The documents of a bundle of a small logistic regression, as readBundle reads them back. */
let documents: { manifest: Record<string, unknown>; model: unknown; pipeline: unknown; schema: unknown };

beforeAll(async () => {
  const table = tableOf(numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8]), categoricalColumn('y', ['no', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes']));
  const trained = await trainCandidate(table, { train: Uint32Array.of(0, 1, 2, 3, 4, 5), validation: Uint32Array.of(6, 7), folds: [] }, {
    id: 'run-1', family: 'logistic_regression', params: {}, seed: 1, steps: [], crossValidate: false,
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
  });
  const { model, pipeline, inputContract, curve: _curve, ...run } = trained;
  // files: 'LISTED' stands for the list zipDocuments makes; an edit may put anything else there.
  documents = JSON.parse(JSON.stringify({ manifest: { formatVersion: 1, name: 'm', runId: run.id, files: 'LISTED', run }, model, pipeline, schema: inputContract }));
});

/** A bundle zip of these documents (texts as given), the manifest listing and hashing the other three where it says 'LISTED'. */
function zipDocuments(texts: { manifest: Record<string, unknown>; model: string; pipeline: string; schema: string }, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files = { 'model.json': strToU8(texts.model), 'pipeline.json': strToU8(texts.pipeline), 'schema.json': strToU8(texts.schema), ...extra };
  const listed = Object.entries(files).map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) }));
  return zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...texts.manifest, files: texts.manifest.files === 'LISTED' ? listed : texts.manifest.files })), ...files });
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'steps', 'columns', 'id', 'task', 'files', 'path', 'polluted');
type Edit = { at: number; kind: 'replace' | 'drop' | 'add'; key: string; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'drop', 'add'), key: hostileKey, value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', -1, 1e308, [], {})) });

function collectContainers(value: unknown, into: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return into;
  into.push(value);
  for (const child of Object.values(value)) collectContainers(child, into);
  return into;
}

/** `document` with `edits` applied in place (keys defined as own data, so "__proto__" stays a key in the JSON). */
function applyEdits(document: unknown, edits: readonly Edit[]): void {
  for (const { at, kind, key, value } of edits) {
    const containers = collectContainers(document);
    const target = containers[at % containers.length] as Record<string, unknown>;
    if (Array.isArray(target)) {
      if (kind === 'drop') target.splice(at % Math.max(1, target.length), 1);
      else target[at % (target.length + 1)] = structuredClone(value);
      continue;
    }
    const keys = Object.keys(target);
    const name = kind === 'add' || keys.length === 0 ? key : keys[at % keys.length];
    if (kind === 'drop') delete target[name];
    else Object.defineProperty(target, name, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
}

describe('readBundle fuzzing: any file ends in a run or an ExportError', () => {
  it('the unedited bundle reads back', () => {
    const { run } = readBundle(zipDocuments({ manifest: documents.manifest, model: JSON.stringify(documents.model), pipeline: JSON.stringify(documents.pipeline), schema: JSON.stringify(documents.schema) }));
    expect(run.id).toBe('run-1');
  });

  it('arbitrary bytes, and bytes after a zip signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, signed) => expectNamedOutcome(signed ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes)),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('zips of arbitrary entries, with climbing, absolute and backslashed names', () => {
    const name = fc.oneof(fc.constantFrom('manifest.json', 'model.json', '../manifest.json', '/model.json', 'a\\..\\b', 'C:/x', 'a/../../b', 'x\u0000y'), fc.string({ maxLength: 8 }));
    const content = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }).map((v) => strToU8(JSON.stringify(v) ?? 'null')));
    fc.assert(
      fc.property(fc.dictionary(name, content, { maxKeys: 5 }), (files) => expectNamedOutcome(zipSync(Object.fromEntries(Object.entries(files).filter(([n]) => n !== '__proto__'))))),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('the bundle with its manifest, model, pipeline or schema edited and hashed again', () => {
    fc.assert(
      fc.property(fc.constantFrom('manifest', 'model', 'pipeline', 'schema'), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const copy = structuredClone(documents);
        applyEdits(copy[which as keyof typeof copy], edits);
        expectNamedOutcome(zipDocuments({ manifest: copy.manifest, model: JSON.stringify(copy.model), pipeline: JSON.stringify(copy.pipeline), schema: JSON.stringify(copy.schema) }));
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });

  it('whole documents replaced by any JSON, cut short or deeply nested', () => {
    const text = fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'), fc.constantFrom('', '{', '[1,', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, `{"kind":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`));
    fc.assert(
      fc.property(fc.constantFrom('model', 'pipeline', 'schema'), text, (which, replacement) => {
        const texts = { manifest: documents.manifest, model: JSON.stringify(documents.model), pipeline: JSON.stringify(documents.pipeline), schema: JSON.stringify(documents.schema), [which]: replacement };
        expectNamedOutcome(zipDocuments(texts));
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
});
