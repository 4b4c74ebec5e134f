import { describe, expect, it } from 'vitest';
import type { Table } from '../core/table/types';
import { describePipelineSchema, sampleSchemaRows } from './pipeline-schema';

const table: Table = {
  rowCount: 4,
  columns: [
    { kind: 'categorical', name: 'city', codes: Int32Array.from([0, 1, 0, 1]), levels: ['Oslo', 'Rome'] },
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, NaN, 3, 4]) },
  ],
};
const rows = Uint32Array.from([0, 1, 2]);

describe('describePipelineSchema', () => {
  it('gives each step the columns after the steps before it', () => {
    const schema = describePipelineSchema(table, [
      { kind: 'one_hot', id: 'hot', columns: ['city'] },
      { kind: 'derive', id: 'double', name: 'x2', expression: 'x * 2' },
    ], rows);
    expect(schema).toEqual({
      steps: [
        { id: 'hot', input: [{ name: 'city', kind: 'categorical' }, { name: 'x', kind: 'numeric' }], resolved: null, error: null },
        { id: 'double', input: [{ name: 'city=Oslo', kind: 'numeric' }, { name: 'city=Rome', kind: 'numeric' }, { name: 'x', kind: 'numeric' }], resolved: null, error: null },
      ],
      output: [{ name: 'city=Oslo', kind: 'numeric' }, { name: 'city=Rome', kind: 'numeric' }, { name: 'x', kind: 'numeric' }, { name: 'x2', kind: 'numeric' }],
    });
  });

  it('names the failing step — a column dropped upstream, a bad expression, no columns left — and skips it', () => {
    const schema = describePipelineSchema(table, [
      { kind: 'drop', id: 'drop-city', columns: ['city'] },
      { kind: 'ordinal', id: 'codes', columns: ['city'] },
      { kind: 'filter', id: 'keep', expression: 'x >' },
      { kind: 'drop', id: 'drop-x', columns: ['x'] },
    ], rows);
    expect(schema.steps.map((s) => s.error)).toEqual([
      null,
      "Step 'codes' (ordinal): column 'city' is not in the table at this point (missing, or dropped by an earlier step). Columns here: 'x'.",
      "Step 'keep' (filter): Unexpected end of expression at position 4\n  x >\n     ^",
      "Step 'drop-x' (drop): it leaves no columns; keep at least one column.",
    ]);
    expect(schema.output).toEqual([{ name: 'x', kind: 'numeric' }]);
  });

  it('says which columns a rule picks at its step, never the target', () => {
    const schema = describePipelineSchema(table, [
      { kind: 'one_hot', id: 'hot', columns: { rule: 'categorical' } },
      { kind: 'scale', id: 'sc', columns: { rule: 'numeric' }, method: 'minmax' },
      { kind: 'impute', id: 'fill', columns: { rule: 'missing' }, strategy: 'mean' },
    ], rows, 'city=Rome');
    expect(schema.steps.map((s) => s.resolved)).toEqual([['city'], ['city=Oslo', 'x'], ['x']]);
  });

  it('samples the first training rows, or the first table rows without a split', () => {
    expect([Array.from(sampleSchemaRows(table, Uint32Array.from([3, 1]))), Array.from(sampleSchemaRows(table, null))]).toEqual([[3, 1], [0, 1, 2, 3]]);
  });
});
