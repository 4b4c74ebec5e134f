import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvParser, type CsvParseOutput } from './parse-csv';

/** Parses `text` fed in pieces of `chunkSize` characters. */
function parseCsv(text: string, delimiter = ',', chunkSize = text.length || 1): CsvParseOutput {
  const parser = createCsvParser(delimiter);
  for (let i = 0; i < text.length; i += chunkSize) parser.feed(text.slice(i, i + chunkSize));
  return parser.finish();
}

/** Rows as records, the way csv-spectrum's expected JSON is written. */
function toRecords(out: CsvParseOutput): Record<string, string | null>[] {
  return Array.from(out.rowLines, (_, r) => Object.fromEntries(out.header.map((name, c) => [name, out.columns[c][r]])));
}

const none = { lines: [], count: 0 };

describe('createCsvParser', () => {
  const spectrum = join(process.cwd(), 'node_modules/csv-spectrum');
  const cases = readdirSync(join(spectrum, 'csvs')).map((f) => f.replace(/\.csv$/, ''));

  it.each(cases)('reads csv-spectrum case %s value by value, whole and in 1-, 2- and 7-character chunks', (name) => {
    const text = new TextDecoder().decode(readFileSync(join(spectrum, 'csvs', `${name}.csv`)));
    let expected = JSON.parse(readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8'));
    if (name === 'location_coordinates') {
      // csv-spectrum 2.0.0's expected JSON for this case is a single object with another phone number
      // than its CSV (a known upstream slip); we assert against the CSV's actual content.
      expected = [{ ...expected, 'Contact Phone Number': '2095257564' }];
    }
    for (const size of [text.length, 1, 2, 7]) expect(toRecords(parseCsv(text, ',', size))).toEqual(expected);
  });

  it('reports the line each row starts on, with quoted newlines and CRLF', () => {
    const out = parseCsv('a,b\r\n1,"x\r\ny"\r\n2,z\r\n', ',', 3);
    expect(out).toEqual({
      header: ['a', 'b'],
      columns: [['1', '2'], ['x\r\ny', 'z']],
      rowLines: Int32Array.from([2, 4]),
      shortRows: none,
      longRows: none,
      blankLines: none,
    });
  });

  it('pads short rows, drops extra fields and names their lines, not row indices', () => {
    const out = parseCsv('a,b,c\n1,"multi\nline",3\n4,5\n6,7,8,9\n', ',', 4);
    expect(out).toEqual({
      header: ['a', 'b', 'c'],
      columns: [['1', '4', '6'], ['multi\nline', '5', '7'], ['3', null, '8']],
      rowLines: Int32Array.from([2, 4, 5]),
      shortRows: { lines: [4], count: 1 },
      longRows: { lines: [5], count: 1 },
      blankLines: none,
    });
  });

  it('ignores trailing blank lines and leading ones, and reports blank lines between rows', () => {
    const out = parseCsv('\na;b\n1;2\n\n3;4\n\n\n', ';');
    expect(out).toEqual({
      header: ['a', 'b'],
      columns: [['1', '3'], ['2', '4']],
      rowLines: Int32Array.from([3, 5]),
      shortRows: none,
      longRows: none,
      blankLines: { lines: [4], count: 1 },
    });
  });

  it('keeps text after a closing quote and a quote inside an unquoted field', () => {
    const out = parseCsv('a|b\n"x"y|5"6\n', '|');
    expect(out.columns).toEqual([['xy'], ['5"6']]);
  });

  it('reads old-Mac CR line endings and a last row without a line break', () => {
    const out = parseCsv('a\tb\r1\t2\r3\t"4\r5"', '\t', 2);
    expect([out.columns, out.rowLines]).toEqual([[['1', '3'], ['2', '4\r5']], Int32Array.from([2, 3])]);
  });

  it('throws a DataError naming the line where an unclosed quote opens', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5\n', ',', 5)).toThrowError(
      expect.objectContaining({ name: 'DataError', message: expect.stringMatching(/^Line 3: a quoted field opens here/) }),
    );
  });

  it('reads a 10 MB quoted field fed in 64 KB chunks', () => {
    const big = 'x'.repeat(10_000_000);
    const out = parseCsv(`a,b\n"${big}",1\n`, ',', 65_536);
    expect([out.columns[0][0]?.length, out.columns[1]]).toEqual([10_000_000, ['1']]);
  });

  it('counts lines up to a position of the next chunk', () => {
    const parser = createCsvParser(',');
    parser.feed('a,b\n1,"x\ny');
    expect(parser.lineAtNext('z"\n2,3\n4', 6)).toBe(4);
  });
});

describe('createCsvParser: line endings, row sink and chunk borders', () => {
  it('reads mixed line endings, including LF lines after a CRLF start and a CR before a quoted newline', () => {
    const parser = createCsvParser(',');
    parser.feed('a,b\r\n1,2\r\n');
    parser.feed('3,"x\r\ny"\n4,5\r\n6,7');
    expect(parser.finish()).toEqual({
      header: ['a', 'b'],
      columns: [['1', '3', '4', '6'], ['2', 'x\r\ny', '5', '7']],
      rowLines: Int32Array.from([2, 3, 5, 6]),
      shortRows: none,
      longRows: none,
      blankLines: none,
    });
  });

  it('hands rows to onRows as they are parsed, without header and blank lines', () => {
    const batches: [string[][], number][] = [];
    const parser = createCsvParser(';', { onRows: (rows, first) => batches.push([rows.map((r) => [...r]), first]) });
    parser.feed('a;b\n1;2\n\n3');
    parser.feed(';4\n5\n');
    const out = parser.finish();
    expect([batches, out.columns, out.rowLines, out.shortRows, out.blankLines]).toEqual([
      [[[['1', '2']], 0], [[['3', '4'], ['5']], 1]],
      [],
      Int32Array.from([2, 4, 5]),
      { lines: [5], count: 1 },
      { lines: [3], count: 1 },
    ]);
  });

  it('keeps a row holding only "" as a value, not a blank line', () => {
    const out = parseCsv('a\n"x"\n""\n\ny\n');
    expect([out.columns, out.rowLines, out.blankLines]).toEqual([[['x', '', 'y']], Int32Array.from([2, 3, 5]), { lines: [4], count: 1 }]);
  });

  it('gives the same rows and lines for random quoted CSV in any chunking', () => {
    const cells = ['x', '', '"q,1"', '"a\nb"', '"say ""hi"""', '"\n\n"', 'long value here'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const lines = ['h1,h2,h3'];
    for (let r = 0; r < 300; r++) lines.push(Array.from({ length: 3 }, () => cells[random(cells.length)]).join(','));
    const text = `${lines.join('\n')}\n`;
    const whole = parseCsv(text);
    for (const size of [1, 3, 64, 1000]) expect(parseCsv(text, ',', size)).toEqual(whole);
    // Row r starts after the line breaks of the header and of every earlier row.
    let next = 2;
    const expectedLines = lines.slice(1).map((row) => [next, (next += row.split('\n').length)][0]);
    expect(whole.rowLines).toEqual(Int32Array.from(expectedLines));
  });
});
