import { afterEach, describe, expect, it, vi } from 'vitest';
import { countHistogramHelpers, createBrowserHistogramThreads } from './histogram-threads';

describe('browser histogram helpers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('one fewer than the cores, at most 3, none on one core', () => {
    expect([1, 2, 4, 16, undefined].map(countHistogramHelpers)).toEqual([0, 1, 3, 3, 0]);
  });

  it('a pool only where the page is cross-origin isolated and workers exist: otherwise null (fits stay on one thread)', () => {
    vi.stubGlobal('Worker', class {});
    expect(createBrowserHistogramThreads(8, false)).toBeNull();
    expect(createBrowserHistogramThreads(1, true)).toBeNull();
    expect(createBrowserHistogramThreads(8, true)?.count).toBe(3);
    vi.stubGlobal('SharedArrayBuffer', undefined);
    expect(createBrowserHistogramThreads(8, true)).toBeNull();
  });
});
