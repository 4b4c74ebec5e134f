import { describe, expect, it } from 'vitest';
import { profileCategory } from './profile-category';
import { textColumn } from '../../test-support/table-builders';

describe('profileCategory', () => {
  it('counts categories, keeps the top k and puts the rest in "other"', () => {
    const profile = profileCategory({ kind: 'categorical', name: 'c', levels: ['a', 'b', 'c', 'unused'], codes: Int32Array.from([0, 1, 1, 2, -1, 1, 0]) }, 2);
    expect(profile).toEqual({
      kind: 'categorical',
      name: 'c',
      count: 6,
      missing: 1,
      missingPct: (100 * 1) / 7,
      distinct: 3,
      idLike: false,
      notes: [],
      topValues: [
        { value: 'b', count: 3, pct: 50 },
        { value: 'a', count: 2, pct: (100 * 2) / 6 },
      ],
      otherCount: 1,
      meanLength: null,
      uniqueRatio: 0.5,
    });
  });

  it('reads booleans as "false"/"true" with 255 missing', () => {
    const profile = profileCategory({ kind: 'boolean', name: 'b', values: Uint8Array.from([1, 0, 1, 255]) }, 5);
    expect([profile.count, profile.missing, profile.topValues]).toEqual([3, 1, [{ value: 'true', count: 2, pct: (100 * 2) / 3 }, { value: 'false', count: 1, pct: 100 / 3 }]]);
  });

  it('measures text length and calls 20 distinct strings id-like but not 19', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `id${i}`);
    const profile = profileCategory(textColumn('t', [...ids, null]), 1);
    expect([profile.idLike, profile.meanLength, profile.otherCount, profile.uniqueRatio, profile.notes]).toEqual([
      true,
      (10 * 3 + 10 * 4) / 20,
      19,
      1,
      ['Text length is counted in UTF-16 code units.'],
    ]);
    expect(profileCategory(textColumn('t', ids.slice(1)), 1).idLike).toEqual(false);
  });

  it('reports an all-missing column with null ratios', () => {
    const profile = profileCategory(textColumn('e', [null, null]), 3);
    expect([profile.count, profile.distinct, profile.meanLength, profile.uniqueRatio, profile.topValues, profile.notes[0]]).toEqual([0, 0, null, null, [], 'No present values.']);
  });
});
