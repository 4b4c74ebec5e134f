// Reads any column back as display texts (null = missing): the common ground for converting between kinds.

import { readTexts, textAt } from './text-column';
import type { Column } from './types';

/** One cell as text: numbers as JS prints them, instants as ISO 8601 (date only at midnight UTC), null when missing. */
export function readCellText(column: Column, row: number): string | null {
  switch (column.kind) {
    case 'numeric': {
      const v = column.values[row];
      return v === v ? String(v) : null;
    }
    case 'datetime': {
      const v = column.values[row];
      if (v !== v) return null;
      const iso = new Date(v).toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    }
    case 'boolean': {
      const v = column.values[row];
      return v === 1 ? 'true' : v === 0 ? 'false' : null;
    }
    case 'categorical': {
      const code = column.codes[row];
      return code < 0 ? null : column.levels[code];
    }
    case 'text':
      return textAt(column, row);
  }
}

/** Every cell of `column` as text; `rowCount` cells. */
export function readColumnTexts(column: Column, rowCount: number): (string | null)[] {
  if (column.kind === 'text') return readTexts(column);
  const texts = new Array<string | null>(rowCount);
  for (let i = 0; i < rowCount; i++) texts[i] = readCellText(column, i);
  return texts;
}
