import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvParser, type CsvParseOutput } from './parse-csv';
import type { CsvCellBlock } from './split-plain-rows';

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
      loneCrs: none,
      fallback: null,
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
      loneCrs: none,
      fallback: null,
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
      loneCrs: none,
      fallback: null,
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
      loneCrs: none,
      fallback: null,
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

  it('reads a quoted value followed by spaces as the value wherever a chunk ends, without the fallback tokenizer', () => {
    const text = 'st,n\n"NY" ,1\nNY,2\n"NY"  ,3\n"NY"\t,4\n"NY" \r\n"NY"  ';
    const expected = { columns: [['NY', 'NY', 'NY', 'NY', 'NY', 'NY'], ['1', '2', '3', '4', null, null]], fallback: null };
    for (let size = 1; size <= text.length; size++) {
      const out = parseCsv(text, ',', size);
      expect({ size, columns: out.columns, fallback: out.fallback }).toEqual({ size, ...expected });
    }
  });

  it('gives the same rows, lines and notes for random CSV with malformed quotes, padded quotes and lone CRs in any chunking', () => {
    const cells = ['x', '', '"q" ', '"a"b', '" s "  ', '"x\ny" \t', ' ', '"say ""hi"""', 'z"w', 'c\rd', '"e\rf"'];
    let seed = 5;
    const random = (n: number) => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 65536) % n;
    for (let round = 0; round < 30; round++) {
      const lines = ['h1,h2'];
      // Every third round has padded quotes but no malformed ones: papaparse reads it all, whatever the chunks.
      for (let r = 0; r < 40; r++) lines.push(Array.from({ length: 1 + random(2) }, () => cells[random(round % 3 === 0 ? 3 : cells.length)]).join(','));
      const text = lines.join(round % 2 === 0 ? '\n' : '\r\n') + (random(2) === 0 ? '\n' : '');
      const whole = parseCsv(text);
      if (round % 3 === 0) expect(whole.fallback).toBe(null);
      const anyStart = whole.fallback && { ...whole.fallback, fromLine: expect.any(Number) };
      for (const size of [1, 2, 3, 5, 8, 13, 64]) expect(parseCsv(text, ',', size)).toEqual({ ...whole, fallback: anyStart });
    }
  });

  it('notes why the fallback tokenizer read the text: text after a closing quote, rows of only ""', () => {
    expect(parseCsv('a,b\n1,2\n"x"y,3\n4,"5"6\n', ',', 1).fallback).toEqual({ textAfterQuote: { lines: [3, 4], count: 2 }, quotedEmptyRows: none, fromLine: 3 });
    expect(parseCsv('a\n"x"\n""\n\ny\n').fallback).toEqual({ textAfterQuote: none, quotedEmptyRows: { lines: [3], count: 1 }, fromLine: 1 });
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

describe('createCsvParser: quote-free rows as field bounds (onCells)', () => {
  /** Parses `text` in `size`-char pieces, collecting data rows as cells (null = absent) from onRows and, if `cells`, onCells. */
  function collectRows(text: string, size: number, cells: boolean) {
    const rows: { first: number; cells: (string | null)[] }[] = [];
    let width = 0;
    const onRows = (batch: readonly (readonly string[])[], first: number, header: readonly string[]) => {
      width = header.length;
      batch.forEach((row, k) => rows.push({ first: first + k, cells: Array.from({ length: width }, (_, c) => row[c] ?? null) }));
    };
    const onCells = (block: CsvCellBlock, first: number) => {
      for (let r = 0; r < block.rows; r++) {
        const cellsOfRow = Array.from({ length: block.columns }, (_, c) => {
          const at = r * block.columns + c;
          return block.starts[at] < 0 ? null : block.text.slice(block.starts[at], block.ends[at]);
        });
        rows.push({ first: first + r, cells: cellsOfRow });
      }
    };
    const parser = createCsvParser(',', cells ? { onRows, onCells } : { onRows });
    for (let i = 0; i < text.length; i += size) parser.feed(text.slice(i, i + size));
    const out = parser.finish();
    return { rows, out, trailing: [...parser.trailingBlankLines], tokenizer: parser.usedTokenizer };
  }

  it('gives what papaparse gives for random quote-free text: ragged rows, blank and space-only lines, CR, LF and CRLF', () => {
    const cells = ['1', '', ' ', '-2.5', 'x y', '\r', 'abc'];
    let seed = 11;
    // The high bits of the LCG: its low bits repeat with short periods.
    const random = (n: number) => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 65536) % n;
    for (const newline of ['\n', '\r\n', '\r']) {
      for (let round = 0; round < 20; round++) {
        const lines = ['', round % 5 === 0 ? 'h1' : 'h1,h2,h3'];
        for (let r = 0; r < 60; r++) {
          const kind = random(10);
          lines.push(kind === 0 ? '' : kind === 1 ? '  ' : Array.from({ length: 1 + random(4) }, () => cells[random(cells.length)]).join(','));
        }
        const text = lines.join(newline) + (random(2) === 0 ? newline : '') + (random(3) === 0 ? newline : '');
        const papa = collectRows(text, text.length, false);
        for (const size of [text.length, 1, 2, 7, 50]) expect(collectRows(text, size, true)).toEqual(papa);
      }
    }
  });

  it('sends quote-free rows after the header as bounds, reused block by block, and quoted text to onRows', () => {
    const kinds: string[] = [];
    const parser = createCsvParser(',', {
      onRows: (rows, first) => kinds.push(`rows ${first}+${rows.length}`),
      onCells: (block, first) => kinds.push(`cells ${first}+${block.rows}: ${block.text.slice(block.starts[0], block.ends[block.columns * block.rows - 1])}`),
    });
    parser.feed('a,b\n1,2\n');
    parser.feed('3,4\n5');
    parser.feed(',6\n"7",8\n');
    const out = parser.finish();
    expect([kinds, out.rowLines, out.columns]).toEqual([['rows 0+1', 'cells 1+1: 3,4', 'rows 2+2'], Int32Array.from([2, 3, 4, 5]), []]);
  });
});
