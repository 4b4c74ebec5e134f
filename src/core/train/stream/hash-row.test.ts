import { describe, expect, it } from 'vitest';
import { assignRowPart, createRowPartAssigner, hashRowUnit } from './hash-row';

describe('hashRowUnit', () => {
  it('is uniform on [0, 1) over row indices, including rows past 2³²', () => {
    const counts = new Array(10).fill(0);
    for (let row = 0; row < 100_000; row++) counts[Math.floor(hashRowUnit(7, row + (row % 2) * 2 ** 33) * 10)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(hashRowUnit(7, 123)).toBe(hashRowUnit(7, 123));
    expect(hashRowUnit(8, 123)).not.toBe(hashRowUnit(7, 123));
  });
});

describe('createRowPartAssigner', () => {
  it('assigns about the split\'s shares, the same part for a row on every call', () => {
    const split = { validationShare: 0.2, testShare: 0.1, seed: 3 };
    const partOf = createRowPartAssigner(split);
    const counts = { train: 0, validation: 0, test: 0 };
    for (let row = 0; row < 50_000; row++) counts[partOf(row)]++;
    expect(Math.abs(counts.validation - 10_000)).toBeLessThan(400);
    expect(Math.abs(counts.test - 5_000)).toBeLessThan(300);
    expect([0, 1, 2, 99].map((row) => assignRowPart(split, row))).toEqual([0, 1, 2, 99].map(partOf));
  });
});
