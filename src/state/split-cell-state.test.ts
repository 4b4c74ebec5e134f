import { describe, expect, it, vi } from 'vitest';
import { isSplitOutput } from './split-cell-state.svelte';

vi.mock('../workers/clients', () => ({ callCompute: vi.fn() }));

const result = { train: Uint32Array.from([0]), validation: new Uint32Array(0), test: new Uint32Array(0), warnings: [], folds: [] };

describe('isSplitOutput', () => {
  it('ignores a saved split of the first shape (its summary read a regression target as classes), so the split runs again', () => {
    const summary = { parts: [], issues: [], rowsWithoutTarget: 0 };
    expect([
      isSplitOutput({ kind: 'split', result: { ...result, summary: { parts: [], issues: [] } }, inputKey: 'k' }),
      isSplitOutput({ kind: 'split', version: 2, result: { ...result, summary }, inputKey: 'k' }),
    ]).toEqual([false, true]);
  });
});
