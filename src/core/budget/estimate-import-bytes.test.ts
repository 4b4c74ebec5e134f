import { describe, expect, it } from 'vitest';
import { checkImportBudget, COLUMN_OVERHEAD_BYTES, CSV_BYTES_PER_CELL, estimateImportBytes, estimateParquetImport, estimateTextImport } from './estimate-import-bytes';

const encode = (text: string) => new TextEncoder().encode(text);
const MIB = 1024 * 1024;

function refusalOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('accepted');
}

describe('estimateTextImport', () => {
  it('a whole small file: its lines less the header, its header\'s fields, 24 bytes a cell plus twice the text, 8 KiB a column', () => {
    const text = 'a,b,c\n1,2,3\n4,5,6\n';
    const estimate = estimateTextImport('csv', text.length, encode(text));
    expect(estimate).toEqual({ format: 'csv', rows: 2, columns: 3, perCellBytes: CSV_BYTES_PER_CELL + (2 * 18) / 6, perColumnBytes: COLUMN_OVERHEAD_BYTES, bytes: 6 * 30 + 3 * COLUMN_OVERHEAD_BYTES });
  });

  it('a large file: rows scaled from the first chunk\'s line breaks (CRLF counted once)', () => {
    const head = encode(`x;y\r\n${'1;2\r\n'.repeat(999)}`); // 1,000 breaks in 5,000 bytes
    expect(estimateTextImport('csv', 50_000, head)).toMatchObject({ rows: 9_999, columns: 2 });
  });

  it('old Mac files break on CR; TSV counts tabs; a chosen delimiter counts only itself', () => {
    expect(estimateTextImport('csv', 12, encode('a,b\r1,2\r3,4\r'))).toMatchObject({ rows: 2, columns: 2 });
    expect(estimateTextImport('tsv', 12, encode('a,b\tc\n1,2\t3\n'))).toMatchObject({ rows: 1, columns: 2 });
    expect(estimateTextImport('csv', 12, encode('a,b;c\n1,2;3\n'), ';')).toMatchObject({ columns: 2 });
  });

  it('UTF-16: delimiters and line feeds are found in either byte order', () => {
    const utf16le = Uint8Array.from([...'a,b\n1,2\n'].flatMap((ch) => [ch.charCodeAt(0), 0]));
    expect(estimateTextImport('csv', utf16le.length, utf16le)).toMatchObject({ rows: 1, columns: 2 });
  });

  it('a first chunk without a line break: lines as long as the chunk, the columns seen so far', () => {
    expect(estimateTextImport('csv', 10 * MIB, encode('a,'.repeat(1000)))).toMatchObject({ rows: 5_242, columns: 1001 }); // 10 MiB ÷ 2,000 bytes, less the header
  });
});

describe('estimateImportBytes', () => {
  it('JSON and prediction logs: ten times the file; Parquet: the file until its footer is read', () => {
    expect(estimateImportBytes('json', 1000, encode('[')).bytes).toBe(10_000);
    expect(estimateImportBytes('prediction-log', 1000, encode('{')).bytes).toBe(10_000);
    expect(estimateImportBytes('parquet', 1000, encode('PAR1'))).toMatchObject({ bytes: 1000, rows: 0 });
    expect(estimateParquetImport(1000, 10, 10)).toMatchObject({ bytes: 48 * 100 + 1000, rows: 10, columns: 10 });
  });
});

describe('checkImportBudget', () => {
  it('passes an estimate within the budget', () => {
    expect(() => checkImportBudget(estimateTextImport('csv', 18, encode('a,b,c\n1,2,3\n4,5,6\n')), 1 * MIB, 'x.csv')).not.toThrow();
  });

  it('refuses a Parquet file by its footer\'s rows × columns, with what fits', () => {
    const estimate = estimateParquetImport(100 * MIB, 10_000_000, 20);
    expect(refusalOf(() => checkImportBudget(estimate, 4 * 1024 * MIB, 'big.parquet'))).toBe(
      'DataError: "big.parquet" would need about 9.0 GB of memory to import, more than this tab\'s budget of 4.0 GB (10.0 M rows × 20 columns). ' +
        'What fits: a sample of 4.4 M rows, or at most 8 columns with every row. Import a sample or fewer columns, or use a device with more memory.',
    );
  });

  it('refuses a Parquet file too large to read whole', () => {
    expect(refusalOf(() => checkImportBudget(estimateParquetImport(300 * MIB, 0, 0), 256 * MIB, 'x.parquet'))).toBe(
      'DataError: "x.parquet" would need about 300.0 MB of memory to import, more than this tab\'s budget of 256.0 MB (a Parquet file is read whole). What fits: a file of at most 256.0 MB; export fewer rows or columns.',
    );
  });

  it('names no sample when not even one row fits (100,000 columns of 8 KiB each are more than the budget)', () => {
    const estimate = estimateTextImport('csv', 10 * MIB, encode(`${'c,'.repeat(99_999)}c\n`));
    expect(refusalOf(() => checkImportBudget(estimate, 256 * MIB, 'wide.csv'))).toBe(
      'DataError: "wide.csv" would need about 918.0 MB of memory to import, more than this tab\'s budget of 256.0 MB (51 rows × 100,000 columns, estimated from its first MB). ' +
        'What fits: at most 27,887 columns with every row. Import a sample or fewer columns, or use a device with more memory.',
    );
  });
});
