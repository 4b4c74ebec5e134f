import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '../notebook/types';
import { blobOf, categoricalColumn, numericColumn, sortedCategoricalColumn } from '../../test-support/table-builders';
import { readTexts } from '../table/text-column';
import { importFile } from './import-file';
import type { ImportProgress } from './types';

function importText(content: string | Uint8Array, fileName = 'data.csv', options: Partial<ImportOptions> = {}) {
  return importFile(blobOf(content), fileName, { ...DEFAULT_IMPORT_OPTIONS, ...options });
}

/** `text` as UTF-16 bytes, little- or big-endian, with or without a byte-order mark. */
function encodeUtf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[2 * i + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));

describe('importFile: CSV', () => {
  it('types every column and reports what it found', async () => {
    const result = await importText('\uFEFFcity,n\r\nOslo,1\r\nBergen,2\r\nOslo,3\r\nOslo,4\r\n');
    expect({ ...result, durationMs: 0 }).toEqual({
      table: { rowCount: 4, columns: [{ kind: 'categorical', name: 'city', codes: Int32Array.from([1, 0, 1, 1]), levels: ['Bergen', 'Oslo'] }, numericColumn('n', [1, 2, 3, 4], true)] },
      inference: [
        { name: 'city', originalName: 'city', kind: 'categorical', detail: 'categories', evidence: '2 distinct values among 4 present, few enough for categories; 0 missing.', missing: 0, distinct: 2, examples: ['Oslo', 'Bergen'] },
        { name: 'n', originalName: 'n', kind: 'numeric', detail: 'integer', evidence: '4 of 4 values parse as numbers, all whole; 0 missing.', missing: 0, distinct: 4, examples: ['1', '2', '3', '4'] },
      ],
      warnings: [],
      format: 'csv',
      delimiter: ',',
      encoding: 'utf-8',
      sourceBytes: 45, // 3-byte BOM + 42 bytes of text; one hash block, so SHA-256 of its SHA-256 (hash-blocks.ts), checked with
      // python3 -c "import hashlib; d=hashlib.sha256('\ufeffcity,n\r\nOslo,1\r\nBergen,2\r\nOslo,3\r\nOslo,4\r\n'.encode()).digest(); print(hashlib.sha256(d).hexdigest())"
      contentHash: 'c30eea583d6bad9063d6bcaf26f1d1e8d6e24d92696f9f0164b361dd478fa069',
      durationMs: 0,
    });
  });

  it.each([
    ['a;b\n1;x\n2;y\n', ';'],
    ['a\tb\n1\tx\n2\ty\n', '\t'],
    ['a|b\n1|x\n2|y\n', '|'],
  ])('detects the delimiter of %j', async (text, delimiter) => {
    const result = await importText(text);
    expect([result.delimiter, result.table.columns.map((c) => c.name)]).toEqual([delimiter, ['a', 'b']]);
  });

  it('uses the delimiter from the options and reads .tsv files as tab-separated', async () => {
    expect((await importText('a;b,c\n1;2,3\n', 'x.csv', { delimiter: ',' })).table.columns.map((c) => c.name)).toEqual(['a;b', 'c']);
    expect((await importText('a,b\tc\n1,2\t3\n', 'x.tsv')).delimiter).toBe('\t');
  });

  it('renames empty and repeated headers and says so', async () => {
    const result = await importText('a,,a\n1,2,3\n4,5,6\n');
    expect([result.table.columns.map((c) => c.name), result.warnings]).toEqual([
      ['a', 'column_2', 'a_2'],
      [{ code: 'renamed-header', message: '2 header names were empty, repeated or padded with spaces and were renamed: column 2 "" → "column_2", column 3 "a" → "a_2".', lines: [1] }],
    ]);
  });

  it('pads short rows, drops extra fields and reports their lines (a quoted newline shifts them)', async () => {
    const result = await importText('a,b,c\n1,"two\nlines",3\n4,5\n6,7,8,9\n10,11,12\n');
    expect([result.table.rowCount, result.warnings]).toEqual([
      4,
      [
        { code: 'ragged-rows', message: '1 rows have fewer fields than the 3 header columns (lines 4); their missing fields were left empty.', lines: [4] },
        { code: 'ragged-rows', message: '1 rows have more fields than the 3 header columns (lines 5); the extra fields were dropped. Check the delimiter (",") and quoting.', lines: [5] },
      ],
    ]);
    expect(result.table.columns[2]).toEqual(numericColumn('c', [3, null, 8, 12], true));
  });

  it('skips leading lines of spaces and tabs, as pandas does: they neither become the header nor pick the delimiter', async () => {
    const result = await importText(' \t \n\t\n  \ncity,n\nOslo,1\nBergen,2\n');
    expect([result.delimiter, result.table, result.warnings]).toEqual([
      ',',
      { rowCount: 2, columns: [sortedCategoricalColumn('city', ['Oslo', 'Bergen']), numericColumn('n', [1, 2], true)] },
      [],
    ]);
  });

  it('reports blank lines in the middle and ignores trailing ones', async () => {
    const result = await importText('a\n1\n\n2\n\n\n');
    expect([result.table.rowCount, result.warnings]).toEqual([2, [{ code: 'blank-lines', message: '1 blank lines between rows were skipped (lines 3).', lines: [3] }]]);
  });

  it('reads a file the same wherever its chunks end: a quoted value followed by spaces is one category, without a warning', async () => {
    // Rows of 13 characters; a header 0–12 characters longer puts a 256 Ki-character piece's end at every place in a row.
    const rows = Array.from({ length: 30_000 }, (_, i) => (i % 2 === 0 ? `"NY" ,${String(i).padStart(6, '0')}` : `"CA",${String(i).padStart(7, '0')}`));
    const reads = [];
    for (let pad = 0; pad < 13; pad++) {
      const result = await importText(`st,${'n'.padEnd(pad + 1, '_')}\n${rows.join('\n')}\n`);
      const st = result.table.columns[0];
      reads.push([st.kind === 'categorical' && st.levels, result.warnings]);
    }
    expect(reads).toEqual(Array.from({ length: 13 }, () => [['CA', 'NY'], []]));
  });

  it('warns when quoting sent the file to the fallback tokenizer, naming the lines', async () => {
    const result = await importText('a,b\n1,"x"y\n2,"z"\n3,"5" 6\n');
    const b = result.table.columns[1];
    expect([b.kind === 'text' && readTexts(b), result.warnings]).toEqual([
      ['xy', 'z', '5 6'],
      [{
        code: 'malformed-quotes',
        message: 'From line 2, quoting that the fast CSV reader does not take sent the file to the slower fallback reader: 2 fields have text after their closing quote (lines 2, 4); it was kept, so "a"b reads as ab, as spreadsheets read it. Other programs may read those lines otherwise: check them, and quote fields whole ("a b", a quote inside doubled as "").',
        lines: [2, 4],
      }],
    ]);
  });

  it('ends a row at a carriage return without a line feed, warns with its line, and counts it as a line break', async () => {
    const result = await importText('a,b\n1,2\r3,4\n5,x\n6,"7\r8"\n');
    expect([result.table.rowCount, result.table.columns[0], result.warnings]).toEqual([
      4,
      numericColumn('a', [1, 3, 5, 6], true),
      [{ code: 'lone-carriage-returns', message: '1 carriage returns (CR) without a line feed ended rows, as spreadsheets read them (lines 2; line numbers count them as line breaks). If a CR belongs inside a value, quote that value.', lines: [2] }],
    ]);
    expect(result.inference[1].examples).toEqual(['2', '4', 'x', '7\r8']);
  });

  it('reads numbers beyond the float64 range as missing and warns, naming the column, the count and the first line', async () => {
    const result = await importText(`id,x\na,2.5\nb,1e999\nc,-1e999\nd,${'9'.repeat(400)}.5\ne,NA\nf,3\n`);
    expect([result.table.columns[1], result.inference[1].missing, result.inference[1].evidence, result.warnings]).toEqual([
      numericColumn('x', [2.5, null, null, null, null, 3], false),
      4,
      '2 of 6 values parse as numbers; 4 missing.',
      [{
        code: 'number-overflow',
        message: 'Column "x": 3 values are beyond the range of 64-bit numbers (±1.8e308), the first "1e999" on line 3. They were read as missing, so the profile and the models treat them as missing values, not as infinity. If they mean "very large", replace them in the file with a large finite number.',
        lines: [3],
      }],
    ]);
  });

  it('names the lines of bad UTF-8 after a lone carriage return, counting the CR as a line break', async () => {
    const bytes = Uint8Array.from([...'a,b\n1,2\r3,4\n5,'].map((c) => c.charCodeAt(0)).concat([0xff, 0x0a]));
    const result = await importText(bytes, 'x.csv', { encoding: 'utf-8' });
    expect(result.warnings.map((w) => [w.code, w.lines])).toEqual([['lone-carriage-returns', [2]], ['replacement-characters', [4]]]);
  });

  it('treats the default missing tokens as missing but keeps "None" as a category', async () => {
    const result = await importText('k,v\na,1\nb, NA \nc,N/A\nd,null\ne,NaN\nf,NULL\ng,-\nh,\ni,None\nj,None\n');
    expect(result.table.columns[1]).toEqual(categoricalColumn('v', ['1', null, null, null, null, null, null, null, 'None', 'None']));
    expect(result.inference[1].missing).toBe(7);
  });

  it('uses the missing tokens from the options', async () => {
    const result = await importText('v\n1\n?\n3\n', 'x.csv', { missingTokens: ['?'] });
    expect(result.table.columns[0]).toEqual(numericColumn('v', [1, null, 3], true));
  });

  it('warns about mixed types with example values and their lines, keeping the column as text', async () => {
    const rows = Array.from({ length: 98 }, (_, i) => `${i + 0.5}`);
    rows.splice(40, 0, 'abc');
    rows.splice(70, 0, '"n\no"');
    const result = await importText(`price\n${rows.join('\n')}\n`);
    expect([result.table.columns[0].kind, result.warnings]).toEqual([
      'text',
      [
        {
          code: 'mixed-types',
          message: 'Column "price" is mostly numbers, but 2 of 100 values are not (e.g. "abc" on line 42, "n\no" on line 72); it was kept as text so nothing is lost. Add such values to the missing-value tokens, or change the column\'s type to convert them to missing.',
          lines: [42, 72],
        },
      ],
    ]);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8, and says so', async () => {
    const bytes = Uint8Array.from([...'name\ncaf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a, 0x80, 0x0a]));
    const result = await importText(bytes);
    expect([result.encoding, result.table.columns[0], result.warnings]).toEqual([
      'windows-1252',
      categoricalColumn('name', ['café', '€']),
      [{ code: 'encoding', message: '"data.csv" is not valid UTF-8, so it was read as windows-1252 (Western European). If letters look wrong, choose the encoding the file was saved with.' }],
    ]);
  });

  it('drops a UTF-8 byte-order mark before a windows-1252 body instead of reading it as "ï»¿"', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...[...'name,n\ncaf'].map((c) => c.charCodeAt(0)), 0xe9, 0x2c, 0x31, 0x0a]);
    const auto = await importText(bytes);
    const chosen = await importText(bytes, 'x.csv', { encoding: 'windows-1252' });
    expect([auto.encoding, auto.table.columns.map((c) => c.name), auto.table.columns[0], chosen.table.columns.map((c) => c.name)]).toEqual([
      'windows-1252',
      ['name', 'n'],
      categoricalColumn('name', ['café']),
      ['name', 'n'],
    ]);
  });

  it('reads UTF-16 (Excel\'s "Unicode text"): LE and BE, with a byte-order mark or found from the NUL bytes', async () => {
    const text = 'city\tn\r\nZürich\t1\r\nKraków €\t2\r\n';
    const expected = { rowCount: 2, columns: [sortedCategoricalColumn('city', ['Zürich', 'Kraków €']), numericColumn('n', [1, 2], true)] };
    const reads = [];
    for (const [bom, encoding] of [[true, 'utf-16le'], [true, 'utf-16be'], [false, 'utf-16le'], [false, 'utf-16be']] as const) {
      const result = await importText(encodeUtf16(text, encoding === 'utf-16be', bom), 'unicode.txt');
      reads.push([result.encoding, result.delimiter, result.table, result.warnings]);
    }
    expect(reads).toEqual(Array.from({ length: 4 }, (_, k) => [k % 2 === 0 ? 'utf-16le' : 'utf-16be', '\t', expected, []]));
  });

  it('reads a UTF-16 file of several chunks as its UTF-8 twin, characters split across chunk borders included', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},${['😀 smile', 'Ωmega', 'plain'][i % 3]}`);
    // A 😀 whose two UTF-16 units straddle the first 1 MiB chunk's end (the byte-order mark is unit 0).
    const head = `id,label\n${rows.slice(0, 40_000).join('\n')}\n`;
    const text = `${head}40000,${'p'.repeat((1 << 19) - 2 - head.length - 6)}😀\n${rows.slice(40_000).join('\n')}\n`;
    const utf16 = await importText(encodeUtf16(text, false, true));
    const utf8 = await importText(text);
    expect([utf16.table, utf16.inference, text.charCodeAt((1 << 19) - 2)]).toEqual([utf8.table, utf8.inference, 0xd83d]);
  });

  it('reads windows-1252 when asked, and reports replacement characters in UTF-8 mode with their lines', async () => {
    const bytes = Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]);
    expect((await importText(bytes, 'x.csv', { encoding: 'windows-1252' })).table.columns[0]).toEqual(categoricalColumn('a', ['b', 'é']));
    const forced = await importText(bytes, 'x.csv', { encoding: 'utf-8' });
    expect(forced.warnings).toEqual([
      { code: 'replacement-characters', message: '1 characters could not be read as UTF-8 and show as "\uFFFD" (lines 3). If the text looks wrong, import again with the encoding set to windows-1252.', lines: [3] },
    ]);
  });

  it('reads every csv-spectrum file without error', async () => {
    const dir = join(process.cwd(), 'node_modules/csv-spectrum/csvs');
    const rowCounts: number[] = [];
    for (const name of ['comma_in_quotes', 'empty', 'empty_crlf', 'escaped_quotes', 'json', 'location_coordinates', 'newlines', 'newlines_crlf', 'quotes_and_newlines', 'simple', 'simple_crlf', 'utf8']) {
      rowCounts.push((await importText(new Uint8Array(readFileSync(join(dir, `${name}.csv`))), `${name}.csv`)).table.rowCount);
    }
    expect(rowCounts).toEqual([1, 2, 2, 2, 1, 1, 3, 3, 2, 1, 1, 2]);
  });

  it('reads 5,000 columns and a 10 MB field', async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: 5000 }, (_, i) => String(i)).join(',');
    const wide = await importText(`${header}\n${row}\n${row}\n`);
    expect([wide.table.columns.length, wide.table.columns[4999]]).toEqual([5000, numericColumn('c4999', [4999, 4999], true)]);
    const big = await importText(`a,b\n"${'x'.repeat(10_000_000)}",1\nshort,2\n`);
    expect(big.table.columns[0].kind === 'text' && readTexts(big.table.columns[0]).map((v) => v?.length)).toEqual([10_000_000, 5]);
  });
});

describe('importFile: bad input', () => {
  it.each([
    ['', 'data.csv', '"data.csv" is empty (0 bytes). Choose another file.'],
    ['  \n \n', 'data.csv', '"data.csv" is empty: it has no text to read. Choose another file.'],
    ['a,b\n', 'data.csv', '"data.csv" has a header but no data rows (columns: a, b). Check that this is the complete file.'],
    ['a,b\n1,"2\n3,4\n', 'data.csv', 'Line 2: a quoted field opens here but its closing quote (") never comes. Fix or remove the stray quote on that line (a quote inside a field must be doubled: "").'],
    ['{"a": 1}', 'data.json', '"data.json" is a JSON object without an array of records. Import a file holding [{...}, {...}].'],
    ['[1, 2]', 'data.json', '"data.json": item 1 is a number, not a record like {"name": value}. Every item of the array must be an object.'],
    ['[{"a": 1}', 'data.json', expect.stringMatching(/^"data.json" is not valid JSON \(.+\)\. Check the file, or import it as CSV\.$/)],
  ])('rejects %j (%s) with a DataError', async (text, name, message) => {
    await expect(importText(text, name)).rejects.toEqual(expect.objectContaining({ name: 'DataError', message }));
  });

  it('rejects binary files, naming what they look like', async () => {
    await expect(importText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'book.csv')).rejects.toThrow(
      '"book.csv" looks like a binary file (a ZIP archive, e.g. an Excel .xlsx workbook: save it as CSV first), not text. Choose a CSV, TSV or JSON file.',
    );
    await expect(importText(Uint8Array.from([0x61, 0, 0x62, 0x0a, 0x31, 0x0a]), 'x.csv')).rejects.toThrow(
      '"x.csv" looks like a binary file (it contains 1 NUL bytes in its first 6 bytes), not text. Choose a CSV, TSV or JSON file.',
    );
    // NUL in every other byte, as in UTF-16, but the units are control characters: 16-bit numbers, not text.
    await expect(importText(new Uint8Array(Int16Array.from({ length: 64 }, (_, i) => i % 20).buffer), 'x.csv')).rejects.toThrow(
      '"x.csv" looks like a binary file (it contains 68 NUL bytes in its first 128 bytes), not text. Choose a CSV, TSV or JSON file.',
    );
  });

  it('rejects a Parquet file hyparquet cannot read', async () => {
    await expect(importText(fixture('truncated.parquet'), 'broken.parquet')).rejects.toEqual(
      expect.objectContaining({ name: 'DataError', message: expect.stringMatching(/^"broken.parquet" could not be read as Parquet \(.+\)\. Check that the file is complete, or export it as CSV\.$/) }),
    );
  });
});

describe('importFile: JSON and Parquet', () => {
  it('reads an array of records, nested values as JSON text', async () => {
    const result = await importText('{"rows": [{"a": 1, "b": {"x": [1]}}, {"a": 2.5, "c": "x y"}, {"a": null, "c": "z"}]}', 'data.json');
    expect([result.format, result.table]).toEqual([
      'json',
      { rowCount: 3, columns: [numericColumn('a', [1, 2.5, null], false), categoricalColumn('b', ['{"x":[1]}', null, null]), categoricalColumn('c', [null, 'x y', 'z'])] },
    ]);
  });

  it('refuses JSON records with more distinct keys than the column limit, naming the count and the limit', async () => {
    const sparse = (records: number, keys: number) => JSON.stringify(Array.from({ length: records }, (_, i) => ({ id: i, [`k${i % keys}`]: i })));
    await expect(importText(sparse(3000, 3000), 'wide.json')).rejects.toEqual(expect.objectContaining({
      name: 'DataError',
      message: '"wide.json" has 3,001 distinct keys across its 3,000 records: more columns than the 2,000 the importer takes from JSON. Keys that differ from record to record are usually values (ids, dates, names): reshape the records to share a few keys, e.g. [{"id": "u1", "score": 3}], or keep only the fields you need.',
    }));
    await expect(importText(sparse(40_000, 800), 'long.json')).rejects.toEqual(expect.objectContaining({
      name: 'DataError',
      message: '"long.json" has 801 distinct keys across its 40,000 records: more columns than the 750 the importer takes for 40,000 records (at most 30,000,000 cells, present or missing). Keys that differ from record to record are usually values (ids, dates, names): reshape the records to share a few keys, e.g. [{"id": "u1", "score": 3}], or keep only the fields you need.',
    }));
  });

  it('reads Parquet columns named "__proto__" and "constructor" (rows as arrays, not objects keyed by name)', async () => {
    expect((await importText(fixture('reserved-names.parquet'), 'reserved.parquet')).table).toEqual({
      rowCount: 3,
      columns: [numericColumn('__proto__', [1, 2, 3], true), categoricalColumn('constructor', ['foo', 'foo', 'foo'])],
    });
  });

  it('reads Parquet, found by extension or by its magic bytes', async () => {
    const expected = { rowCount: 3, columns: [numericColumn('A', [1, 2, 3], true), categoricalColumn('B', ['foo', 'foo', 'foo'])] };
    expect((await importText(fixture('simple.parquet'), 'simple.parquet')).table).toEqual(expected);
    expect((await importText(fixture('simple.parquet'), 'download')).format).toBe('parquet');
  });
});

describe('importFile: progress and cancellation', () => {
  it('reports progress at least once at the end, with bytes and rows', async () => {
    const calls: ImportProgress[] = [];
    await importFile(blobOf('a\n1\n2\n'), 'x.csv', DEFAULT_IMPORT_OPTIONS, (p) => calls.push(p));
    expect(calls.at(-1)).toEqual({ bytesRead: 6, bytesTotal: 6, rows: 2 });
  });

  it('reports progress while reading a file of several chunks', async () => {
    const text = `a,b\n${'12345,abcdef\n'.repeat(400_000)}`;
    const calls: ImportProgress[] = [];
    const times: number[] = [];
    await importFile(blobOf(text), 'x.csv', DEFAULT_IMPORT_OPTIONS, (p) => {
      calls.push(p);
      times.push(performance.now());
    });
    const gaps = times.slice(1, -1).map((t, i) => t - times[i]);
    expect([calls.at(-1), gaps.every((g) => g >= 99)]).toEqual([{ bytesRead: text.length, bytesTotal: text.length, rows: 400_000 }, true]);
  });

  it('rejects with an AbortError when the signal fires', async () => {
    const controller = new AbortController();
    const text = `a\n${'1\n'.repeat(3_000_000)}`;
    const pending = importFile(blobOf(text), 'x.csv', DEFAULT_IMPORT_OPTIONS, () => controller.abort(), controller.signal);
    setTimeout(() => controller.abort(), 0);
    await expect(pending).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
    const aborted = new AbortController();
    aborted.abort();
    await expect(importFile(blobOf('a\n1\n'), 'x.csv', DEFAULT_IMPORT_OPTIONS, undefined, aborted.signal)).rejects.toEqual(expect.objectContaining({ name: 'AbortError' }));
  });
});
