import { describe, expect, it } from 'vitest';
import { measureMeanStd } from './measure-mean-std';

describe('measureMeanStd', () => {
  it('gives the mean and the population std (numpy: np.mean, np.std of [0.8, 0.9, 0.7, 0.85])', () => {
    const { mean, std } = measureMeanStd([0.8, 0.9, 0.7, 0.85]);
    expect(mean).toBeCloseTo(0.8125000000000001, 15);
    expect(std).toBeCloseTo(0.07395099728874523, 15);
  });

  it('is NaN for no values and 0 spread for one', () => {
    expect(measureMeanStd([])).toEqual({ mean: NaN, std: NaN });
    expect(measureMeanStd([3])).toEqual({ mean: 3, std: 0 });
  });
});
