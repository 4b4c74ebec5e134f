import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSha256Hex } from './sha256';

describe('computeSha256Hex', () => {
  it('equals Node\'s SHA-256 on lengths around the block and padding edges', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 255);
      expect(computeSha256Hex(bytes), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('gives the FIPS 180-2 value of "abc"', () => {
    expect(computeSha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
