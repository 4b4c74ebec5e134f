// Fuzzing the importer (issue #17): any bytes, near-valid CSV/TSV in every encoding and line ending, JSON records
// with hostile keys and damaged Parquet end in a table or a named StudioError, never a TypeError, a stack overflow
// or a hang. Seeded: a failure prints its seed and path; rerun with { seed, path } in fc.assert's options.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../notebook/types';
import { blobOf } from '../../test-support/table-builders';
import { importFile } from './import-file';

/** Most time one import of these small inputs may take (a hang past vitest's timeout fails on its own). */
const MAX_MS = 2_000;
/** FUZZ_SEED / FUZZ_SCALE widen a local hunt (e.g. FUZZ_SCALE=50); the suite runs seeded and small by default. */
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1));

/** Resolves with the outcome; fails the property on anything but a result or a StudioError, or when too slow. */
async function expectNamedOutcome(bytes: Uint8Array, fileName: string, options: Partial<ImportOptions> = {}, maxMs = MAX_MS): Promise<void> {
  const started = performance.now();
  try {
    const result = await importFile(blobOf(bytes), fileName, { ...DEFAULT_IMPORT_OPTIONS, ...options });
    expect(result.table.columns.length).toBe(result.inference.length);
    for (const column of result.table.columns) expect(Object.getPrototypeOf(column)).toBe(Object.prototype);
  } catch (error) {
    if (!(error instanceof StudioError)) throw new Error(`Not a named error for ${fileName}: ${String((error as Error)?.stack ?? error)}`);
  }
  expect(performance.now() - started).toBeLessThan(maxMs);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const fileName = fc.constantFrom('data.csv', 'data.tsv', 'data.json', 'data.parquet', 'data', 'data.txt');
const format = fc.constantFrom<ImportOptions['format']>('auto', 'csv', 'tsv', 'json', 'parquet');
const encoding = fc.constantFrom<ImportOptions['encoding']>('auto', 'utf-8', 'windows-1252');
const delimiter = fc.constantFrom<ImportOptions['delimiter']>('auto', ',', ';', '\t', '|');

/** A CSV field: plain words, numbers, quotes (balanced or not), delimiters, line breaks and odd characters. */
const field = fc.oneof(
  fc.constantFrom('', 'a', 'NA', '1', '-2.5e308', '1e999', '2024-01-31', 'true', '__proto__', 'constructor', 'prototype', 'toString', '"', '""', '"a"', 'a"b', '"a,b"', '"x\ny"', ' "q" ', '\uFEFF', '\uFFFD', 'é', '日本', '😀', '\u0000'),
  fc.string({ unit: fc.constantFrom('a', '1', '.', ',', ';', '\t', '|', '"', "'", ' ', '\r', '\n', 'é', '\u2028'), maxLength: 12 }),
  fc.double().map(String),
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '');
const bom = fc.constantFrom('', '\uFEFF');

/** Rows of fields joined by one delimiter and mixed line endings. */
const csvText = fc
  .tuple(fc.constantFrom(',', ';', '\t', '|'), fc.array(fc.array(fc.tuple(field, lineEnd), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }), bom)
  .map(([sep, rows, mark]) => mark + rows.map((row) => row.map(([text]) => text).join(sep) + row[row.length - 1][1]).join(''));

/** `text` as bytes in one of the encodings a user's file may have. */
function encode(text: string, how: 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be', withBom: boolean): Uint8Array {
  if (how === 'utf-8') return new TextEncoder().encode(text);
  if (how === 'latin1') return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  const units = (withBom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (how === 'utf-16be' ? 1 : 0)] = code & 0xff;
    bytes[2 * i + (how === 'utf-16be' ? 0 : 1)] = code >> 8;
  }
  return bytes;
}
const textEncoding = fc.constantFrom<'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be'>('utf-8', 'latin1', 'utf-16le', 'utf-16be');

/** JSON keys a user names things with, hostile ones included. */
const jsonKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '', ' ', 'a', 'b', 'valueOf', '$t'), fc.string({ maxLength: 6 }));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 'NA', '', '__proto__'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(jsonKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;
/** JSON text of records (an array of objects, maybe wrapped in one), built as text so "__proto__" stays a key. */
const jsonText = fc
  .tuple(fc.array(fc.array(fc.tuple(jsonKey, jsonValue), { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom('', 'data', '__proto__'), fc.nat(40))
  .map(([records, wrap, cut]) => {
    const body = `[${records.map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`).join(',')}]`;
    const text = wrap === '' ? body : `{${JSON.stringify(wrap)}:${body}}`;
    return cut === 0 ? text.slice(0, Math.max(1, text.length - 3)) : text; // sometimes cut short
  });

const parquet = new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'simple.parquet')));

describe('importFile fuzzing: any input ends in a table or a named error', () => {
  it('arbitrary bytes under any name and options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fileName, format, encoding, delimiter, async (bytes, name, f, e, d) => {
        await expectNamedOutcome(bytes, name, { format: f, encoding: e, delimiter: d });
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('near-valid CSV/TSV: quotes, delimiters, CR/LF/CRLF mixes, byte-order marks, UTF-8/latin1/UTF-16 LE/BE', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, textEncoding, fc.boolean(), fc.constantFrom('data.csv', 'data.tsv', 'data.txt'), delimiter, encoding, async (text, how, withBom, name, d, e) => {
        await expectNamedOutcome(encode(text, how, withBom), name, { delimiter: d, encoding: e });
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });

  it('JSON records with nesting, hostile keys and cut-short text', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, textEncoding, async (text, how) => {
        await expectNamedOutcome(encode(text, how === 'latin1' ? 'utf-8' : how, true), 'data.json');
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('extreme shapes: deep JSON, wide headers, files of only quotes, delimiters, breaks or byte-order marks', async () => {
    const shape = fc.constantFrom(
      (n: number) => [`[{"a": ${'['.repeat(n)}${']'.repeat(n)}}]`, 'deep.json'],
      (n: number) => [`${'{"k":'.repeat(n)}[{"a":1}]${'}'.repeat(n)}`, 'wrapped.json'],
      (n: number) => [`${Array.from({ length: n }, (_, c) => `c${c}`).join(',')}\n${'1,'.repeat(n - 1)}1\n`, 'wide.csv'],
      (n: number) => ['"'.repeat(n), 'quotes.csv'],
      (n: number) => [`a,b\n"${'x'.repeat(n)}`, 'unbalanced.csv'],
      (n: number) => [','.repeat(n), 'commas.csv'],
      (n: number) => ['\r\n\n\r'.repeat(n), 'breaks.csv'],
      (n: number) => ['\uFEFF'.repeat(n), 'boms.csv'],
    );
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom(1, 2, 1_000, 20_000), async (make, n) => {
        const [text, name] = make(n);
        // 20,000 columns take ~1 s here (~40 µs a column): a looser bound than for small files.
        await expectNamedOutcome(new TextEncoder().encode(text), name, {}, 10_000);
      }),
      { seed: SEED, numRuns: runs(40) },
    );
  });

  it('Parquet with bytes flipped, cut or spliced', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(parquet.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(parquet.length), async (flips, cut) => {
        const bytes = parquet.slice(0, Math.max(8, cut));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        await expectNamedOutcome(bytes, 'data.parquet');
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});
