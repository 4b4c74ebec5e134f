import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, shuffleInPlace } from './prng';

describe('createRandom', () => {
  it('produces the mulberry32 sequence (values from an independent Python port, /tmp-free literal)', () => {
    const a = createRandom(0);
    expect([a(), a(), a(), a()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111]);
    const b = createRandom(42);
    expect([b(), b(), b(), b()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]);
  });

  it('shuffles to a permutation that depends on the seed only', () => {
    const one = shuffleInPlace(Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), createRandom(7));
    const two = shuffleInPlace(Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), createRandom(7));
    expect(Array.from(one)).toEqual(Array.from(two));
    expect(Array.from(one).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('deriveSeed', () => {
  it('mixes (seed, index) into unrelated seeds, the same in every run (the forest trees stored so far depend on it)', () => {
    expect([deriveSeed(0, 0), deriveSeed(0, 1), deriveSeed(1, 0), deriveSeed(42, 7)]).toEqual([688333313, 4046247481, 3352061774, 4219809627]);
  });
});
