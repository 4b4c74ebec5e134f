import { describe, expect, it } from 'vitest';
import { measureCorrelationRatio, measureCorrelationRatios } from './measure-correlation-ratio';

describe('measureCorrelationRatios', () => {
  it('gives each category the η it has alone, missing codes and values skipped per category', () => {
    const values = Float64Array.from([1, 2, Number.NaN, 4, 5, 6, Infinity, 8]);
    const a = { codes: Int32Array.from([0, 0, 1, 1, -1, 2, 2, 2]), levels: 3 };
    const b = { codes: Int32Array.from([1, 0, 1, 0, 1, 0, 1, -1]), levels: 2 };
    const none = { codes: Int32Array.from([-1, -1, -1, -1, -1, -1, -1, -1]), levels: 1 };
    const alone = [a, b, none].map((c) => measureCorrelationRatio(c.codes, c.levels, values));
    expect(measureCorrelationRatios([a, b, none], values)).toEqual(alone);
    expect(alone[2]).toBeNaN();
    expect(alone[1]).toBeCloseTo(Math.sqrt(1.2 / 17.2), 12);
  });
});
