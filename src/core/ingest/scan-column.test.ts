import { describe, expect, it } from 'vitest';
import { createCellBlock } from '../csv/split-plain-rows';
import { packTexts } from './packed-texts';
import { ColumnScanner } from './scan-column';

const TOKENS = new Set(['', 'NA', 'N/A', 'null', 'NaN', 'NULL', '-']);

/** Scans column `c` of `rows` (null = absent field) through addRows, or through addBlock in blocks of 100 rows. */
function scanBoth(rows: (string | null)[][], c: number, keepTexts: boolean) {
  const byRows = new ColumnScanner(TOKENS, keepTexts);
  byRows.addRows(rows.map((row) => row.filter((v) => v !== null)), c);
  const byBlock = new ColumnScanner(TOKENS, keepTexts);
  const columns = rows[0].length;
  for (let from = 0; from < rows.length; from += 100) {
    const block = createCellBlock(columns, 100);
    let text = '';
    for (const row of rows.slice(from, from + 100)) {
      row.forEach((v, k) => {
        block.starts[block.rows * columns + k] = v === null ? -1 : text.length;
        text += v ?? '';
        block.ends[block.rows * columns + k] = text.length;
        text += k + 1 < columns ? ',' : '\n';
      });
      block.rows++;
    }
    block.text = text;
    byBlock.addBlock(block, c);
  }
  return [byRows.finish(), byBlock.finish()];
}

describe('ColumnScanner.addBlock', () => {
  it('scans field bounds exactly as addRows scans the cells: numbers, levels past the limit, words, dates, tokens, padding, absent fields', () => {
    const rows: (string | null)[][] = [];
    for (let r = 0; r < 2500; r++) {
      const number = r === 1700 ? 'abc' : r % 97 === 0 ? 'NA' : r % 89 === 0 ? ' 7 ' : r % 83 === 0 ? '-' : r % 79 === 0 ? '1e400' : `${(r * 0.37).toFixed(r % 4)}`;
      const date = r % 50 === 0 ? '2020-13-01' : r % 51 === 0 ? '2020-01-01T10:10:5' : r % 53 === 0 ? '12/31/2020' : `20${10 + (r % 10)}-0${1 + (r % 9)}-1${r % 10}T0${r % 10}:1${r % 6}:2${r % 7}`;
      const level = ['yes', 'no', 'NULL', 'yes ', 'n/a', 'Ñandú'][r % 6];
      const id = r % 101 === 0 ? '' : `ORD-${(r * 7919) % 10007}`;
      rows.push(r % 61 === 0 ? [number, date, null, null] : [number, date, level, id]);
    }
    for (const [c, keep] of [[0, false], [1, false], [2, false], [3, true], [3, false]] as const) {
      const [byRows, byBlock] = scanBoth(rows, c, keep);
      expect(byBlock).toEqual(byRows);
    }
  });
});

describe('ColumnScanner with packTexts', () => {
  it('packs texts kept from row 0 (an id column, and words given back from their codes past the level limit) as packTexts packs the kept texts', () => {
    const cells = Array.from({ length: 2500 }, (_, r) => (r % 13 === 0 ? 'NA' : `w${r % 1400}${r % 17 === 0 ? 'é' : ''}`));
    for (const keepTexts of [true, false]) {
      const kept = new ColumnScanner(TOKENS, keepTexts);
      const packed = new ColumnScanner(TOKENS, keepTexts, Infinity, true);
      kept.addColumn(cells);
      packed.addColumn(cells);
      const expected = kept.finish();
      expected.packed = packTexts(expected.texts!);
      expected.texts = null;
      expect(packed.finish()).toEqual(expected);
    }
  });
});
