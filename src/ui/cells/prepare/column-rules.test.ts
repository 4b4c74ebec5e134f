import { describe, expect, it } from 'vitest';
import { changePickerMode, editRule, excludeColumn, listOfferedColumns, listPickerModes } from './column-rules';

describe('column picker rules', () => {
  it('offers the kind rules a step can read, besides ticking, missing values and names', () => {
    expect([listPickerModes(['numeric']).map(([mode]) => mode), listPickerModes('any').map(([mode]) => mode)]).toEqual([
      ['list', 'numeric', 'missing', 'name'],
      ['list', 'numeric', 'categorical', 'boolean', 'datetime', 'missing', 'name'],
    ]);
  });

  it('switches between a list and rules, starting a list from what the rule picked', () => {
    expect([
      changePickerMode(['a'], 'numeric', []),
      changePickerMode({ rule: 'numeric', exclude: ['b'] }, 'numeric', ['a']),
      changePickerMode({ rule: 'numeric' }, 'list', ['a', 'c']),
      changePickerMode(['a'], 'list', ['x']),
    ]).toEqual([{ rule: 'numeric' }, { rule: 'numeric', exclude: ['b'] }, ['a', 'c'], ['a']]);
  });

  it('leaves columns out and back in, and stores no empty pattern or false flag', () => {
    const out = excludeColumn({ rule: 'missing' }, 'Age', true);
    expect([out, excludeColumn(out, 'Age', false), editRule({ rule: 'name', pattern: 'a*' }, { pattern: '' }), editRule({ rule: 'numeric' }, { onlyMissing: true }), editRule({ rule: 'numeric', onlyMissing: true }, { onlyMissing: false })]).toEqual([
      { rule: 'missing', exclude: ['Age'] }, { rule: 'missing' }, { rule: 'name' }, { rule: 'numeric', onlyMissing: true }, { rule: 'numeric' },
    ]);
  });

  it('never offers the target in a list unless it is already chosen', () => {
    const available = [{ name: 'x', kind: 'numeric' as const }, { name: 'y', kind: 'numeric' as const }, { name: 'c', kind: 'categorical' as const }];
    expect([listOfferedColumns(available, ['numeric'], [], 'y'), listOfferedColumns(available, 'any', ['y'], 'y')].map((cs) => cs.map((c) => c.name))).toEqual([['x'], ['x', 'y', 'c']]);
  });
});
