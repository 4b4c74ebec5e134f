// The input contract names the raw columns a run needs: those a step reads (derive and filter expressions too) or
// the model reads as they are — not a column the pipeline only drops, nor the target — measured on training rows.
import { describe, expect, it } from 'vitest';
import { categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import { fitPipeline } from '../transform/pipeline';
import { deriveInputContract, REFERENCE_SAMPLE_SEED, REFERENCE_SAMPLE_SIZE } from './input-contract';

const TABLE = tableOf(
  numericColumn('a', [1, 2, null, 4, 50]),
  numericColumn('b', [10, 20, 30, 40, 50]),
  categoricalColumn('colour', ['red', 'blue', null, 'red', 'green']),
  textColumn('id', ['r1', 'r2', 'r3', 'r4', 'r5']),
  numericColumn('only_filtered', [1, 1, 1, 1, 0]),
  categoricalColumn('y', ['no', 'yes', 'no', 'yes', 'no']),
);
const TRAIN = Uint32Array.of(0, 1, 2, 3);

describe('deriveInputContract', () => {
  it('lists what a step or the model reads, with training ranges, levels in code order and counts', () => {
    const fitted = fitPipeline([
      { kind: 'filter', id: 'f', expression: 'only_filtered == 1' },
      { kind: 'derive', id: 'd', name: 'ab', expression: 'a * 2 + b' },
      { kind: 'drop', id: 'x', columns: ['id', 'only_filtered', 'a', 'b'] },
    ], TABLE, TRAIN);
    const contract = deriveInputContract(TABLE, TRAIN, fitted, ['ab', 'colour'], { name: 'y', classes: ['no', 'yes'] });
    expect(contract).toEqual({
      formatVersion: 1,
      columns: [
        { name: 'a', kind: 'numeric', missing: 1, min: 1, max: 4, reference: { sample: [1, 2, 4] } },
        { name: 'b', kind: 'numeric', missing: 0, min: 10, max: 40, reference: { sample: [10, 20, 30, 40] } },
        { name: 'colour', kind: 'categorical', missing: 1, levels: ['red', 'blue', 'green'], counts: [2, 1, 0] }, // the table's code order
        { name: 'only_filtered', kind: 'numeric', missing: 0, min: 1, max: 1, reference: { sample: [1, 1, 1, 1] } },
      ],
      target: { name: 'y', classes: ['no', 'yes'] },
      trainRowCount: 4,
    });
  });

  it('refuses a run whose table lost a column it reads or reads it as another kind, saying to retrain', () => {
    const fitted = fitPipeline([], TABLE, TRAIN);
    expect(() => deriveInputContract(tableOf(numericColumn('b', [1])), TRAIN, fitted, ['a'], null)).toThrow(/reads a column "a" that the table does not have/);
    expect(() => deriveInputContract(tableOf(textColumn('a', ['1', '2', '3', '4', '5'])), TRAIN, fitted, ['a'], null)).toThrow(/read "a" as numeric, but the table has it as text/);
  });

  it('keeps a seeded sample of at most 1,000 present training values per number or date column as the drift reference', () => {
    // 3,000 rows: every 7th value missing, rows 2,500+ held out (the sample must never see them).
    const values = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? null : i >= 2500 ? -1 : (i * 7919) % 3001));
    const table = tableOf(numericColumn('x', values));
    const train = Uint32Array.from({ length: 2500 }, (_, i) => i);
    const x = deriveInputContract(table, train, fitPipeline([], table, train), ['x'], null).columns[0];
    const present = Array.from(train, (row) => values[row]).filter((v) => v !== null);
    const expected = Array.from(sampleRows(present.length, REFERENCE_SAMPLE_SIZE, createRandom(REFERENCE_SAMPLE_SEED)), (at) => present[at]).sort((a, b) => a - b);
    expect(x.kind === 'numeric' && x.reference).toEqual({ sample: expected });
    expect([expected.length, expected.includes(-1), expected.every((v, i) => i === 0 || v >= expected[i - 1])]).toEqual([1000, false, true]);
    // Fewer present values than the sample size: all of them, ascending (epoch ms for dates).
    const dates = tableOf(datetimeColumn('when', ['2024-01-02', null, '2024-01-01', '2024-01-03']));
    const rows = Uint32Array.of(0, 1, 2, 3);
    expect(deriveInputContract(dates, rows, fitPipeline([], dates, rows), ['when'], null).columns).toEqual([
      { name: 'when', kind: 'datetime', missing: 1, min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 3), reference: { sample: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)] } },
    ]);
  });
});
