import { describe, expect, it } from 'vitest';
import { describeStreamedNotice } from './describe-streamed';

describe('describeStreamedNotice', () => {
  it('states the rows, the bounds and the sample size', () => {
    expect(describeStreamedNotice(3_000_000, { sampleRows: 200_000 })).toBe(
      'Large file: 3,000,000 rows stored in chunks; statistics over every row, quantiles approximate (±1.33 % of rank), distinct counts approximate (±0.81 %); plots and models use a sample of 200,000 rows unless a model streams every row.',
    );
  });
});
