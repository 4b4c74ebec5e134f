import { describe, expect, it } from 'vitest';
import { createTextColumn } from '../table/text-column';
import { countTextValues } from './count-text-values';

describe('countTextValues', () => {
  it('counts distinct values in first-seen order and measures length in UTF-16 code units', () => {
    const values = ['b', 'é', null, 'b', '', '😀x', 'é', '', 'bb', null, 'b'];
    const counted = countTextValues(createTextColumn('t', values));
    const present = values.filter((v): v is string => v !== null);
    expect({
      counts: counted.counts,
      firstRows: counted.firstRows,
      labels: counted.counts.map((_, i) => counted.labelAt(i)),
      missing: counted.missing,
      utf16Length: counted.utf16Length,
    }).toEqual({
      counts: [3, 2, 2, 1, 1],
      firstRows: [0, 1, 4, 5, 8],
      labels: ['b', 'é', '', '😀x', 'bb'],
      missing: 2,
      utf16Length: present.reduce((sum, v) => sum + v.length, 0),
    });
  });

  it('agrees with a Map over the strings on many colliding-length values', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : `v${(i * 37) % 1009}`));
    const expected = new Map<string, number>();
    for (const v of values) if (v !== null) expected.set(v, (expected.get(v) ?? 0) + 1);
    const counted = countTextValues(createTextColumn('t', values));
    expect(new Map(counted.counts.map((c, i) => [counted.labelAt(i), c]))).toEqual(expected);
  });
});
