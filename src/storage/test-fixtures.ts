// Builders for storage tests: a table with every column kind and missing values, its ImportResult, a small
// trained run and a fresh database name per test. Imported by *.test.ts only.

import { createTextColumn } from '../core/table/text-column';
import type { Table } from '../core/table/types';
import type { ImportResult } from '../core/ingest/types';
import type { TrainedRun } from '../core/train/types';

/** A unique database name, so every test opens an empty database. */
export function createTestDbName(): string {
  return `ml-studio-test-${crypto.randomUUID()}`;
}

/** A table of `rowCount` rows with one column of each kind; every 7th row is missing (NaN, −1, 255, null). */
export function buildSampleTable(rowCount: number): Table {
  const price = new Float64Array(rowCount);
  const species = new Int32Array(rowCount);
  const seenAt = new Float64Array(rowCount);
  const adult = new Uint8Array(rowCount);
  const note: (string | null)[] = [];
  for (let row = 0; row < rowCount; row++) {
    const missing = row % 7 === 3;
    price[row] = missing ? NaN : row * 0.5 - 10;
    species[row] = missing ? -1 : row % 3;
    seenAt[row] = missing ? NaN : Date.UTC(2024, 0, 1) + row * 60_000;
    adult[row] = missing ? 255 : row % 2;
    note.push(missing ? null : `row ${row}`);
  }
  return {
    rowCount,
    columns: [
      { kind: 'numeric', name: 'price', values: price, integer: false },
      { kind: 'categorical', name: 'species', codes: species, levels: ['Adelie', 'Chinstrap', 'Gentoo'] },
      { kind: 'datetime', name: 'seen_at', values: seenAt },
      { kind: 'boolean', name: 'adult', values: adult },
      createTextColumn('note', note, false),
    ],
  };
}

/** An ImportResult for `table` as a CSV import of `sourceBytes` bytes would report it. */
export function buildImportResult(table: Table, contentHash = 'ab'.repeat(32), sourceBytes = 1234): ImportResult {
  return {
    table,
    inference: table.columns.map((column) => ({
      name: column.name,
      originalName: column.name,
      kind: column.kind,
      detail: column.kind,
      evidence: `all ${table.rowCount} values read as ${column.kind}`,
      missing: 0,
      distinct: 3,
      examples: ['a', 'b'],
    })),
    warnings: [{ code: 'blank-lines', message: '2 blank lines were skipped.', lines: [4, 9] }],
    format: 'csv',
    delimiter: ',',
    encoding: 'utf-8',
    sourceBytes,
    contentHash,
    durationMs: 12,
  };
}

/** A k-NN run `id` trained at `trainedAt` (epoch ms), with a tiny model and an empty pipeline. */
export function buildTrainedRun(id: string, trainedAt: number): TrainedRun {
  return {
    id, family: 'knn', label: 'k-nearest neighbours', baseline: false, params: { k: 3 }, task: 'binary', seed: 1, primaryMetric: 'accuracy',
    metrics: { validation: { accuracy: { value: 0.5 } }, cv: null }, curve: [{ iteration: 1, total: 1, metrics: {} }], durationMs: 12, trainedAt, stopped: false,
    model: { formatVersion: 1, kind: 'knn', task: 'binary', params: { k: 3 }, featureNames: ['x'], classes: ['a', 'b'], state: { X: new Float64Array([1, 2]) } },
    pipeline: { formatVersion: 1, steps: [], inputColumns: [], outputColumns: [], trainRowCount: 2 },
    featureNames: ['x'], classes: ['a', 'b'], info: {},
  };
}
