// A canary's input contract against the main model's: same columns, kinds and category sets, or each difference named.

import { describe, expect, it } from 'vitest';
import type { InputContract } from '../../core/export/input-contract';
import { describeContractDifferences } from './compare-contracts';

const contract = (columns: InputContract['columns']): InputContract => ({ formatVersion: 1, columns, target: { name: 'y', classes: ['a', 'b'] }, trainRowCount: 10 });
const MAIN = contract([
  { name: 'x', kind: 'numeric', missing: 0, min: 0, max: 1 },
  { name: 'colour', kind: 'categorical', missing: 0, levels: ['red', 'blue'], counts: [5, 5] },
  { name: 'flag', kind: 'boolean', missing: 0, trueCount: 5, falseCount: 5 },
]);

describe('describeContractDifferences', () => {
  it('finds none for the same columns, whatever their order, ranges, counts and level order', () => {
    const same = contract([
      { name: 'flag', kind: 'boolean', missing: 2, trueCount: 1, falseCount: 7 },
      { name: 'colour', kind: 'categorical', missing: 0, levels: ['blue', 'red'], counts: [1, 9] },
      { name: 'x', kind: 'numeric', missing: 3, min: -5, max: 5 },
    ]);
    expect(describeContractDifferences(MAIN, same)).toEqual([]);
  });

  it('names missing and extra columns, changed kinds and category levels', () => {
    const other = contract([
      { name: 'x', kind: 'categorical', missing: 0, levels: ['1'], counts: [1] },
      { name: 'colour', kind: 'categorical', missing: 0, levels: ['red', 'green'], counts: [5, 5] },
      { name: 'age', kind: 'numeric', missing: 0, min: 0, max: 1 },
    ]);
    expect(describeContractDifferences(MAIN, other)).toEqual([
      'it does not read "flag", which the main model reads',
      'it reads "age", which the main model does not',
      'column "x" is categorical in it but numeric in the main model',
      'column "colour" has level "green" that the main model never saw',
      'column "colour" lacks level "blue" that the main model knows',
    ]);
  });
});
