// Display formatting shared by Home and the cells: byte sizes, counts, dates.

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1024-based, one decimal from KB up: 13824 → "13.5 KB"; NaN or negative → "—". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Thousands separators, en-US: 1234567 → "1,234,567". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** "344 rows × 7 columns", singular where it applies. */
export function formatShape(rows: number, columns: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} × ${formatCount(columns)} ${columns === 1 ? 'column' : 'columns'}`;
}

/** Epoch ms → local date and time, e.g. "Nov 22, 2026, 1:12 PM". */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
