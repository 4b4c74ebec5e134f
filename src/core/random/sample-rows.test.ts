import { describe, expect, it } from 'vitest';
import { createRandom } from './prng';
import { sampleRows } from './sample-rows';

describe('sampleRows', () => {
  it('returns every row in order when the sample would hold them all, drawing nothing', () => {
    const random = createRandom(3);
    expect(Array.from(sampleRows(4, 4, random))).toEqual([0, 1, 2, 3]);
    expect(random()).toBe(createRandom(3)());
  });

  it('draws distinct rows by a partial Fisher–Yates shuffle of the seeded stream, ascending', () => {
    // createRandom(7) gives 0.0117, 0.0620, 0.9769: k = 0 + ⌊0.0117·10⌋ = 0, 1 + ⌊0.0620·9⌋ = 1, 2 + ⌊0.9769·8⌋ = 9.
    expect(Array.from(sampleRows(10, 3, createRandom(7)))).toEqual([0, 1, 9]);
  });
});
