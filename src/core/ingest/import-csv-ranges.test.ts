import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { importCsvInRanges, inThisThread, type CsvRangeReader } from './import-csv-ranges';
import { attachPackedTexts, packPartTexts } from './pack-part-texts';
import { importFile } from './import-file';
import type { ImportResult } from './types';

const CATEGORIES = ['red', 'green', 'blue', 'yes'];

/** 3,000 rows: id, decimals with missing tokens, yes/no, dates, 8 categories, >1,000-level codes, quoted notes. */
function makeCsv(rows: number, newline: string, extra: (i: number) => string = () => ''): string {
  const lines = ['id,amount,active,day,colour,code,note,when'];
  for (let i = 0; i < rows; i++) {
    const amount = i % 37 === 0 ? 'NA' : i % 41 === 0 ? '' : ((i * 7919) % 1000 / 8).toFixed(3);
    const day = `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const note = i % 5 === 0 ? `"line one${newline}line, two ""q"""` : i % 7 === 0 ? '' : `plain ${i % 13}`;
    const when = i % 3 === 0 ? `${String((i % 12) + 1).padStart(2, '0')}/${(i % 9) + 10}/2021` : '-';
    lines.push(`${i},${amount},${i % 3 === 0 ? 'yes' : 'no'},${day},${CATEGORIES[i % 4]}_${i % 2},C-${(i * 31) % 1500},${note},${when}${extra(i)}`);
    if (i % 700 === 350) lines.push('', '');
  }
  return lines.join(newline) + newline;
}

async function importBoth(text: string, count: number): Promise<[Omit<ImportResult, 'durationMs'>, Omit<ImportResult, 'durationMs'> | null]> {
  const blob = new Blob([text]);
  const { durationMs: _a, ...whole } = await importFile(blob, 'data.csv', DEFAULT_IMPORT_OPTIONS);
  // As the range workers do: kept texts travel packed (pack-part-texts.ts) and are merged packed.
  const packing: CsvRangeReader = {
    ...inThisThread,
    async read(...args) {
      const read = await inThisThread.read(...args);
      return { ...read, part: attachPackedTexts(packPartTexts(read.part)) };
    },
  };
  const ranged = await importCsvInRanges(blob, 'data.csv', DEFAULT_IMPORT_OPTIONS, count, packing);
  if (ranged === null) return [whole, null];
  const { durationMs: _b, ...rest } = ranged;
  return [whole, rest];
}

describe('importCsvInRanges', () => {
  it.each([2, 3, 4])('equals the whole-file import when read in %i ranges (quoted newlines, blank lines, codes, dates)', async (count) => {
    const [whole, ranged] = await importBoth(makeCsv(3000, '\n'), count);
    expect([ranged, whole.inference.map((c) => `${c.kind} ${c.detail}`)]).toEqual([
      whole,
      ['text id', 'numeric decimal', 'boolean yes/no', 'datetime iso-date', 'categorical categories', 'text free text', 'categorical categories', 'datetime mm/dd/yyyy'],
    ]);
  });

  it('equals the whole-file import for CRLF lines, ragged rows and a byte-order mark', async () => {
    const text = '\uFEFF' + makeCsv(2000, '\r\n', (i) => (i % 400 === 9 ? ',extra' : ''));
    const [whole, ranged] = await importBoth(text, 3);
    expect([ranged, whole.warnings.map((w) => w.code)]).toEqual([whole, ['ragged-rows', 'blank-lines']]);
  });

  it('equals the whole-file import after leading blank lines and lines of spaces and tabs (no row taken for a header)', async () => {
    const [whole, ranged] = await importBoth(' \t\n\n  \r\n' + makeCsv(2000, '\n'), 3);
    expect([ranged, whole.table.rowCount]).toEqual([whole, 2000]);
  });

  it.each([2, 3, 4])('equals the whole-file import in %i ranges for quoted values followed by spaces (one category, no warning)', async (count) => {
    const rows = Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? `"NY" ,${i}` : `"CA"  ,${i}`)).join('\n');
    // The header padded so that the whole-file read's first 256 Ki-character piece ends right after a quote and a space.
    const texts = Array.from({ length: 20 }, (_, pad) => `st,n${'_'.repeat(pad)}\n${rows}\n`);
    const text = texts.find((t) => t.slice((1 << 18) - 2, 1 << 18) === '" ')!;
    const [whole, ranged] = await importBoth(text, count);
    const st = whole.table.columns[0];
    expect([ranged, st.kind === 'categorical' && st.levels, whole.warnings]).toEqual([whole, ['CA', 'NY'], []]);
  });

  it('equals the whole-file import when lone carriage returns end rows in several ranges (lines counted alike)', async () => {
    const text = makeCsv(3000, '\n').replace(/\n(\d+7,)/g, '\r$1');
    const [whole, ranged] = await importBoth(text, 3);
    expect([ranged, whole.table.rowCount, whole.warnings.map((w) => w.code)]).toEqual([whole, 3000, ['blank-lines', 'lone-carriage-returns']]);
  });

  it('equals the whole-file import when numbers overflow in a later range (the warning names its line)', async () => {
    const text = 'n,v\n' + Array.from({ length: 3000 }, (_, i) => `${i},${i === 2500 ? '-1e400' : i === 2700 ? '2e308' : (i / 7).toFixed(3)}`).join('\n') + '\n';
    const [whole, ranged] = await importBoth(text, 3);
    expect([ranged, whole.warnings.map((w) => w.lines)]).toEqual([whole, [[2502]]]);
  });

  it('says "read it whole" when a column is all numbers in one range and has a word in another', async () => {
    const text = 'a,b\n' + Array.from({ length: 2000 }, (_, i) => `${i},${i < 1500 ? i * 2 : 'word'}`).join('\n') + '\n';
    const [whole, ranged] = await importBoth(text, 2);
    expect([ranged, whole.inference[1].kind]).toEqual([null, 'text']);
  });

  it('says "read it whole" for JSON and for text that is not UTF-8', async () => {
    const json = new Blob(['[{"a":1},{"a":2}]']);
    const latin = new Blob([new Uint8Array([0x61, 0x0a, 0xe9, 0x0a, 0x62, 0x0a])]);
    expect([
      await importCsvInRanges(json, 'x.json', DEFAULT_IMPORT_OPTIONS, 2, inThisThread),
      await importCsvInRanges(latin, 'x.csv', DEFAULT_IMPORT_OPTIONS, 2, inThisThread),
    ]).toEqual([null, null]);
  });

  it('says "read it whole" for UTF-16, whose bytes are not cut at line feeds', async () => {
    const text = '\uFEFFa,b\n' + Array.from({ length: 3000 }, (_, i) => `${i},x`).join('\n') + '\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) [bytes[2 * i], bytes[2 * i + 1]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    expect(await importCsvInRanges(new Blob([bytes]), 'x.csv', DEFAULT_IMPORT_OPTIONS, 2, inThisThread)).toBe(null);
  });

  it('cuts again outside quotes when a quick cut fell inside a quoted field', async () => {
    const [whole, ranged] = await importBoth('a,b\n1,"x\ny\nz"\n2,w\n3,v\n', 2);
    expect([ranged, whole.table.rowCount]).toEqual([whole, 3]);
  });

  it('gives the one-pass content hash for a file of several hash blocks, digested on two lanes', async () => {
    // 9.9 MB: two 8 MiB blocks; 3 ranges hash on 2 lanes, one block each.
    const text = 'n,v\n' + Array.from({ length: 900_000 }, (_, i) => `${i},${i % 97}`).join('\n') + '\n';
    const [whole, ranged] = await importBoth(text, 3);
    expect([ranged?.contentHash, ranged?.table.rowCount, text.length > 8 * 1024 * 1024]).toEqual([whole.contentHash, 900_000, true]);
  });
});
