import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_BUDGET_BYTES, deriveMemoryBudgetBytes, formatBytes, formatRows, MIN_MEMORY_BUDGET_BYTES } from './memory-budget';

const GIB = 1024 ** 3;

describe('deriveMemoryBudgetBytes', () => {
  it.each([
    [{}, DEFAULT_MEMORY_BUDGET_BYTES],
    [{ deviceMemoryGiB: 8 }, 4 * GIB],
    [{ deviceMemoryGiB: 2 }, GIB],
    [{ deviceMemoryGiB: 0.25 }, MIN_MEMORY_BUDGET_BYTES],
    [{ jsHeapSizeLimitBytes: 3 * GIB }, 3 * GIB],
    [{ deviceMemoryGiB: 4, jsHeapSizeLimitBytes: 3 * GIB }, 2 * GIB],
    [{ totalMemoryBytes: 24 * GIB, deviceMemoryGiB: 8 }, 12 * GIB],
    [{ deviceMemoryGiB: Number.NaN }, DEFAULT_MEMORY_BUDGET_BYTES],
    [{ deviceMemoryGiB: 0, totalMemoryBytes: -1 }, DEFAULT_MEMORY_BUDGET_BYTES],
  ])('%j → %d bytes', (platform, bytes) => {
    expect(deriveMemoryBudgetBytes(platform)).toBe(bytes);
  });

  it('the default is 4 GiB', () => {
    expect(DEFAULT_MEMORY_BUDGET_BYTES).toBe(4 * GIB);
  });
});

describe('formatBytes and formatRows', () => {
  it.each([[0, '0 B'], [1023, '1023 B'], [13_824, '13.5 KB'], [2 * GIB, '2.0 GB'], [0xf0000000, '3.8 GB']])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([[999_999, '999,999'], [1_000_000, '1.0 M'], [1_234_567, '1.2 M']])('%d rows → %s', (rows, text) => {
    expect(formatRows(rows)).toBe(text);
  });
});
