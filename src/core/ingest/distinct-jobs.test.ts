import { describe, expect, it } from 'vitest';
import { countDistinctJob, describeDistinctJob } from './distinct-jobs';
import { packTexts } from './packed-texts';
import { scanColumn } from './scan-column';

const tokens = new Set(['', 'NA']);

describe('describeDistinctJob', () => {
  it('asks for counts of decimals, ISO dates and packed free texts, and none where levels or booleans answer', () => {
    const packedIds = scanColumn(['x1', 'x2', 'x1', 'x3'], tokens);
    packedIds.levels = null; // as a range scan past MAX_LEVELS distinct values, its texts packed
    packedIds.codes = null;
    packedIds.packed = packTexts(['x1', 'x2', 'x1', 'x3']);
    const jobs = [
      scanColumn(['1.5', '2', 'NA', '1.5', '-0', '0'], tokens),
      scanColumn(['2020-01-02', '2020-01-03', '2020-01-02'], tokens),
      scanColumn(['1', '2', '1'], tokens),
      scanColumn(['yes', 'no', 'yes'], tokens),
      scanColumn(['a', 'b', 'a', 'a'], tokens),
      packedIds,
    ].map(describeDistinctJob);
    expect([jobs.map((job) => job?.kind ?? null), jobs.map((job) => (job === null ? null : countDistinctJob(job)))]).toEqual([
      ['numbers', 'numbers', null, null, null, 'packed'],
      [3, 2, null, null, null, 3],
    ]);
  });
});
