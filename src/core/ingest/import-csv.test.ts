import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { blobOf, textColumn } from '../../test-support/table-builders';
import { importFile } from './import-file';

const importText = (text: string) => importFile(blobOf(text), 'data.csv', DEFAULT_IMPORT_OPTIONS);

describe('importFile: columns whose first rows mislead', () => {
  it('re-reads the exact texts of a column that looked numeric for 1,500 distinct values and then held a word', async () => {
    // Spellings a number would not give back: trailing zeros and a plus sign.
    const cells = Array.from({ length: 1500 }, (_, i) => (i % 2 === 0 ? `${i}.50` : `+${i}`));
    cells.push('n/a yet', 'NA');
    const result = await importText(`k,v\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`);
    expect([result.table.columns[1], result.inference[1], result.warnings]).toEqual([
      textColumn('v', [...cells.slice(0, 1501), null]),
      {
        name: 'v', originalName: 'v', kind: 'text', detail: 'free text', missing: 1, distinct: 1501, examples: ['0.50', '+1', '2.50', '+3', '4.50'],
        evidence: '1,501 distinct values among 1,501 present: too varied for categories; 1 missing.',
      },
      [
        {
          code: 'mixed-types',
          message: 'Column "v" is mostly numbers, but 1 of 1,501 values are not (e.g. "n/a yet" on line 1502); it was kept as text so nothing is lost. Add such values to the missing-value tokens, or change the column\'s type to convert them to missing.',
          lines: [1502],
        },
      ],
    ]);
  });

  it('gives back the texts of a category column from its codes when it passes 1,000 levels', async () => {
    const cells = Array.from({ length: 2400 }, (_, i) => `w${i % 1200}`);
    const result = await importText(`w\n${cells.join('\n')}\n`);
    expect([result.table.columns[0], result.inference[0].kind, result.inference[0].distinct]).toEqual([textColumn('w', cells), 'text', 1200]);
  });
});
