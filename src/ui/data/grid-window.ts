// Pure windowing math for the virtualized data grid: which rows and columns are on screen for a scroll
// position, where to draw them, and how wide each column should be. No DOM, so it is unit-tested in Node.

import { formatCell } from '../../core/table/format-cell';
import type { Table } from '../../core/table/types';

/**
 * Browsers cap an element's height (Chromium ~16.7M px, Firefox less); taller row spaces are scaled down
 * to this many px and scrollTop is mapped proportionally onto the rows.
 */
export const MAX_SCROLL_HEIGHT_PX = 10_000_000;

export interface RowWindowInput {
  /** px scrolled from the top of the row space. */
  scrollTop: number;
  /** px of the viewport that shows rows (without the header). */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

export interface RowWindow {
  /** First row to render (0-based). */
  first: number;
  /** Last row to render, inclusive; first − 1 when there is nothing to render. */
  last: number;
  /** px from the top of the row space at which row `first` is drawn. */
  offsetY: number;
  /** px height of the row space (≤ MAX_SCROLL_HEIGHT_PX). */
  totalHeight: number;
}

/** The rows to render for a vertical scroll position; above MAX_SCROLL_HEIGHT_PX the space is scaled. */
export function computeWindow(input: RowWindowInput): RowWindow {
  const { viewportHeight, rowHeight, rowCount, overscan } = input;
  const naturalHeight = rowCount * rowHeight;
  const totalHeight = Math.min(naturalHeight, MAX_SCROLL_HEIGHT_PX);
  if (rowCount === 0) return { first: 0, last: -1, offsetY: 0, totalHeight: 0 };
  const maxScrollTop = Math.max(0, totalHeight - viewportHeight);
  const scrollTop = clamp(input.scrollTop, 0, maxScrollTop);
  // Where the viewport's top edge is in unscaled row space; equal to scrollTop when nothing is scaled.
  const virtualTop = maxScrollTop === 0 ? 0 : (scrollTop / maxScrollTop) * Math.max(0, naturalHeight - viewportHeight);
  const firstVisible = Math.min(rowCount - 1, Math.floor(virtualTop / rowHeight));
  const lastVisible = Math.min(rowCount - 1, Math.ceil((virtualTop + viewportHeight) / rowHeight) - 1);
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(rowCount - 1, Math.max(firstVisible, lastVisible) + overscan);
  // Row r is drawn at scrollTop + (r·rowHeight − virtualTop): on screen where it belongs in unscaled space.
  return { first, last, offsetY: scrollTop + first * rowHeight - virtualTop, totalHeight };
}

export interface ColumnWindowInput {
  /** px scrolled from the left of the column space. */
  scrollLeft: number;
  /** px of the viewport that shows columns (without the row-number column). */
  viewportWidth: number;
  /** Prefix sums of the column widths: offsets[i] is column i's left edge, offsets[n] the total width. */
  columnOffsets: ArrayLike<number>;
  /** Extra columns rendered left and right of the visible ones. */
  overscan: number;
}

export interface ColumnWindow {
  first: number;
  /** Inclusive; first − 1 when there are no columns. */
  last: number;
  /** px from the left of the column space at which column `first` is drawn. */
  offsetX: number;
  totalWidth: number;
}

/** The columns to render for a horizontal scroll position (binary search: O(log n) per frame). */
export function computeColumnWindow(input: ColumnWindowInput): ColumnWindow {
  const { viewportWidth, columnOffsets: offsets, overscan } = input;
  const columnCount = offsets.length - 1;
  const totalWidth = columnCount > 0 ? offsets[columnCount] : 0;
  if (columnCount <= 0) return { first: 0, last: -1, offsetX: 0, totalWidth: 0 };
  const scrollLeft = clamp(input.scrollLeft, 0, Math.max(0, totalWidth - viewportWidth));
  const firstVisible = findColumnAt(offsets, scrollLeft);
  const lastVisible = findColumnAt(offsets, Math.max(scrollLeft, scrollLeft + viewportWidth - 1e-6));
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(columnCount - 1, lastVisible + overscan);
  return { first, last, offsetX: offsets[first], totalWidth };
}

/** Prefix sums of `widths` (px): length widths.length + 1, starting at 0. */
export function computeColumnOffsets(widths: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(widths.length + 1);
  for (let i = 0; i < widths.length; i++) offsets[i + 1] = offsets[i] + widths[i];
  return offsets;
}

export interface ColumnWidthOptions {
  /** px per character of 13 px cell text (an estimate: no text is measured). */
  charWidth: number;
  /** px per character of the bold header text. */
  headerCharWidth: number;
  /** px of padding plus the kind badge in the header. */
  headerExtra: number;
  /** px of cell padding. */
  cellPadding: number;
  minWidth: number;
  maxWidth: number;
  /** Rows sampled per column: the first half from the top, the rest spread evenly over the table. */
  sampleRows: number;
  /** Cells sampled in all; wide tables sample fewer rows (at least 4) so 5,000 columns stay ~instant. */
  maxSampledCells: number;
}

export const DEFAULT_COLUMN_WIDTH_OPTIONS: ColumnWidthOptions = {
  charWidth: 7.5, headerCharWidth: 8.8, headerExtra: 60, cellPadding: 20, minWidth: 80, maxWidth: 320, sampleRows: 24,
  maxSampledCells: 20_000,
};

/** Estimated px width of every column, from its name and a sample of its formatted values, clamped. */
export function estimateColumnWidths(table: Table, options = DEFAULT_COLUMN_WIDTH_OPTIONS): Float64Array {
  const perColumn = Math.floor(options.maxSampledCells / Math.max(1, table.columns.length));
  const rows = pickSampleRows(table.rowCount, Math.max(4, Math.min(options.sampleRows, perColumn)));
  return Float64Array.from(table.columns, (column) => {
    let width = column.name.length * options.headerCharWidth + options.headerExtra;
    for (const row of rows) width = Math.max(width, formatCell(column, row).length * options.charWidth + options.cellPadding);
    return Math.round(clamp(width, options.minWidth, options.maxWidth));
  });
}

/** Up to `count` distinct row indices, ascending: the first count/2 rows, then evenly spread ones. */
export function pickSampleRows(rowCount: number, count: number): number[] {
  if (rowCount <= count) return Array.from({ length: rowCount }, (_, row) => row);
  const head = Math.floor(count / 2);
  const rows = Array.from({ length: head }, (_, row) => row);
  const spread = count - head;
  for (let i = 1; i <= spread; i++) rows.push(head + Math.floor((i * (rowCount - 1 - head)) / spread));
  return rows;
}

/** Index of the column whose [left, right) span holds x (x within the column space). */
function findColumnAt(offsets: ArrayLike<number>, x: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= x) low = mid;
    else high = mid - 1;
  }
  return low;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
