import { describe, expect, it } from 'vitest';
import { booleanColumn, datetimeColumn, numericColumn, sortedCategoricalColumn, tableOf, textColumn } from '../../../../test-support/table-builders';
import type { PipelineStep } from '../../../transform/step-types';
import { runPipelineParity } from './fixtures/pipeline-parity';

const A = [1, 2, 0, -3, 4.5, null, 1, 7, /* held out */ 0, null, -2.5, 1, 3, 0.5, 1e300, -1];
const B = [2, 0, 3, 1, null, 2, -1, 4, /* held out */ 0, 2, 3, -2, null, 0.5, 1e10, Infinity];
const FLAG = [true, false, null, true, false, true, false, true, /* held out */ true, null, false, true, false, null, true, false];
const CITY = ['Oslo', 'Rome', 'Oslo', null, 'Rome', 'Oslo', 'Lima', 'Rome', /* held out */ 'Lima', null, 'Oslo', 'Nuuk', 'Rome', 'Oslo', 'Lima', 'Oslo'];
const NAME = ['Mr. Smith', 'Ms. Jones', 'Dr. Who', null, 'Mr. X', 'a.b', 'Mr.', 'Ms. Mr', /* held out */ 'Mr. Y', null, 'mr. z', 'Ms. Lee', 'x.Mr.', 'Mr', '', 'Dr.'];
const WHEN = ['2020-01-01', '2020-06-15T12:30:00Z', '2021-03-01', null, '2020-02-29', '2022-07-04T16:00:00Z', '2019-01-01', '2020-03-03',
  /* held out */ '2023-05-06T07:00:00Z', null, '1999-12-31T23:00:00Z', '2020-01-01', '2020-01-02', '2030-10-10', '2024-02-29', '2020-01-01T00:00:01Z'];
const table = tableOf(numericColumn('a', A), numericColumn('b', B), booleanColumn('flag', FLAG), sortedCategoricalColumn('city', CITY), textColumn('name', NAME.map((n) => (n === '' ? 'e' : n))), datetimeColumn('when', WHEN));

async function parity(steps: PipelineStep[]) {
  return runPipelineParity(steps, table, 8);
}

const DERIVED = [
  'a + b * 2 - a / b', 'a % b', '-a ^ 2', 'b ^ 0.5', '(a - 1) ^ b', '1 ^ b', 'a / 0', 'abs(a) + floor(b) + ceil(a)', 'log(a) + sqrt(b)', 'log1p(a)', 'exp(a)',
  'min(a, b, 1)', 'max(a, b)', 'round(a * 1.2345, 2)', 'round(b)', 'round(2.5) + round(-2.5) + round(0.49999999999999994)', 'round(a, b)',
  'is_missing(a) or is_missing(city)', 'coalesce(a, b, 0)', "coalesce(city, 'none')", 'if(a > b, a, b)', "if(flag, city, 'no')",
  'a == b', 'a != b', 'a < b', 'a <= b', 'a > b', 'a >= 1', 'flag == true', 'flag != false', "city == 'Oslo'", "city != 'Oslo'",
  'a > 0 and flag', 'a > 0 or flag', 'not flag', 'not (a > 0 and b > 0) or flag', "when > '2020-03-01'", 'when <= when',
  'year(when) + month(when) + day(when) + weekday(when) + hour(when)', "city + '-' + name", "contains(name, 'Mr.')", "contains(city, 'o')", '3 * 2', "'x'",
];

describe('derive, filter, cast, dedupe and resample exporters match transformTable', () => {
  it.each(DERIVED)('derive %s', async (expression) => {
    const result = await parity([{ kind: 'derive', id: 'd', name: 'out', expression }]);
    expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [8, 8] });
  });

  it('filter removes the same rows from every column (missing counts as false)', async () => {
    const result = await parity([{ kind: 'filter', id: 'f', expression: 'a > 0 or flag' }, { kind: 'dedupe', id: 'dd' }, { kind: 'resample', id: 'r', method: 'oversample', target: 'city' }]);
    expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [5, 5] });
  });

  it.each([
    ['a', 'datetime'], ['when', 'numeric'], ['a', 'boolean'], ['flag', 'numeric'], ['flag', 'text'], ['city', 'text'], ['when', 'boolean'],
  ] as const)('cast %s to %s', async (column, to) => {
    const result = await parity([{ kind: 'cast', id: 'c', columns: [column], to }]);
    expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [8, 8] });
  });

  it('cast to categorical then one-hot is exact: the codes the cast makes are never read', async () => {
    const result = await parity([{ kind: 'cast', id: 'c', columns: ['name', 'flag'], to: 'categorical' }, { kind: 'one_hot', id: 'oh', columns: ['name', 'flag'] }]);
    expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [8, 8] });
  });

  it.each([
    ['lower(name)', /lower\(\) changes letter case/],
    ['len(name)', /len\(\) counts characters/],
    ["name < 'b'", /'<' orders text/],
    ["contains(name, city)", /contains\(\) with a part that varies per row/],
    ["name == ''", /the empty text ''/],
  ])('refuses derive %s, naming the step, the expression and the function', async (expression, why) => {
    await expect(parity([{ kind: 'derive', id: 'dv', name: 'out', expression }])).rejects.toThrow(new RegExp(`Step 'dv' \\(derive\\) cannot be exported to ONNX: in expression '${expression.replace(/[()[\]]/g, '\\$&')}', ${why.source}`));
  });

  it.each([['a', 'text'], ['city', 'numeric'], ['name', 'datetime']] as const)('refuses cast %s to %s', async (column, to) => {
    await expect(parity([{ kind: 'cast', id: 'c', columns: [column], to }])).rejects.toThrow(/Step 'c' \(cast\) cannot be exported to ONNX/);
  });
});
