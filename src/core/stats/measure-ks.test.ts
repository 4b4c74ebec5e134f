import { describe, expect, it } from 'vitest';
import { measureKs, surviveKolmogorov } from './measure-ks';
import { readSample, roundDeep, STATS_REFERENCE } from './fixtures/read-reference';

const sorted = (values: (number | null)[]) => readSample(values).filter((v) => !Number.isNaN(v)).sort();

describe('measureKs', () => {
  it('equals scipy ks_2samp statistic and kstwobign.sf p-value, ties included', () => {
    const samples = STATS_REFERENCE.samples as Record<string, (number | null)[]>;
    const ours = STATS_REFERENCE.ks.map(({ a, b }) => ({ a, b, ...measureKs(sorted(samples[a]), sorted(samples[b])) }));
    expect(roundDeep(ours)).toEqual(roundDeep(STATS_REFERENCE.ks));
  });

  it('is 0 / 1 for equal samples and NaN for an empty one; the tail equals scipy on both sides of λ = 1', () => {
    expect([measureKs([1, 2, 3], [1, 2, 3]), measureKs([], [1])]).toEqual([{ statistic: 0, pValue: 1 }, { statistic: Number.NaN, pValue: Number.NaN }]);
    // scipy.stats.kstwobign.sf at 0.3, 0.5, 0.9999 (small-λ series), 1, 1.5 and 3 (alternating series).
    const scipy = [0.9999906941986655, 0.9639452436648751, 0.2701068819688554, 0.26999967167735456, 0.022217962616525127, 3.045995948942526e-8];
    expect(roundDeep([0.3, 0.5, 0.9999, 1, 1.5, 3].map(surviveKolmogorov))).toEqual(roundDeep(scipy));
  });
});
