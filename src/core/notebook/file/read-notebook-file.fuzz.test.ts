// Fuzzing readNotebookFile (issue #17): any text, any JSON and the example notebooks with values replaced, keys
// dropped and "__proto__" / "constructor" keys added anywhere end in a notebook file or a NotebookFormatError
// naming where — and an accepted file makes a notebook and reads back the same once written.
// Seeded: a failure prints its seed and path; FUZZ_SEED / FUZZ_SCALE widen a local hunt.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from '../../errors';
import type { CellId, DatasetId, NotebookId } from '../types';
import { createNotebookFromFile } from './notebook-from-file';
import { readNotebookFile } from './read-notebook-file';
import { formatNotebookFile } from './write-notebook-file';

const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1));
const MAX_MS = 1_000;

const examplesFolder = join(__dirname, '../../../../examples');
const examples = readdirSync(examplesFolder).filter((name) => name.endsWith('.notebook.json')).sort().map((name) => readFileSync(join(examplesFolder, name), 'utf8'));
/** Data → Problem → Split → Prepare → Train → Evaluate. */
const penguins = readFileSync(join(examplesFolder, 'penguins.notebook.json'), 'utf8');

/** Reads `text`; fails on anything but a file (that makes a notebook and round-trips) or a NotebookFormatError. */
function expectNamedOutcome(text: string, maxMs = MAX_MS): void {
  const started = performance.now();
  try {
    const file = readNotebookFile(text);
    const ids = new Map<CellId, DatasetId | null>(file.notebook.cells.filter((cell) => cell.kind === 'data').map((cell) => [cell.id, null]));
    expect(createNotebookFromFile(file, 'nb' as NotebookId, 0, ids).cells.length).toBe(file.notebook.cells.length);
    expect(readNotebookFile(formatNotebookFile(file))).toEqual(file);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw new Error(`Not a NotebookFormatError: ${String((error as Error)?.stack ?? error)}`);
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(2_000);
  }
  expect(performance.now() - started).toBeLessThan(maxMs);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted', '', 'id', 'kind', 'spec', 'name', 'cells');
const anyJson = fc.jsonValue({ maxDepth: 3 });

type Edit = { at: number; kind: 'replace' | 'drop' | 'add'; key: string; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'drop', 'add'), key: hostileKey, value: fc.oneof(anyJson, fc.constantFrom(null, '', '__proto__', -1, 1e308, 0.5, [], {})) });

/** Every object and array inside `value` (the root first). */
function collectContainers(value: unknown, into: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return into;
  into.push(value);
  for (const child of Object.values(value)) collectContainers(child, into);
  return into;
}

/** `document` with `edits` applied; keys are defined as own data ("__proto__" stays a key, as JSON.parse makes it). */
function applyEdits(document: unknown, edits: readonly Edit[]): unknown {
  for (const { at, kind, key, value } of edits) {
    const containers = collectContainers(document);
    const target = containers[at % containers.length] as Record<string, unknown>;
    const keys = Object.keys(target);
    const existing = keys.length > 0 ? keys[at % keys.length] : key;
    if (Array.isArray(target)) {
      // Arrays get items, not named keys (JSON has none; and an own "constructor" on an array breaks this test's splice).
      if (kind === 'drop') target.splice(at % Math.max(1, target.length), 1);
      else target[at % (target.length + 1)] = structuredClone(value);
    } else if (kind === 'drop') delete target[existing];
    // A copy: fast-check hands out the same constant objects run after run, and edits must not mutate them.
    else Object.defineProperty(target, kind === 'add' ? key : existing, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
  return document;
}

describe('readNotebookFile fuzzing: any file ends in a notebook or a NotebookFormatError', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectNamedOutcome(text)), { seed: SEED, numRuns: runs(300) });
  });

  it('arbitrary JSON values, hostile keys included', () => {
    const document = fc.oneof(anyJson, fc.dictionary(hostileKey, anyJson), fc.record({ format: fc.constantFrom('ml-studio-notebook', 'x'), formatVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), anyJson), notebook: anyJson, cells: anyJson }));
    fc.assert(fc.property(document, (value) => expectNamedOutcome(JSON.stringify(value) ?? 'null')), { seed: SEED, numRuns: runs(500) });
  });

  it('the example notebooks with values replaced, keys dropped and hostile keys added', () => {
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        expectNamedOutcome(JSON.stringify(applyEdits(JSON.parse(examples[which]), edits)));
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });

  it('the example notebooks cut short or with a byte changed', () => {
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.nat(), fc.string({ maxLength: 3 }), (which, at, insert) => {
        const text = examples[which];
        const cut = at % text.length;
        expectNamedOutcome(text.slice(0, cut) + insert + text.slice(cut + 1));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('long lists where a list is expected (cells, metric names, steps, missing tokens)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1_000, 200_000), fc.constantFrom('cells', 'secondaryMetrics', 'steps', 'missingTokens'), fc.constantFrom<unknown>('nope', 1, null, {}), (n, where, item) => {
        const document = JSON.parse(penguins) as { notebook: { cells: { spec: Record<string, unknown> }[] } };
        const list = new Array(n).fill(item);
        if (where === 'cells') document.notebook.cells = list as never;
        else if (where === 'secondaryMetrics') document.notebook.cells[1].spec.secondaryMetrics = list;
        else if (where === 'steps') document.notebook.cells[3].spec.steps = list;
        else (document.notebook.cells[0].spec.options as Record<string, unknown>).missingTokens = list;
        // Every problem is listed: 200,000 bad cells make 600,000 problems, ~1 s here alone, more beside other suites.
        expectNamedOutcome(JSON.stringify(document), 10_000);
      }),
      { seed: SEED, numRuns: runs(6) },
    );
  });

  it('deep nesting where a spec or a name is expected', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    fc.assert(
      fc.property(fc.constantFrom(10, 1_000, 100_000), fc.constantFrom(deep, deepObject), fc.nat(examples.length - 1), (n, make, which) => {
        expectNamedOutcome(make(n));
        expectNamedOutcome(examples[which].replace(/"spec": \{/, `"spec": {"deep": ${make(n)},`));
        expectNamedOutcome(examples[which].replace(/"name": "[^"]*"/, `"name": ${make(n)}`));
      }),
      { seed: SEED, numRuns: runs(12) },
    );
  });
});
