// The CSV parser against pandas' reads of the same corner cases (fixtures/pandas-reads.json, written by
// scripts/reference/import_reference.py with pandas 1.5's C parser, every cell kept as text).

import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../csv/parse-csv';
import { detectDelimiter } from '../csv/detect-delimiter';
import reference from './fixtures/pandas-reads.json';

interface PandasRead { text: string; delimiter: string; header: string[]; rows: string[][] }

const cases = reference.cases as Record<string, PandasRead>;

/** Header and rows as the parser reads `text` fed in `size`-character pieces (absent fields as ''). */
function readRows(text: string, delimiter: string, size: number) {
  const parser = createCsvParser(delimiter);
  for (let i = 0; i < text.length; i += size) parser.feed(text.slice(i, i + size));
  const out = parser.finish();
  return { header: out.header, rows: Array.from(out.rowLines, (_, r) => out.columns.map((column) => column[r] ?? '')) };
}

describe('createCsvParser, as pandas reads', () => {
  const same = Object.keys(cases).filter((name) => name !== 'spaces-after-closing-quote');

  it.each(same)('reads %s as pandas does, whole and in 1-, 2- and 5-character pieces', (name) => {
    const { text, delimiter, header, rows } = cases[name];
    for (const size of [text.length, 1, 2, 5]) expect(readRows(text, delimiter, size)).toEqual({ header, rows });
  });

  it('drops the spaces between a closing quote and the delimiter, where pandas keeps them', () => {
    const { text, delimiter, rows } = cases['spaces-after-closing-quote'];
    expect([rows[0][0], readRows(text, delimiter, text.length).rows[0][0]]).toEqual(['NY ', 'NY']);
  });

  it('detects the delimiter from the lines after leading lines of spaces and tabs', () => {
    const leading = ['spaces-first', 'tab-first', 'blank-space-and-tab-lines-first', 'spaces-first-tsv'];
    expect(leading.map((name) => detectDelimiter(cases[name].text))).toEqual(leading.map((name) => cases[name].delimiter));
  });
});
