// Named hostile inputs for the importer (issue #17) and regressions for what fuzzing found: 100,000 columns, a 10 MB
// field, "__proto__" / "constructor" as column names and category values, JSON nested 100,000 deep, a range import
// of 600,000 slash dates, and files over the memory budget refused before they are read.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { blobOf } from '../../test-support/table-builders';
import { readTexts } from '../table/text-column';
import type { Column } from '../table/types';
import { importCsvInRanges, inThisThread } from './import-csv-ranges';
import { importFile } from './import-file';
import { MAX_JSON_NESTING } from './import-json';
import { ColumnScanner } from './scan-column';

const MIB = 1024 * 1024;

function importText(text: string, fileName = 'data.csv', budgetBytes?: number) {
  return importFile(blobOf(text), fileName, DEFAULT_IMPORT_OPTIONS, undefined, undefined, budgetBytes);
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('no error');
}

const levelsOf = (column: Column) => (column.kind === 'categorical' ? column.levels : null);

describe('hostile input: wide, long and deep files', () => {
  it('100,000 columns × 2 rows import within the default budget, every column kept', async () => {
    const header = Array.from({ length: 100_000 }, (_, c) => `c${c}`).join(',');
    const row = Array.from({ length: 100_000 }, (_, c) => String(c % 7)).join(',');
    const result = await importText(`${header}\n${row}\n${row}\n`);
    expect([result.table.rowCount, result.table.columns.length, result.table.columns[99_999].name]).toEqual([2, 100_000, 'c99999']);
  }, 90_000);

  it('wide files: a column scanner reserves room for the rows it has, not 1,024 (regression: 100,000 columns allocated 2 GB and took 48 s)', () => {
    const scanner = new ColumnScanner(new Set(['NA']), false);
    scanner.addColumn(['1', '2', '3']);
    expect(scanner.finish(false).numbers?.buffer.byteLength).toBe(16 * 8);
  });

  it('a 10 MB field, quoted or not, is one cell of 10,000,000 characters', async () => {
    const field = 'x'.repeat(10_000_000);
    for (const cell of [`"${field}"`, field]) {
      const result = await importText(`a,b\n${cell},1\n${cell},2\n`);
      const column = result.table.columns[0];
      expect(column.kind).toBe('text');
      expect(column.kind === 'text' ? readTexts(column).map((t) => t?.length) : null).toEqual([10_000_000, 10_000_000]);
    }
  }, 60_000);

  it('JSON records whose value is nested 100,000 deep: a DataError naming the field (regression: RangeError from JSON.stringify)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = await errorOf(importText(`[{"id": 1, "tree": ${deep}}]`, 'deep.json'));
    expect(error).toEqual({
      name: 'DataError',
      message: `"deep.json": the value of "tree" in record 1 is nested more than ${MAX_JSON_NESTING.toLocaleString('en-US')} levels deep, too deep to keep as a cell. Flatten that field or leave it out of the records.`,
    });
  });

  it('JSON nested up to the limit is kept as JSON text', async () => {
    const nested = `${'['.repeat(MAX_JSON_NESTING)}${']'.repeat(MAX_JSON_NESTING)}`;
    const result = await importText(`[{"v": ${nested}}, {"v": 1}]`, 'ok.json');
    expect(result.table.rowCount).toBe(2);
  });

  it('a range import of 600,000 dd/mm dates merges (regression: RangeError spreading one range\'s dates)', async () => {
    const lines = ['when'];
    for (let i = 0; i < 600_000; i++) lines.push(`${String((i % 12) + 1).padStart(2, '0')}/${(i % 9) + 10}/2021`);
    const result = await importCsvInRanges(blobOf(`${lines.join('\n')}\n`), 'dates.csv', DEFAULT_IMPORT_OPTIONS, 2, inThisThread);
    expect([result?.table.rowCount, result?.table.columns[0].kind]).toEqual([600_000, 'datetime']);
  }, 60_000);
});

