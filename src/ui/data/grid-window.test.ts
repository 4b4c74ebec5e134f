import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/table/types';
import {
  computeColumnOffsets, computeColumnWindow, computeWindow, DEFAULT_COLUMN_WIDTH_OPTIONS, estimateColumnWidths, MAX_SCROLL_HEIGHT_PX,
  pickSampleRows,
} from './grid-window';
import { textColumn } from '../../test-support/table-builders';

describe('computeWindow', () => {
  const small = { viewportHeight: 280, rowHeight: 28, rowCount: 100, overscan: 2 };

  it('maps scrollTop 1:1 onto rows when the row space fits', () => {
    expect(computeWindow({ ...small, scrollTop: 0 })).toEqual({ first: 0, last: 11, offsetY: 0, totalHeight: 2800 });
    expect(computeWindow({ ...small, scrollTop: 1000 })).toEqual({ first: 33, last: 47, offsetY: 924, totalHeight: 2800 });
  });

  it('clamps scrollTop past the end so the last row sits at the bottom', () => {
    expect(computeWindow({ ...small, scrollTop: 9999 })).toEqual({ first: 88, last: 99, offsetY: 2464, totalHeight: 2800 });
  });

  it('renders nothing for an empty table and every row when they all fit', () => {
    expect(computeWindow({ ...small, rowCount: 0, scrollTop: 0 })).toEqual({ first: 0, last: -1, offsetY: 0, totalHeight: 0 });
    expect(computeWindow({ ...small, rowCount: 3, scrollTop: 50 })).toEqual({ first: 0, last: 2, offsetY: 0, totalHeight: 84 });
  });

  const million = { viewportHeight: 392, rowHeight: 28, rowCount: 1_000_000, overscan: 3 };
  const maxScrollTop = MAX_SCROLL_HEIGHT_PX - million.viewportHeight;

  it('scales a million rows into the capped height with row 0 at scrollTop 0', () => {
    expect(computeWindow({ ...million, scrollTop: 0 })).toEqual({ first: 0, last: 16, offsetY: 0, totalHeight: 10_000_000 });
  });

  it('reaches the last row, flush with the bottom of the viewport, at the largest scrollTop', () => {
    const window = computeWindow({ ...million, scrollTop: maxScrollTop });
    expect(window).toEqual({ first: 999_983, last: 999_999, offsetY: 9_999_524, totalHeight: 10_000_000 });
    expect(window.offsetY + (window.last - window.first + 1) * million.rowHeight).toBe(maxScrollTop + million.viewportHeight);
  });

  it('maps the middle of the scroll range to the middle row', () => {
    expect(computeWindow({ ...million, overscan: 0, scrollTop: maxScrollTop / 2 }))
      .toEqual({ first: 499_993, last: 500_006, offsetY: 4_999_804, totalHeight: 10_000_000 });
  });

  it('draws the top visible row across the viewport top and skips no row between adjacent scroll pixels', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: maxScrollTop - 1 }), (scrollTop) => {
      const here = computeWindow({ ...million, overscan: 0, scrollTop });
      const next = computeWindow({ ...million, overscan: 0, scrollTop: scrollTop + 1 });
      const topRowY = here.offsetY - scrollTop; // the first row's position relative to the viewport top
      return topRowY <= 0 && topRowY > -million.rowHeight && next.first >= here.first && next.first <= here.last + 1;
    }), { seed: 7, numRuns: 500 });
  });
});

describe('computeColumnWindow', () => {
  const columnOffsets = [0, 100, 250, 330, 530];

  it('finds the columns under the viewport with variable widths', () => {
    expect(computeColumnWindow({ columnOffsets, viewportWidth: 200, overscan: 0, scrollLeft: 0 }))
      .toEqual({ first: 0, last: 1, offsetX: 0, totalWidth: 530 });
    expect(computeColumnWindow({ columnOffsets, viewportWidth: 200, overscan: 0, scrollLeft: 120 }))
      .toEqual({ first: 1, last: 2, offsetX: 100, totalWidth: 530 });
    expect(computeColumnWindow({ columnOffsets, viewportWidth: 200, overscan: 1, scrollLeft: 120 }))
      .toEqual({ first: 0, last: 3, offsetX: 0, totalWidth: 530 });
  });

  it('clamps past the right edge and handles no columns', () => {
    expect(computeColumnWindow({ columnOffsets, viewportWidth: 200, overscan: 0, scrollLeft: 5000 }))
      .toEqual({ first: 3, last: 3, offsetX: 330, totalWidth: 530 });
    expect(computeColumnWindow({ columnOffsets: [0], viewportWidth: 200, overscan: 2, scrollLeft: 0 }))
      .toEqual({ first: 0, last: -1, offsetX: 0, totalWidth: 0 });
  });

  it('windows 5,000 columns to the ten on screen', () => {
    const offsets = computeColumnOffsets(new Float64Array(5000).fill(100));
    expect(computeColumnWindow({ columnOffsets: offsets, viewportWidth: 1000, overscan: 0, scrollLeft: 250_000 }))
      .toEqual({ first: 2500, last: 2509, offsetX: 250_000, totalWidth: 500_000 });
  });
});

describe('column widths', () => {
  it('computes prefix sums', () => {
    expect(computeColumnOffsets([100, 150, 80])).toEqual(Float64Array.from([0, 100, 250, 330]));
  });

  it('estimates widths from names and sampled values, clamped to 80–320 px', () => {
    const table: Table = {
      rowCount: 2,
      columns: [
        { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2.5]) },
        { kind: 'boolean', name: 'a'.repeat(100), values: Uint8Array.from([1, 0]) },
        textColumn('note', ['short', 'thirty characters of text here']),
      ],
    };
    expect(estimateColumnWidths(table)).toEqual(Float64Array.from([80, 320, 245]));
  });

  it('samples fewer rows when the cell budget is small', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 1234567.5, 9, 10]);
    const table: Table = { rowCount: 10, columns: [{ kind: 'numeric', name: 'x', values }] };
    const options = { ...DEFAULT_COLUMN_WIDTH_OPTIONS, minWidth: 0 };
    // All 10 rows fit the budget, so row 7 ("1234568": 7 × 7.5 + 20 px) sets the width; a budget of 4 samples
    // rows 0, 1, 5 and 9 only, and the header ("x": 8.8 + 60 px) wins.
    expect([estimateColumnWidths(table, options), estimateColumnWidths(table, { ...options, maxSampledCells: 4 })])
      .toEqual([Float64Array.from([73]), Float64Array.from([69])]);
  });

  it('samples the head and an even spread that ends at the last row', () => {
    expect(pickSampleRows(5, 24)).toEqual([0, 1, 2, 3, 4]);
    expect(pickSampleRows(100, 6)).toEqual([0, 1, 2, 35, 67, 99]);
  });
});
