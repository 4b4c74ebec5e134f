import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { EMBEDDED_CSV_OPTIONS } from '../notebook/file/file-types';
import { blobOf, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { createCsvWriter, writeCsv } from './write-csv';

const SAMPLES = join(__dirname, '../../../public/samples');

describe('writeCsv', () => {
  it('writes every column kind, missing values as empty fields, and quotes only where needed', () => {
    const table = tableOf(
      numericColumn('x', [1.5, null, -0, 1e-7]),
      categoricalColumn('city, country', ['Oslo', 'Bergen, NO', null, 'say "hi"']),
      datetimeColumn('day', ['2012-01-01', null, '2012-01-03', '2012-01-04']),
      datetimeColumn('at', ['2012-01-01T13:45:00.250Z', '2012-01-02', null, '2012-01-04']),
      booleanColumn('ok', [true, false, null, true]),
      textColumn('note', ['two\nlines', ' padded', null, '']),
    );
    expect(writeCsv(table)).toBe(
      'x,"city, country",day,at,ok,note\n' +
        '1.5,Oslo,2012-01-01,2012-01-01T13:45:00.250Z,true,"two\nlines"\n' +
        ',"Bergen, NO",,2012-01-02T00:00:00.000Z,false," padded"\n' +
        '0,,2012-01-03,,,\n' +
        '1e-7,"say ""hi""",2012-01-04,2012-01-04T00:00:00.000Z,true,\n',
    );
  });

  it('writes slices that join to the whole text', () => {
    const table = tableOf(numericColumn('n', [1, 2, 3, 4, 5]));
    const writer = createCsvWriter(table);
    expect(writer.header + writer.rows(0, 2) + writer.rows(2, 4) + writer.rows(4, 99)).toBe(writeCsv(table));
    expect(writer.rows(5, 9)).toBe('');
  });

  it('writes what the importer reads back as the same columns and values', async () => {
    const table = tableOf(
      numericColumn('x', [1.25, null, 3, 0.1 + 0.2], false),
      categoricalColumn('c', ['a', 'b, c', null, 'a']),
      datetimeColumn('t', ['2012-01-01T13:45:00.250Z', null, '1999-12-31T23:59:59.000Z', '2012-01-02']),
      booleanColumn('b', [true, false, null, true]),
    );
    const back = await importFile(blobOf(writeCsv(table)), 'embedded.csv', EMBEDDED_CSV_OPTIONS);
    expect(back.table).toEqual(table);
  });

  it.each(['breast-cancer.csv', 'penguins.csv', 'cars.csv', 'seattle-weather.csv'])('round-trips the sample %s through the importer', async (file) => {
    const original = await importFile(blobOf(readFileSync(join(SAMPLES, file))), file, DEFAULT_IMPORT_OPTIONS);
    const back = await importFile(blobOf(writeCsv(original.table)), file, EMBEDDED_CSV_OPTIONS);
    expect(back.table).toEqual(original.table);
  });
});
