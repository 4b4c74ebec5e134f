import { describe, expect, it } from 'vitest';
import { shouldStopEarly, splitValidationRows } from './early-stopping';

describe('early stopping', () => {
  it('stops when none of the last `patience` losses beats the one before them by more than tol', () => {
    expect(shouldStopEarly([1, 0.9, 0.8], 2, 0)).toBe(false);
    expect(shouldStopEarly([1, 0.9, 0.9, 0.9], 2, 0)).toBe(true);
    expect(shouldStopEarly([1, 0.9, 0.95, 0.89], 2, 0)).toBe(false);
    expect(shouldStopEarly([1, 0.9, 0.95, 0.89], 2, 0.02)).toBe(true);
    expect(shouldStopEarly([1, 2], 2, 0)).toBe(false);
  });

  it('holds out the fraction of each class, seeded', () => {
    const y = Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    const a = splitValidationRows(y, 2, 0.2, 4);
    expect(a.validation.length).toBe(4);
    expect([...a.validation].map((i) => y[i])).toEqual([0, 0, 1, 1]);
    expect([...a.train, ...a.validation].sort((p, q) => p - q)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(splitValidationRows(y, 2, 0.2, 4)).toEqual(a);
  });
});
