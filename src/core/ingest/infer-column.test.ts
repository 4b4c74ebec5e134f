import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, textColumn } from '../../test-support/table-builders';
import { DEFAULT_MISSING_TOKENS } from '../notebook/types';
import { inferColumn } from './infer-column';

const missing = new Set(DEFAULT_MISSING_TOKENS);
const infer = (name: string, raw: (string | null)[]) => inferColumn(name, name, raw, missing, null);

describe('inferColumn', () => {
  it('reads integers, decimals and exponents, trimmed, as numbers with evidence', () => {
    expect(infer('x', [' 7 ', '-0.5', '+3', '1e3', 'NA'])).toEqual({
      column: numericColumn('x', [7, -0.5, 3, 1000, null], false),
      inference: { name: 'x', originalName: 'x', kind: 'numeric', detail: 'decimal', evidence: '4 of 5 values parse as numbers; 1 missing.', missing: 1, distinct: 4, examples: [' 7 ', '-0.5', '+3', '1e3'] },
      warning: null,
    });
    expect(infer('n', ['1', '2', '2', '3']).inference.detail).toBe('integer');
  });

  it('keeps leading-zero codes and thousands separators out of numbers', () => {
    expect(infer('zip', ['007', '010', '007', '010']).column).toEqual(categoricalColumn('zip', ['007', '010', '007', '010']));
    expect(infer('amount', ['1,000', '2,500', '1,000', '1,000']).column.kind).toBe('categorical');
  });

  it('reads booleans in any case but leaves 0/1 numeric', () => {
    expect(infer('ok', ['Yes', 'no', 'YES', null])).toEqual({
      column: booleanColumn('ok', [true, false, true, null]),
      inference: { name: 'ok', originalName: 'ok', kind: 'boolean', detail: 'yes/no', evidence: '3 of 4 values are yes/no (any case); 1 missing.', missing: 1, distinct: 2, examples: ['Yes', 'no', 'YES'] },
      warning: null,
    });
    expect(infer('t', ['T', 'f']).inference.detail).toBe('t/f');
    expect(infer('bit', ['0', '1', '1']).column.kind).toBe('numeric');
  });

  it.each([
    ['iso-date', ['2020-01-31', '1999-12-01'], ['2020-01-31', '1999-12-01']],
    ['iso-datetime', ['2020-01-31T10:20:30Z', '2020-01-31 10:20:30.5+02:00'], ['2020-01-31T10:20:30Z', '2020-01-31T08:20:30.500Z']],
    ['yyyy/mm/dd', ['2020/01/31', '2020/2/3'], ['2020-01-31', '2020-02-03']],
    ['dd/mm/yyyy', ['13/02/2020', '01/03/2020'], ['2020-02-13', '2020-03-01']],
    ['mm/dd/yyyy', ['02/13/2020', '03/01/2020'], ['2020-02-13', '2020-03-01']],
    ['mm/dd/yyyy', ['02/03/2020', '03/01/2020'], ['2020-02-03', '2020-03-01']],
    ['mon d yyyy', ['Jun 12 1998', 'Sept. 1, 2001'], ['1998-06-12', '2001-09-01']],
    ['d mon yyyy', ['12 Jun 1998', '1 December 2001'], ['1998-06-12', '2001-12-01']],
  ])('reads %s dates as UTC epoch ms', (detail, raw, iso) => {
    const { column, inference } = infer('when', raw);
    expect([column, inference.detail]).toEqual([datetimeColumn('when', iso), detail]);
  });

  it('says how the day/month order was decided', () => {
    expect(infer('d', ['13/02/2020', '01/03/2020']).inference.evidence).toBe('2 of 2 values parse as dates (dd/mm/yyyy) (a first part of 13 can only be a day); 0 missing.');
    expect(infer('d', ['02/03/2020', '03/01/2020']).inference.evidence).toBe(
      '2 of 2 values parse as dates (mm/dd/yyyy) (no part above 12 tells day from month: read month-first; override if your dates are day-first); 0 missing.',
    );
  });

  it('rejects impossible dates', () => {
    expect(infer('d', ['2021-02-29', '2020-02-29']).column.kind).not.toBe('datetime');
    expect(infer('d', ['13/13/2020', '01/01/2020']).column.kind).not.toBe('datetime');
  });

  it('chooses categories for few short values and text for many', () => {
    // distinct ≤ max(2, min(1000, ½·present)): 3 ≤ 3 here.
    expect(infer('c', ['a', 'b', 'a', 'b', 'None', 'None']).inference).toEqual({
      name: 'c', originalName: 'c', kind: 'categorical', detail: 'categories', evidence: '3 distinct values among 6 present, few enough for categories; 0 missing.', missing: 0, distinct: 3, examples: ['a', 'b', 'None'],
    });
    expect(infer('note', ['a b', 'c d', 'e f', 'a b'])).toEqual({
      column: textColumn('note', ['a b', 'c d', 'e f', 'a b']),
      inference: { name: 'note', originalName: 'note', kind: 'text', detail: 'free text', evidence: '3 distinct values among 4 present: too varied for categories; 0 missing.', missing: 0, distinct: 3, examples: ['a b', 'c d', 'e f'] },
      warning: null,
    });
  });

  it('marks unique codes and unique integer columns named like ids as id-like text', () => {
    expect(infer('code', ['A1', 'B2', 'C3']).column).toEqual(textColumn('code', ['A1', 'B2', 'C3'], true));
    expect(infer('user_id', ['10', '11', '12'])).toEqual({
      column: textColumn('user_id', ['10', '11', '12'], true),
      inference: { name: 'user_id', originalName: 'user_id', kind: 'text', detail: 'id', evidence: 'Every one of the 3 present values is different, like an identifier; 0 missing.', missing: 0, distinct: 3, examples: ['10', '11', '12'] },
      warning: null,
    });
    expect(infer('count', ['10', '11', '12']).column.kind).toBe('numeric');
  });

  it('calls an all-missing column empty text', () => {
    expect(infer('e', ['', 'NA']).inference.evidence).toBe('All 2 values are missing.');
  });

  it('names mixed values by row when there are no line numbers', () => {
    const raw = Array.from({ length: 9 }, (_, i) => `2020-01-0${i + 1}`).concat(['soon']);
    expect(infer('d', raw).warning).toEqual({
      code: 'mixed-types',
      message: 'Column "d" is mostly dates, but 1 of 10 values are not (e.g. "soon" on row 10); it was kept as text so nothing is lost. Add such values to the missing-value tokens, or change the column\'s type to convert them to missing.',
    });
  });
});
