// readBundle against hostile zips (issue #17): zip bombs and path traversal refused before anything is inflated, and
// regressions for what fuzzing found (a manifest listing null, a run that is not a run).

import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../../test-support/table-builders';
import { trainCandidate } from '../../train/train-candidate';
import { readBundle } from './read-bundle';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let documents: { run: Record<string, unknown>; model: Record<string, unknown>; pipeline: unknown; schema: unknown };

beforeAll(async () => {
  const table = tableOf(numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8]), categoricalColumn('y', ['no', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes']));
  const trained = await trainCandidate(table, { train: Uint32Array.of(0, 1, 2, 3, 4, 5), validation: Uint32Array.of(6, 7), folds: [] }, {
    id: 'run-1', family: 'logistic_regression', params: {}, seed: 1, steps: [], crossValidate: false,
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
  });
  const { model, pipeline, inputContract, curve: _curve, ...run } = trained;
  documents = JSON.parse(JSON.stringify({ run, model, pipeline, schema: inputContract }));
});

/** A bundle zip: the three documents as JSON texts (edited by `texts`), `extra` entries, a manifest hashing them all. */
function zipBundle(texts: Partial<Record<'run' | 'model' | 'pipeline' | 'schema', string>> = {}, extra: Record<string, Uint8Array> = {}, manifestFiles?: unknown): Uint8Array {
  const files = {
    'model.json': strToU8(texts.model ?? JSON.stringify(documents.model)),
    'pipeline.json': strToU8(texts.pipeline ?? JSON.stringify(documents.pipeline)),
    'schema.json': strToU8(texts.schema ?? JSON.stringify(documents.schema)),
    ...extra,
  };
  const listed = Object.entries(files).map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) }));
  const manifest = `{"formatVersion": 1, "files": ${JSON.stringify(manifestFiles ?? listed)}, "run": ${texts.run ?? JSON.stringify(documents.run)}}`;
  return zipSync({ 'manifest.json': strToU8(manifest), ...files });
}

/** `zip` with the uncompressed size its central directory declares for `name` set to `declared`. */
function declareSize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + length)) === name) view.setUint32(at + 24, declared, true);
  }
  return out;
}

function errorOf(zip: Uint8Array): string {
  try {
    readBundle(zip);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('readBundle accepted the zip');
}

describe('readBundle: zip bombs and path traversal', () => {
  it('reads the bundle it is given', () => {
    expect(readBundle(zipBundle()).run.id).toBe('run-1');
  });

  it('refuses an entry declaring 600 MB (more than one entry may, 512 MB), before inflating it', () => {
    expect(errorOf(declareSize(zipBundle(), 'model.json', 600 * 1024 * 1024))).toBe(
      'ExportError: This model bundle was refused: its entry "model.json" would inflate to 600.0 MB, more than the 512.0 MB one entry may, which one ML Studio made never does; export the bundle again.',
    );
  });

  it('refuses entries declaring 1.2 GB in all (the cap is 1 GB)', () => {
    let zip = zipBundle({}, { 'a.bin': new Uint8Array(10), 'b.bin': new Uint8Array(10), 'c.bin': new Uint8Array(10) });
    for (const name of ['a.bin', 'b.bin', 'c.bin']) zip = declareSize(zip, name, 400 * 1024 * 1024);
    expect(errorOf(zip)).toBe('ExportError: This model bundle was refused: its entries would inflate to more than 1.0 GB in all, which one ML Studio made never does; export the bundle again.');
  });

  it.each([
    ['../../.bashrc', 'climbs out of the folder with ".."'],
    ['/etc/cron.d/x', 'has an absolute path'],
    ['tfjs\\..\\..\\x', 'has a backslash in its path (zip paths use "/")'],
  ])('refuses the entry %j even when the manifest does not list it', (name, why) => {
    expect(errorOf(zipBundle({}, { [name]: strToU8('x') }))).toBe(`ExportError: This model bundle was refused: its entry ${JSON.stringify(name)} ${why}, which one ML Studio made never does; export the bundle again.`);
  });
});

describe('readBundle: a manifest or run that is not what ML Studio writes (fuzzing regressions)', () => {
  it('a manifest listing null: an ExportError naming the entry (regression: TypeError reading null.path)', () => {
    expect(errorOf(zipBundle({}, {}, [null]))).toBe('ExportError: manifest.json: files[0] must be {"path": text, "sha256": text}; export the bundle again.');
  });

  it('a model without a kind and a run without an id: an ExportError naming each path', () => {
    const run = JSON.stringify({ ...documents.run, id: '' });
    expect(errorOf(zipBundle({ run, model: '{"kind": ""}' }))).toBe(
      'ExportError: This bundle\'s run is not one ML Studio exports: run.id must not be empty (got ""); run.model.kind must not be empty (got ""). Export the bundle again.',
    );
  });

  it('a pipeline that is a list: an ExportError, not a TypeError when it is scored', () => {
    expect(errorOf(zipBundle({ pipeline: '[1, 2]' }))).toBe(
      'ExportError: This bundle\'s run is not one ML Studio exports: run.pipeline.formatVersion is missing; run.pipeline.steps is missing; run.pipeline.inputColumns is missing; and 1 more. Export the bundle again.',
    );
  });

  it('"__proto__" keys in the run and model are not inherited, and Object.prototype stays clean', () => {
    const run = JSON.stringify(documents.run).replace(/^\{/, '{"__proto__": {"polluted": 1, "baseline": true},');
    const model = JSON.stringify(documents.model).replace(/^\{/, '{"__proto__": {"polluted": 1},');
    const read = readBundle(zipBundle({ run, model })).run as unknown as Record<string, unknown>;
    expect([read.polluted, read.baseline, (read.model as Record<string, unknown>).polluted, ({} as Record<string, unknown>).polluted]).toEqual([undefined, false, undefined, undefined]);
  });
});
