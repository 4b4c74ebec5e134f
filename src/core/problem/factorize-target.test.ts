import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, textColumn } from '../../test-support/table-builders';
import { factorizeTarget } from './factorize-target';

describe('factorizeTarget', () => {
  it('numbers classes in sorted label order whatever order the rows (or stored levels) came in', () => {
    // Levels in order of appearance, as tables stored before levels were sorted hold them.
    expect(factorizeTarget(categoricalColumn('y', ['yes', 'no', null, 'maybe', 'no']))).toEqual({
      labels: ['maybe', 'no', 'yes'], counts: [1, 2, 1], codes: Int32Array.from([2, 1, -1, 0, 1]), missing: 1,
    });
  });

  it('sorts text labels the same way and numbers ascending', () => {
    expect(factorizeTarget(textColumn('y', ['b', 'a', 'b']))?.labels).toEqual(['a', 'b']);
    expect(factorizeTarget(numericColumn('y', [10, 9, 10, NaN]))).toEqual({ labels: ['9', '10'], counts: [1, 2], codes: Int32Array.from([1, 0, 1, -1]), missing: 1 });
  });

  it('gives up (null) past maxClasses', () => {
    expect(factorizeTarget(categoricalColumn('y', ['a', 'b', 'c']), 2)).toBeNull();
  });
});