describe('hostile input: names that are Object.prototype members stay data', () => {
  it('"__proto__", "constructor" and "prototype" as CSV column names and category values', async () => {
    const rows = ['__proto__,constructor,1', 'constructor,__proto__,2', '__proto__,toString,3'];
    const result = await importText(`__proto__,constructor,prototype\n${[...rows, ...rows, ...rows].join('\n')}\n`);
    expect(result.table.columns.map((c) => [c.name, c.kind])).toEqual([['__proto__', 'categorical'], ['constructor', 'categorical'], ['prototype', 'numeric']]);
    expect(levelsOf(result.table.columns[0])).toEqual(['__proto__', 'constructor']);
    expect(levelsOf(result.table.columns[1])).toEqual(['__proto__', 'constructor', 'toString']);
    expect(result.table.columns.every((c) => Object.getPrototypeOf(c) === Object.prototype)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"__proto__" keys in JSON records are columns, and a "__proto__" wrapper key finds its records', async () => {
    const result = await importText('{"__proto__": [{"__proto__": {"polluted": 1}, "constructor": "a"}, {"__proto__": 2, "constructor": "b"}]}', 'p.json');
    expect(result.table.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile input: memory budget', () => {
  it('a CSV over the budget is refused before it is read, saying what it needs and what fits', async () => {
    const header = Array.from({ length: 50 }, (_, c) => `c${c}`).join(',');
    const row = Array.from({ length: 50 }, () => '1.5').join(',');
    const text = `${header}\n${`${row}\n`.repeat(20_000)}`;
    const error = await errorOf(importText(text, 'wide.csv', 8 * MIB));
    expect(error.name).toBe('DataError');
    expect(error.message).toBe(
      // 5,242 line breaks in the first 1,048,576 bytes of 4,000,190 → 19,997 rows (less the header); 24 bytes a cell plus the
      // text (2 × 4,000,190 ÷ 999,850 cells) and 8 KiB a column: 32,406,250 bytes. The rows and columns that fit follow.
      '"wide.csv" would need about 30.9 MB of memory to import, more than this tab\'s budget of 8.0 MB (19,997 rows × 50 columns, estimated from its first MB). ' +
        'What fits: a sample of 4,986 rows, or at most 12 columns with every row. Import a sample or fewer columns, or use a device with more memory.',
    );
    expect((await importText(text, 'wide.csv', 64 * MIB)).table.rowCount).toBe(20_000);
  });

  it('Parquet is refused by the rows × columns its footer declares, before a row is read', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'simple.parquet')));
    // 3 rows × 2 columns × (48 + 2,157 ÷ 6) bytes = 2,445 bytes, over a budget of 2,300 that the 2,157-byte file itself fits.
    const error = await errorOf(importFile(blobOf(bytes), 'simple.parquet', DEFAULT_IMPORT_OPTIONS, undefined, undefined, 2_300));
    expect(error).toEqual({
      name: 'DataError',
      message: '"simple.parquet" would need about 2.4 KB of memory to import, more than this tab\'s budget of 2.2 KB (3 rows × 2 columns). What fits: a sample of 2 rows, or at most 1 column with every row. Import a sample or fewer columns, or use a device with more memory.',
    });
  });

  it('JSON over the budget is refused with the size that fits and the CSV way out', async () => {
    const text = `[${Array.from({ length: 2_000 }, (_, i) => `{"a": ${i}, "b": "x"}`).join(',')}]`;
    const error = await errorOf(importText(text, 'big.json', 256 * 1024));
    expect(error.message).toBe(`"big.json" would need about ${((text.length * 10) / 1024).toFixed(1)} KB of memory to import, more than this tab's budget of 256.0 KB (JSON is read whole). What fits: a JSON file of at most 25.6 KB, or the same records saved as CSV, which is read in chunks.`);
  });
});
