import { describe, expect, it } from 'vitest';
import { argsortFinite } from './argsort-finite';
import { scanFromOrder, sortFinite } from './sort-finite';

describe('scanFromOrder', () => {
  it('gives exactly what sortFinite gives, −0 before +0 included', () => {
    const values = Float64Array.from([3, 0, NaN, -0, -2.5, Infinity, 0, -0, 1e-300, -Infinity, 3, -0]);
    const fromOrder = scanFromOrder(values, argsortFinite(values));
    const signs = (sorted: Float64Array) => Array.from(sorted, (v) => (Object.is(v, -0) ? '-0' : String(v)));
    expect({ fromOrder, signs: signs(fromOrder.sorted) }).toEqual({ fromOrder: sortFinite(values), signs: ['-2.5', '-0', '-0', '-0', '0', '0', '1e-300', '3', '3'] });
  });

  it('handles a column with no finite values', () => {
    const values = Float64Array.from([NaN, Infinity]);
    expect(scanFromOrder(values, argsortFinite(values))).toEqual({ sorted: new Float64Array(0), missing: 1, positiveInfinity: 1, negativeInfinity: 0 });
  });
});
