import { describe, expect, it } from 'vitest';
import type { PartSummary } from '../../../core/split/summarize-split';
import { capList, formatTargetRows, pickClassLabels } from './summary-lists';

const part = (name: PartSummary['part'], classCounts: Record<string, number> | null, targetSummary: PartSummary['targetSummary'] = null): PartSummary =>
  ({ part: name, size: 0, classCounts, targetSummary, dateRange: null });

describe('split summary lists', () => {
  it('draws the most frequent classes, in their own order, and counts the rest', () => {
    const parts = [part('train', { a: 1, b: 5, c: 2 }), part('validation', { a: 1, c: 9, d: 1 }), part('test', {})];
    expect([pickClassLabels(parts, 2), pickClassLabels(parts), capList([1, 2, 3], 5)]).toEqual([
      { shown: ['b', 'c'], more: 2 },
      { shown: ['a', 'b', 'c', 'd'], more: 0 },
      { shown: [1, 2, 3], more: 0 },
    ]);
  });

  it('formats a numeric target per part, an undefined std as a dash', () => {
    const summary = { count: 1234, mean: 23.456789, std: null, min: 9, p5: 10.5, p25: 17.25, p50: 22, p75: 29, p95: 37.1, max: 46.6 };
    expect(formatTargetRows([part('train', null, summary), part('validation', null)])).toEqual([
      { part: 'train', cells: ['1,234', '23.4568', '—', '9', '10.5', '17.25', '22', '29', '37.1', '46.6'] },
    ]);
  });
});
