import { describe, expect, it } from 'vitest';
import { datetimeColumn, numericColumn, tableOf } from '../../../../test-support/table-builders';
import { runPipelineParity } from './fixtures/pipeline-parity';

// Training rows, then held-out instants across eras: before 1970, leap days, century years, late evenings, missing.
const WHEN = [
  '2020-01-01T00:00:00Z', '2020-06-15T12:30:00Z', '2021-03-01T08:00:00Z', '2019-12-31T23:59:59Z', '2020-02-29', '2022-07-04T16:00:00Z',
  /* held out */ '1969-12-31T23:59:59.999Z', '1900-03-01', '2000-02-29T05:00:00Z', '2100-02-28T23:00:00Z', '1600-01-01', null, '2024-12-29T10:00:00Z',
  '0001-01-01T00:00:00Z', '9999-12-31T23:00:00Z', '1970-01-01',
];
const extras = [0.4, -0.6, -1e17]; // fractional ms (truncated by new Date) and an instant past Date's range
const values = [...datetimeColumn('when', WHEN).values];
const base = Date.parse('2020-01-05T00:00:00Z');
const table = tableOf({ kind: 'datetime', name: 'when', values: Float64Array.from([...values, ...extras.map((e) => (Math.abs(e) > 1e16 ? e : base + e))]) }, numericColumn('n', Array.from({ length: values.length + extras.length }, (_, i) => i)));

describe('date_parts exporter matches transformTable (UTC civil-from-days arithmetic)', () => {
  it.each([true, false])('every part, dropOriginal %s', async (dropOriginal) => {
    const result = await runPipelineParity([{ kind: 'date_parts', id: 'dp', columns: ['when'], parts: ['year', 'month', 'day', 'weekday', 'hour', 'is_weekend', 'days_since'], dropOriginal }], table, 6);
    expect(result).toEqual({ onnxColumns: result.studioColumns, studioColumns: result.studioColumns, mismatches: [], rows: [13, 13] });
    expect(result.studioColumns.slice(0, 3)).toEqual(dropOriginal ? ['when_year:numeric', 'when_month:numeric', 'when_day:numeric'] : ['when:datetime', 'when_year:numeric', 'when_month:numeric']);
  });
});
