import { describe, expect, it } from 'vitest';
import { addMoments, createMoments, describeVariance, mergeMoments } from './moments-sketch';

describe('moments sketch', () => {
  it('gives count, missing, mean, sample variance, min and max; merged halves equal one pass', () => {
    const values = [2, 4, NaN, 4, 4, 5, 5, 7, 9];
    const whole = createMoments();
    addMoments(whole, values);
    expect({ ...whole, m2: undefined }).toEqual({ count: 8, missing: 1, mean: 5, m2: undefined, min: 2, max: 9 });
    expect(describeVariance(whole)).toBeCloseTo(32 / 7, 12); // numpy.var(ddof=1) of the 8 present values
    const a = createMoments();
    const b = createMoments();
    addMoments(a, values.slice(0, 3));
    addMoments(b, values.slice(3));
    const merged = mergeMoments(a, b);
    expect(merged.mean).toBeCloseTo(5, 12);
    expect(describeVariance(merged)).toBeCloseTo(32 / 7, 12);
    expect([merged.count, merged.missing, merged.min, merged.max]).toEqual([8, 1, 2, 9]);
    expect(mergeMoments(createMoments(), createMoments())).toEqual(createMoments());
  });
});
