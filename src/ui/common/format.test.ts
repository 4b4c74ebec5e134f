import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatShape } from './format';

describe('formatBytes', () => {
  it('uses 1024-based units with one decimal', () => {
    expect([0, 512, 1024, 13824, 5 * 1024 * 1024 + 1, NaN, -1].map(formatBytes)).toEqual([
      '0 B', '512 B', '1.0 KB', '13.5 KB', '5.0 MB', '—', '—',
    ]);
  });
});

describe('formatShape', () => {
  it('separates thousands and uses singular for one', () => {
    expect([formatShape(344, 7), formatShape(1, 1), formatShape(1234567, 12), formatCount(0)]).toEqual([
      '344 rows × 7 columns', '1 row × 1 column', '1,234,567 rows × 12 columns', '0',
    ]);
  });
});
